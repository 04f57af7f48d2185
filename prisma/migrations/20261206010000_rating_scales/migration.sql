-- Rating scales as data (lib/ratings): the fixed Verdict enum becomes the Verity preset, whose
-- ratings keep the enum's values as their ids, so every existing verdict keeps its meaning.
-- The four presets are read-only; an admin copies one to make the organisation's own.

-- CreateEnum
CREATE TYPE "TruthStep" AS ENUM ('FALSE', 'MOSTLY_FALSE', 'MIXED', 'MOSTLY_TRUE', 'TRUE', 'NOT_RATEABLE');

-- CreateTable
CREATE TABLE "RatingScale" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT,
    "worstRating" INTEGER,
    "bestRating" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "scaleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "icon" TEXT NOT NULL,
    "ratingValue" INTEGER,
    "truth" "TruthStep" NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingScale_preset_key" ON "RatingScale"("preset");

-- CreateIndex
CREATE INDEX "Rating_scaleId_position_idx" ON "Rating"("scaleId", "position");

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "RatingScale"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The presets, written from each organisation's published definitions.
INSERT INTO "RatingScale" ("id", "name", "preset", "worstRating", "bestRating") VALUES
  ('verity', 'Verity', 'verity', 1, 5),
  ('truth-o-meter', 'PolitiFact Truth-O-Meter', 'truth-o-meter', 1, 6),
  ('pinocchio', 'The Washington Post Fact Checker', 'pinocchio', 1, 5),
  ('label-only', 'Labels (as AFP and Full Fact use)', 'label-only', NULL, NULL);

INSERT INTO "Rating" ("id", "scaleId", "position", "label", "definition", "color", "icon", "ratingValue", "truth") VALUES
  ('FALSE', 'verity', 0, 'False', 'The claim is wrong: the evidence contradicts it.', '#b42318', '✗', 1, 'FALSE'),
  ('MOSTLY_FALSE', 'verity', 1, 'Mostly false', 'The claim has an element of truth but gets the essential point wrong.', '#b54708', '≠', 2, 'MOSTLY_FALSE'),
  ('MIXED', 'verity', 2, 'Mixed', 'Parts of the claim are right and parts are wrong.', '#8a6100', '◐', 3, 'MIXED'),
  ('MOSTLY_TRUE', 'verity', 3, 'Mostly true', 'The claim is right in substance but needs a clarification or a missing detail.', '#3d7a1f', '≈', 4, 'MOSTLY_TRUE'),
  ('TRUE', 'verity', 4, 'True', 'The claim is accurate and nothing significant is missing.', '#1e6b3a', '✓', 5, 'TRUE'),
  ('MISLEADING', 'verity', 5, 'Misleading', 'Accurate in its details, but it leaves a false impression.', '#7a3fb0', '⚠', NULL, 'NOT_RATEABLE'),
  ('UNVERIFIABLE', 'verity', 6, 'Unverifiable', 'No evidence available can settle the claim either way.', '#55606e', '?', NULL, 'NOT_RATEABLE'),

  ('tom-true', 'truth-o-meter', 0, 'True', 'The statement is accurate and nothing significant is missing.', '#1e6b3a', '✓', 6, 'TRUE'),
  ('tom-mostly-true', 'truth-o-meter', 1, 'Mostly True', 'The statement is accurate but needs clarification or additional information.', '#3d7a1f', '≈', 5, 'MOSTLY_TRUE'),
  ('tom-half-true', 'truth-o-meter', 2, 'Half True', 'The statement is partially accurate but leaves out important details or takes things out of context.', '#8a6100', '◐', 4, 'MIXED'),
  ('tom-mostly-false', 'truth-o-meter', 3, 'Mostly False', 'The statement contains an element of truth but ignores critical facts that would give a different impression.', '#b54708', '≠', 3, 'MOSTLY_FALSE'),
  ('tom-false', 'truth-o-meter', 4, 'False', 'The statement is not accurate.', '#b42318', '✗', 2, 'FALSE'),
  ('tom-pants-on-fire', 'truth-o-meter', 5, 'Pants on Fire', 'The statement is not accurate and makes a ridiculous claim.', '#8f1d12', '‼', 1, 'FALSE'),

  ('wp-geppetto', 'pinocchio', 0, 'Geppetto Checkmark', 'The truth, the whole truth and nothing but the truth.', '#1e6b3a', '✓', 5, 'TRUE'),
  ('wp-one', 'pinocchio', 1, 'One Pinocchio', 'Some shading of the facts: selective telling of the truth, some omissions and exaggerations, but no outright falsehood.', '#3d7a1f', '1', 4, 'MOSTLY_TRUE'),
  ('wp-two', 'pinocchio', 2, 'Two Pinocchios', 'Significant omissions or exaggerations; a factual error may be involved. A false impression made by playing with words.', '#8a6100', '2', 3, 'MIXED'),
  ('wp-three', 'pinocchio', 3, 'Three Pinocchios', 'Significant factual error or obvious contradictions.', '#b54708', '3', 2, 'MOSTLY_FALSE'),
  ('wp-four', 'pinocchio', 4, 'Four Pinocchios', 'Whoppers: the statement is plainly false.', '#b42318', '4', 1, 'FALSE'),

  ('label-false', 'label-only', 0, 'False', 'The claim is wrong.', '#b42318', '✗', NULL, 'FALSE'),
  ('label-partly-false', 'label-only', 1, 'Partly false', 'Some of the claim is wrong.', '#b54708', '≠', NULL, 'MOSTLY_FALSE'),
  ('label-misleading', 'label-only', 2, 'Misleading', 'Accurate in its details, but presented so as to leave a false impression.', '#7a3fb0', '⚠', NULL, 'MIXED'),
  ('label-missing-context', 'label-only', 3, 'Missing context', 'Could mislead without context that it leaves out.', '#8a6100', '…', NULL, 'MIXED'),
  ('label-altered', 'label-only', 4, 'Altered', 'An image, video or document that was edited or fabricated.', '#8f1d12', '✂', NULL, 'FALSE'),
  ('label-satire', 'label-only', 5, 'Satire', 'Humour or parody that can be mistaken for fact.', '#55606e', '☺', NULL, 'NOT_RATEABLE'),
  ('label-true', 'label-only', 6, 'True', 'The claim is accurate.', '#1e6b3a', '✓', NULL, 'TRUE'),
  ('label-opinion', 'label-only', 7, 'Opinion — not checkable', 'A view or a prediction, not a statement of fact: there is nothing to check.', '#1f4f8f', '❝', NULL, 'NOT_RATEABLE');

-- Verdicts become rating ids (the Verity preset's ids are the enum's values).
ALTER TABLE "Claim" ALTER COLUMN "verdict" TYPE TEXT USING "verdict"::TEXT;
ALTER TABLE "Notification" ALTER COLUMN "fromVerdict" TYPE TEXT USING "fromVerdict"::TEXT;
ALTER TABLE "Notification" ALTER COLUMN "toVerdict" TYPE TEXT USING "toVerdict"::TEXT;
DROP TYPE "Verdict";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "ratingScaleId" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_verdict_fkey" FOREIGN KEY ("verdict") REFERENCES "Rating"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictRound" ADD CONSTRAINT "VerdictRound_finalVerdict_fkey" FOREIGN KEY ("finalVerdict") REFERENCES "Rating"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndependentVerdict" ADD CONSTRAINT "IndependentVerdict_verdict_fkey" FOREIGN KEY ("verdict") REFERENCES "Rating"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_ratingScaleId_fkey" FOREIGN KEY ("ratingScaleId") REFERENCES "RatingScale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
