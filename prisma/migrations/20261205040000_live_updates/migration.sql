-- Live updates (lib/live): the events open pages are told about, and who is viewing what.

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Presence" (
    "streamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "editingClaimId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("streamId")
);

-- CreateIndex
CREATE INDEX "LiveEvent_articleId_id_idx" ON "LiveEvent"("articleId", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Presence_articleId_seenAt_idx" ON "Presence"("articleId", "seenAt");

-- Every audited change to an article or a claim becomes a live event in the same
-- transaction, so every writer (Prisma, hand-written SQL, bulk inserts) announces its
-- changes without calling anything. A claim's event names its article; a deleted claim's
-- article is the one its audit event recorded. NOTIFY is delivered only on commit. A restore
-- (lib/db/backup.ts) sets verity.restoring: the audit events it loads are history, not changes.
CREATE FUNCTION "audit_event_announces"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  article TEXT;
  claim TEXT;
  event_id BIGINT;
BEGIN
  IF current_setting('verity.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF NEW."entityType" = 'Article' THEN
    article := NEW."entityId";
  ELSIF NEW."entityType" = 'Claim' THEN
    claim := NEW."entityId";
    SELECT "articleId" INTO article FROM "Claim" WHERE id = claim;
    article := COALESCE(article, NEW.before ->> 'articleId');
  END IF;
  IF article IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO "LiveEvent" ("articleId", "claimId", kind, "actorId")
    VALUES (article, claim, NEW.action, NEW."actorId")
    RETURNING id INTO event_id;
  PERFORM pg_notify('verity_events', event_id::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEvent_announces"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_announces"();
