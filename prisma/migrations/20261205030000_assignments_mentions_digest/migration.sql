-- Working as a team (issue 17): articles and claims assigned with a due date, replies under
-- comments, notifications of more kinds (an article's assignment has no claim), and an
-- email digest per user. Existing rows keep their meaning: nothing assigned, no replies,
-- no digest.

-- AlterEnum (new values are not used in this transaction)
ALTER TYPE "NotificationKind" ADD VALUE 'MENTION';
ALTER TYPE "NotificationKind" ADD VALUE 'CHANGES_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'APPROVED';
ALTER TYPE "NotificationKind" ADD VALUE 'ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'CORRECTION';

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('HOURLY', 'DAILY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN "digestFrequency" "DigestFrequency";
ALTER TABLE "User" ADD COLUMN "lastDigestAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Article" ADD COLUMN "dueOn" DATE;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "dueOn" DATE;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "parentId" TEXT;

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "claimId" DROP NOT NULL;
ALTER TABLE "Notification" ADD COLUMN "articleId" TEXT;
ALTER TABLE "Notification" ADD COLUMN "commentId" TEXT;

-- CreateIndex
CREATE INDEX "Article_assigneeId_idx" ON "Article"("assigneeId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
