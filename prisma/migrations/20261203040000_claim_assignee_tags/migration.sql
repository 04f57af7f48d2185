-- Claims get an assignee and tags (issue 18). Tags are a lower-cased text[] on the claim
-- with a GIN index: filters ask `tags @> ARRAY[...]`; existing claims start untagged and
-- unassigned.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Claim" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Claim_assigneeId_idx" ON "Claim"("assigneeId");
CREATE INDEX "Claim_tags_idx" ON "Claim" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
