-- Who last changed what a claim publishes (restatement, verdict, rationale, evidence): the
-- four-eyes rule keeps them from approving it. Existing claims take it from their history.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "contentChangedById" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_contentChangedById_fkey" FOREIGN KEY ("contentChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill
UPDATE "Claim" c
   SET "contentChangedById" = COALESCE((
         SELECT e."actorId" FROM "AuditEvent" e
          WHERE e."entityType" = 'Claim' AND e."entityId" = c.id
            AND e.action IN ('claim.create', 'claim.update', 'evidence.add', 'evidence.remove', 'verdict.adopted')
          ORDER BY e.id DESC LIMIT 1
       ), c."authorId");
