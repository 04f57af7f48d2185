-- Search and evidence discovery: sentence-level passages with full-text and trigram
-- indexes, the titles' full-text vectors, claim groups (the same claim in several
-- articles) and dismissed claim suggestions.

-- Trigram similarity (suggested evidence, the same claim across articles). Trusted since
-- PostgreSQL 13, so the database owner may create it; the embedded database loads it too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "Passage" (
    "articleId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    -- Maintained by the database on every insert and update, never by application code.
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("articleId","ordinal")
);

-- CreateTable
CREATE TABLE "ClaimGroup" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DismissedSuggestion" (
    "articleId" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "dismissedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DismissedSuggestion_pkey" PRIMARY KEY ("articleId","startOffset","endOffset")
);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "title")) STORED;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "groupId" TEXT;

-- CreateIndex
CREATE INDEX "Passage_searchVector_idx" ON "Passage" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Passage_text_idx" ON "Passage" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_titleVector_idx" ON "Article" USING GIN ("titleVector");

-- CreateIndex
CREATE INDEX "Claim_groupId_idx" ON "Claim"("groupId");

-- CreateIndex
CREATE INDEX "Claim_restatement_idx" ON "Claim" USING GIN ("restatement" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_exact_idx" ON "Claim" USING GIN ("exact" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimGroup" ADD CONSTRAINT "ClaimGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DismissedSuggestion" ADD CONSTRAINT "DismissedSuggestion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DismissedSuggestion" ADD CONSTRAINT "DismissedSuggestion_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ClaimGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
