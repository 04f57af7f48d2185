import { Prisma } from "@/lib/generated/prisma/client";
import { visibleArticleSql, type Viewer } from "@/lib/auth/visibility";
import type { AuditAction } from "@/lib/audit/record";
import type { CheckedSpan } from "@/lib/anchoring";
import { CLAIMANT_FIELDS, type Claimant } from "@/lib/claims/types";
import type { RatingId } from "@/lib/ratings/types";

/**
 * The hand-written SQL of the claims data layer. Marking a claim is the busiest write
 * (bench/README.md, "write"), so it is two plain statements instead of Prisma's five; the
 * write benchmark runs these same statements with `pg`.
 */

/** The text of an article the viewer may see, for the span check. */
export function articleTextStatement(viewer: Viewer, articleId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT a."canonicalText" FROM "Article" a WHERE a.id = ${articleId} ${visibleArticleSql(viewer, Prisma.sql`a.id`)}`;
}

export interface NewClaim extends Partial<Claimant> {
  id: string;
  articleId: string;
  authorId: string;
  restatement: string;
  verdict: RatingId | null;
  rationale: string | null;
  span: CheckedSpan;
  canonicalIri?: string | null;
}

const CREATED: AuditAction = "claim.create";

/** Inserts a draft claim and its audit event in one statement (so one transaction); returns its id, state and version. */
export function insertClaimStatement(claim: NewClaim): Prisma.Sql {
  const { span } = claim;
  const after = {
    articleId: claim.articleId,
    restatement: claim.restatement,
    verdict: claim.verdict,
    rationale: claim.rationale,
    startOffset: span.startOffset,
    endOffset: span.endOffset,
    exact: span.exact,
    ...(claim.canonicalIri ? { canonicalIri: claim.canonicalIri } : {}),
    ...givenClaimant(claim),
  };
  return Prisma.sql`
    WITH claim AS (
      INSERT INTO "Claim" (id, "articleId", "authorId", restatement, verdict, rationale, "verdictProposedById", "contentChangedById",
                           "startOffset", "endOffset", exact, prefix, suffix, claimant, "claimantKind", "claimDate", "appearanceUrl", "canonicalIri", "updatedAt")
      VALUES (${claim.id}, ${claim.articleId}, ${claim.authorId}, ${claim.restatement}, ${claim.verdict}, ${claim.rationale},
              ${claim.verdict ? claim.authorId : null}, ${claim.authorId}, ${span.startOffset}, ${span.endOffset}, ${span.exact}, ${span.prefix},
              ${span.suffix}, ${claim.claimant ?? null}, ${claim.claimantKind ?? null}::"ClaimantKind", ${claim.claimDate ?? null}::date,
              ${claim.appearanceUrl ?? null}, ${claim.canonicalIri ?? null}, CURRENT_TIMESTAMP)
      RETURNING id, state, version
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT ${claim.authorId}, ${CREATED}, 'Claim', id, ${JSON.stringify(after)}::jsonb FROM claim
    )
    SELECT id, state, version FROM claim`;
}

/** The claimant fields a new claim was given (the audit event names only those). */
function givenClaimant(claim: Partial<Claimant>): Partial<Claimant> {
  return Object.fromEntries(CLAIMANT_FIELDS.flatMap((field) => (claim[field] == null ? [] : [[field, claim[field]]])));
}

/** An article's claims in text order, with their authors and evidence and comment counts (the reader's list). */
export function claimListStatement(articleId: string): Prisma.Sql {
  return Prisma.sql`
      SELECT c.id, c.restatement, c.verdict, c.state, c.version, c."startOffset", c."endOffset", c."anchorStatus",
             c."authorId", u.name AS "authorName", c.tags, c."assigneeId", a.name AS "assigneeName",
             (SELECT count(*) FROM "Evidence" e WHERE e."claimId" = c.id)::int AS "evidenceCount",
             (SELECT count(*) FROM "Comment" k WHERE k."claimId" = c.id)::int AS "commentCount"
        FROM "Claim" c JOIN "User" u ON u.id = c."authorId" LEFT JOIN "User" a ON a.id = c."assigneeId"
       WHERE c."articleId" = ${articleId}
       ORDER BY c."startOffset", c.id`;
}

/** Locks the claims' rows (in id order, so two writers cannot deadlock) for the rest of the transaction. */
export function lockClaimsStatement(ids: string[]): Prisma.Sql {
  return Prisma.sql`SELECT id FROM "Claim" WHERE id IN (${Prisma.join([...new Set(ids)].sort())}) ORDER BY id FOR UPDATE`;
}
