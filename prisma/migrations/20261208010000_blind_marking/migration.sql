-- Blind marking of an article (issue 17; lib/marking): reviewers mark claims without seeing
-- each other's marks; once revealed, an editor reconciles overlapping marks into one claim.

CREATE TABLE "MarkingRound" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "MarkingRound_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MarkingSeat" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "MarkingSeat_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BlindMark" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "restatement" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "claimId" TEXT,

    CONSTRAINT "BlindMark_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "MarkingRound_articleId_openedAt_idx" ON "MarkingRound"("articleId", "openedAt");
CREATE INDEX "MarkingRound_closedAt_idx" ON "MarkingRound"("closedAt");
CREATE UNIQUE INDEX "MarkingSeat_roundId_reviewerId_key" ON "MarkingSeat"("roundId", "reviewerId");
CREATE INDEX "MarkingSeat_reviewerId_idx" ON "MarkingSeat"("reviewerId");
CREATE INDEX "BlindMark_roundId_reviewerId_idx" ON "BlindMark"("roundId", "reviewerId");
CREATE INDEX "BlindMark_reviewerId_idx" ON "BlindMark"("reviewerId");
CREATE INDEX "BlindMark_claimId_idx" ON "BlindMark"("claimId");

ALTER TABLE "MarkingRound" ADD CONSTRAINT "MarkingRound_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MarkingRound" ADD CONSTRAINT "MarkingRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MarkingRound" ADD CONSTRAINT "MarkingRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MarkingSeat" ADD CONSTRAINT "MarkingSeat_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MarkingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MarkingSeat" ADD CONSTRAINT "MarkingSeat_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BlindMark" ADD CONSTRAINT "BlindMark_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MarkingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BlindMark" ADD CONSTRAINT "BlindMark_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BlindMark" ADD CONSTRAINT "BlindMark_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
