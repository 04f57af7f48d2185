-- Corrections after publication (lib/corrections) and the "withdrawn" answer of a public
-- page that was taken down.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "unpublishedAt" TIMESTAMP(3);

-- An article unpublished before this migration: its page was taken down when its latest
-- unpublish was recorded.
UPDATE "Article" a SET "unpublishedAt" = e."at"
FROM (
    SELECT "entityId", max("at") AS "at" FROM "AuditEvent"
    WHERE "entityType" = 'Article' AND "action" = 'article.unpublish'
    GROUP BY "entityId"
) e
WHERE e."entityId" = a."id" AND a."publishedAt" IS NULL;

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "note" TEXT NOT NULL,
    "restatement" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "previousVerdict" TEXT NOT NULL,
    "previousRationale" TEXT,
    "previousApprovedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Correction_articleId_createdAt_idx" ON "Correction"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Correction_claimId_idx" ON "Correction"("claimId");

-- CreateIndex
CREATE INDEX "Correction_createdAt_idx" ON "Correction"("createdAt");

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
