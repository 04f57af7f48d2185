-- Article versions: every article's text so far is its version 1. Notifications also tell a
-- reviewer that a new version changed the text their claim quotes.

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "canonicalText" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "outletUpdatedOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("articleId","number")
);

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The existing articles' text is their first version, imported when the article was.
INSERT INTO "ArticleVersion" ("articleId", "number", "body", "canonicalText", "source", "sourceFormat", "createdById", "createdAt")
SELECT "id", 1, "body", "canonicalText", 'IMPORT', "sourceFormat", "importedById", "createdAt" FROM "Article";

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('VERDICT_CHANGED', 'TEXT_CHANGED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "kind" "NotificationKind" NOT NULL DEFAULT 'VERDICT_CHANGED';
