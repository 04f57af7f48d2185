import "server-only";
import { prisma, queryRows, type Tx } from "@/lib/db/client";
import { newRecordId } from "@/lib/db/record-id";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { describeSpan, isValidSpan } from "@/lib/anchoring";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { summariseEvent } from "@/lib/claims/history";
import { assertMayChange, claimPermissions } from "@/lib/claims/permissions";
import { isStorableText } from "@/lib/storable-text";
import { visibleArticles as visibleArticleIds } from "@/lib/search/statements";
import type {
  AddCommentInput,
  AddEvidenceInput,
  ClaimConflict,
  ClaimDetail,
  ClaimSummary,
  CreateClaimInput,
  DeleteClaimInput,
  EvidenceItem,
  PassageSummary,
  RemoveEvidenceInput,
  UpdateClaimInput,
  UserRef,
} from "@/lib/claims/types";

export { claimPermissions };
export type * from "@/lib/claims/types";

/**
 * Claims, their evidence and comments. Everyone signed in reads and comments; who may
 * change a claim is `claimPermissions`. Every change is one transaction with its audit
 * events, all recorded against the claim (entityType "Claim"), so a claim's history is
 * one query. Changes name the version the user read (optimistic locking).
 */

const CONFLICT =
  "Someone else changed this claim since you opened it. Their version is shown; review it and save again.";
const MISMATCH = "The selected text no longer matches the article. Reload and select it again.";
const BLANK = "Select some words, not only spaces.";

// Retired articles, and everything on them, are hidden from reviewers; editors still see them.
function visibleArticles(actor: Actor): Prisma.ArticleWhereInput {
  return hasRole(actor, "EDITOR") ? {} : { retiredAt: null };
}

export function visibleClaims(actor: Actor): Prisma.ClaimWhereInput {
  return hasRole(actor, "EDITOR") ? {} : { article: { retiredAt: null } };
}

const userRef = { select: { id: true, name: true } } as const;

const summarySelect = {
  id: true,
  restatement: true,
  verdict: true,
  state: true,
  version: true,
  startOffset: true,
  endOffset: true,
  anchorStatus: true,
  author: userRef,
  _count: { select: { evidence: true, comments: true } },
} as const satisfies Prisma.ClaimSelect;

type SummaryRow = Prisma.ClaimGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ClaimSummary {
  return {
    id: row.id,
    restatement: row.restatement,
    verdict: row.verdict,
    state: row.state,
    version: row.version,
    startOffset: row.startOffset,
    endOffset: row.endOffset,
    anchorStatus: row.anchorStatus,
    author: row.author,
    evidenceCount: row._count.evidence,
    commentCount: row._count.comments,
  };
}

const evidenceSelect = {
  id: true,
  stance: true,
  createdAt: true,
  addedBy: userRef,
  sourceArticleId: true,
  sourceArticle: { select: { title: true } },
  startOffset: true,
  endOffset: true,
  exact: true,
  anchorStatus: true,
  url: true,
  title: true,
  excerpt: true,
  accessedAt: true,
} as const satisfies Prisma.EvidenceSelect;

function toEvidenceItem(row: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>): EvidenceItem {
  const item = { id: row.id, stance: row.stance, createdAt: row.createdAt, addedBy: row.addedBy };
  const { sourceArticleId, sourceArticle, startOffset, endOffset, exact, anchorStatus } = row;
  if (sourceArticleId && sourceArticle && startOffset !== null && endOffset !== null && exact !== null) {
    return {
      ...item,
      kind: "PASSAGE",
      passage: {
        articleId: sourceArticleId,
        articleTitle: sourceArticle.title,
        startOffset,
        endOffset,
        exact,
        anchorStatus: anchorStatus ?? "ANCHORED",
      },
    };
  }
  return {
    ...item,
    kind: "EXTERNAL",
    external: {
      url: row.url ?? "",
      title: row.title ?? "",
      excerpt: row.excerpt,
      accessedAt: row.accessedAt ? isoDay(row.accessedAt) : null,
    },
  };
}

// ---------------------------------------------------------------- reads

/**
 * The claims marked in an article, in text order, with their evidence and comment counts.
 * The reader's page lists them all (1,000 on the benchmark's article): one plain statement
 * (see queryRows; Prisma's engine was 13 ms of the page's CPU there), and one object per
 * author, which the page's payload then carries once.
 */
export async function listClaimsForArticle(actor: Actor, articleId: string): Promise<ClaimSummary[]> {
  type Row = Omit<ClaimSummary, "author"> & { authorId: string; authorName: string };
  const [article, rows] = await Promise.all([
    findVisibleArticle(actor, articleId),
    // Whoever may see the article may see all its claims (visibleClaims).
    queryRows<Row>(Prisma.sql`
      SELECT c.id, c.restatement, c.verdict, c.state, c.version, c."startOffset", c."endOffset", c."anchorStatus",
             c."authorId", u.name AS "authorName",
             (SELECT count(*) FROM "Evidence" e WHERE e."claimId" = c.id)::int AS "evidenceCount",
             (SELECT count(*) FROM "Comment" k WHERE k."claimId" = c.id)::int AS "commentCount"
        FROM "Claim" c JOIN "User" u ON u.id = c."authorId"
       WHERE c."articleId" = ${articleId}
       ORDER BY c."startOffset", c.id`),
  ]);
  if (!article) throw new NotFoundError("That article");
  const authors = new Map<string, UserRef>();
  return rows.map(({ authorId, authorName, ...claim }) => {
    let author = authors.get(authorId);
    if (!author) authors.set(authorId, (author = { id: authorId, name: authorName }));
    return { ...claim, author };
  });
}

/** Evidence passages located in this article, with the claims (in any article) they serve. */
export async function listPassagesInArticle(actor: Actor, articleId: string): Promise<PassageSummary[]> {
  const [article, rows] = await Promise.all([
    findVisibleArticle(actor, articleId),
    prisma.evidence.findMany({
      where: { sourceArticleId: articleId, claim: visibleClaims(actor) },
      select: {
        id: true,
        stance: true,
        startOffset: true,
        endOffset: true,
        exact: true,
        prefix: true,
        suffix: true,
        anchorStatus: true,
        claim: {
          select: {
            id: true,
            restatement: true,
            verdict: true,
            state: true,
            articleId: true,
            article: { select: { title: true } },
          },
        },
      },
      orderBy: [{ startOffset: "asc" }, { id: "asc" }],
    }),
  ]);
  if (!article) throw new NotFoundError("That article");
  return rows.flatMap((row) => {
    const { startOffset, endOffset, exact, prefix, suffix, claim } = row;
    // Passage columns are written together; a row missing one cannot be placed, so it is left out.
    if (startOffset === null || endOffset === null || exact === null) return [];
    return [
      {
        id: row.id,
        stance: row.stance,
        startOffset,
        endOffset,
        exact,
        prefix: prefix ?? "",
        suffix: suffix ?? "",
        anchorStatus: row.anchorStatus ?? "ANCHORED",
        claim: {
          id: claim.id,
          restatement: claim.restatement,
          verdict: claim.verdict,
          state: claim.state,
          articleId: claim.articleId,
          articleTitle: claim.article.title,
        },
      },
    ];
  });
}

/** One claim with its evidence, comments and history, and what the actor may do with it. */
export async function getClaimDetail(actor: Actor, claimId: string): Promise<ClaimDetail> {
  // An id PostgreSQL cannot even compare (from a URL: /api/claims/%00) names no claim.
  if (!isStorableText(claimId)) throw new NotFoundError("That claim");
  const [claim, events] = await Promise.all([
    prisma.claim.findFirst({
      where: { id: claimId, ...visibleClaims(actor) },
      select: {
        ...summarySelect,
        exact: true,
        prefix: true,
        suffix: true,
        updatedAt: true,
        authorId: true,
        rationale: true,
        reviewNote: true,
        verdictProposedBy: userRef,
        approvedBy: userRef,
        approvedAt: true,
        submittedAt: true,
        createdAt: true,
        articleId: true,
        article: { select: { title: true } },
        evidence: { select: evidenceSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        comments: {
          select: { id: true, body: true, createdAt: true, author: userRef },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        },
      },
    }),
    prisma.auditEvent.findMany({
      where: { entityType: "Claim", entityId: claimId },
      select: { id: true, at: true, action: true, before: true, after: true, actor: userRef },
      // Insertion order: `at` is the transaction start time, which two close writes may share.
      orderBy: { id: "asc" },
    }),
  ]);
  if (!claim) throw new NotFoundError("That claim");
  return {
    ...toSummary(claim),
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    updatedAt: claim.updatedAt,
    rationale: claim.rationale,
    reviewNote: claim.reviewNote,
    verdictProposedBy: claim.verdictProposedBy,
    approvedBy: claim.approvedBy,
    approvedAt: claim.approvedAt,
    submittedAt: claim.submittedAt,
    createdAt: claim.createdAt,
    articleId: claim.articleId,
    articleTitle: claim.article.title,
    evidence: claim.evidence.map(toEvidenceItem),
    comments: claim.comments,
    history: events.map((event) => ({
      id: event.id.toString(),
      at: event.at,
      actor: event.actor,
      action: event.action,
      summary: summariseEvent(event),
    })),
    permissions: claimPermissions(actor, claim),
  };
}

/**
 * The articles whose pages show a claim: its own and those holding its evidence passages.
 * Actions read this before a change to know which pages to revalidate.
 */
export async function articleIdsOfClaim(
  actor: Actor,
  ref: { claimId: string } | { evidenceId: string },
): Promise<string[]> {
  const claim = await prisma.claim.findFirst({
    where: {
      ...("claimId" in ref ? { id: ref.claimId } : { evidence: { some: { id: ref.evidenceId } } }),
      ...visibleClaims(actor),
    },
    select: { articleId: true, evidence: { select: { sourceArticleId: true } } },
  });
  if (!claim) return [];
  const sources = claim.evidence.flatMap((e) => (e.sourceArticleId ? [e.sourceArticleId] : []));
  return [...new Set([claim.articleId, ...sources])];
}

// ---------------------------------------------------------------- writes

/**
 * Marks a claim on an article (a draft, version 1, authored by the actor); returns it as the reader lists it, so the reader can show it without
 * rendering the page again. The busiest write of all (bench/README.md, "write"): two
 * plain statements on the pool instead of Prisma's five. The claim and its audit event
 * are one statement, so one transaction.
 */
export async function createClaim(actor: Actor, input: CreateClaimInput): Promise<ClaimSummary> {
  const [article] = await queryRows<{ canonicalText: string }>(Prisma.sql`
    SELECT "canonicalText" FROM "Article" WHERE id = ${input.articleId} ${visibleArticleIds(actor, Prisma.sql`id`)}`);
  if (!article) throw new NotFoundError("That article");
  const span = checkedSpan(article.canonicalText, input);
  const verdict = input.verdict ?? null;
  const rationale = input.rationale ?? null;
  const after = { articleId: input.articleId, restatement: input.restatement, verdict, rationale, startOffset: span.startOffset, endOffset: span.endOffset, exact: span.exact };
  const [claim] = await queryRows<{ id: string; state: ClaimState; version: number }>(Prisma.sql`
    WITH claim AS (
      INSERT INTO "Claim" (id, "articleId", "authorId", restatement, verdict, rationale, "verdictProposedById",
                           "startOffset", "endOffset", exact, prefix, suffix, "updatedAt")
      VALUES (${newRecordId()}, ${input.articleId}, ${actor.id}, ${input.restatement}, ${verdict}::"Verdict", ${rationale}, ${verdict ? actor.id : null},
              ${span.startOffset}, ${span.endOffset}, ${span.exact}, ${span.prefix}, ${span.suffix}, CURRENT_TIMESTAMP)
      RETURNING id, state, version
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT ${actor.id}, 'claim.create', 'Claim', id, ${JSON.stringify(after)}::jsonb FROM claim
    )
    SELECT id, state, version FROM claim`);
  return {
    ...claim,
    restatement: input.restatement,
    verdict,
    startOffset: span.startOffset,
    endOffset: span.endOffset,
    anchorStatus: "ANCHORED",
    author: { id: actor.id, name: actor.name },
    evidenceCount: 0,
    commentCount: 0,
  };
}

/** Changes a claim's restatement, verdict and rationale; returns the new version. */
export async function updateClaim(actor: Actor, input: UpdateClaimInput): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "edit");
    const before: Record<string, string | number | null> = {};
    const after: Record<string, string | number | null> = {};
    for (const field of ["restatement", "verdict", "rationale"] as const) {
      if (claim[field] === input[field]) continue;
      before[field] = claim[field];
      after[field] = input[field];
    }
    // Saving what is already there changes nothing, so there is nothing to record.
    if (Object.keys(after).length === 0) return claim.version;

    const version = await bumpVersion(tx, actor, claim.id, input.version, {
      restatement: input.restatement,
      verdict: input.verdict,
      rationale: input.rationale,
      // The four-eyes rule compares the approver with whoever set the current verdict.
      ...("verdict" in after ? { verdictProposedById: input.verdict ? actor.id : null } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.update",
      entityType: "Claim",
      entityId: claim.id,
      before: { ...before, version: input.version },
      after: { ...after, version },
    });
    return version;
  });
}

/** Deletes a claim with its evidence and comments. */
export async function deleteClaim(actor: Actor, input: DeleteClaimInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "delete");
    const { count } = await tx.claim.deleteMany({ where: { id: claim.id, version: input.version } });
    if (count === 0) throw await conflict(tx, actor, claim.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.delete",
      entityType: "Claim",
      entityId: claim.id,
      before: {
        articleId: claim.articleId,
        restatement: claim.restatement,
        exact: claim.exact,
        verdict: claim.verdict,
        state: claim.state,
        version: claim.version,
      },
    });
  });
}

/** Adds a passage of an article, or an external source, as evidence; returns its id and the claim's new version. */
export async function addEvidence(actor: Actor, input: AddEvidenceInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "evidence");
    let data: Omit<Prisma.EvidenceUncheckedCreateInput, "claimId" | "stance" | "addedById">;
    let described: Record<string, string | number | null>;
    if (input.kind === "PASSAGE") {
      const source = await tx.article.findFirst({
        where: { id: input.sourceArticleId, ...visibleArticles(actor) },
        select: { id: true, canonicalText: true },
      });
      if (!source) throw new NotFoundError("The article of that passage");
      const span = checkedSpan(source.canonicalText, input);
      data = { sourceArticleId: source.id, ...span, anchorStatus: "ANCHORED" };
      described = { sourceArticleId: source.id, startOffset: span.startOffset, endOffset: span.endOffset, exact: span.exact };
    } else {
      const excerpt = input.excerpt ?? null;
      data = { url: input.url, title: input.title, excerpt, accessedAt: new Date(`${input.accessedAt}T00:00:00Z`) };
      described = { url: input.url, title: input.title, excerpt, accessedAt: input.accessedAt };
    }
    const version = await bumpVersion(tx, actor, claim.id, input.version);
    const evidence = await tx.evidence.create({
      data: { claimId: claim.id, stance: input.stance, addedById: actor.id, ...data },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.add",
      entityType: "Claim",
      entityId: claim.id,
      before: { version: input.version },
      after: { evidenceId: evidence.id, kind: input.kind, stance: input.stance, ...described, version },
    });
    return { id: evidence.id, version };
  });
}

/** Removes an evidence item; `version` is its claim's. Returns the claim's new version. */
export async function removeEvidence(actor: Actor, input: RemoveEvidenceInput): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: input.evidenceId, claim: visibleClaims(actor) },
      select: {
        id: true,
        claimId: true,
        stance: true,
        sourceArticleId: true,
        startOffset: true,
        endOffset: true,
        exact: true,
        url: true,
        title: true,
      },
    });
    if (!evidence) throw new NotFoundError("That evidence");
    await claimToChange(tx, actor, evidence.claimId, input.version, "evidence");
    const version = await bumpVersion(tx, actor, evidence.claimId, input.version);
    await tx.evidence.delete({ where: { id: evidence.id } });
    const { id, claimId, sourceArticleId, startOffset, endOffset, exact, url, title } = evidence;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.remove",
      entityType: "Claim",
      entityId: claimId,
      before: {
        evidenceId: id,
        kind: sourceArticleId ? "PASSAGE" : "EXTERNAL",
        stance: evidence.stance,
        ...(sourceArticleId ? { sourceArticleId, startOffset, endOffset, exact } : { url, title }),
        version: input.version,
      },
      after: { version },
    });
    return version;
  });
}

/** Comments on a claim the actor can see. Comments are not part of the claim's version. */
export async function addComment(actor: Actor, input: AddCommentInput): Promise<{ id: string }> {
  return prisma
    .$transaction(async (tx) => {
      const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaims(actor) }, select: { id: true } });
      if (!claim) throw new NotFoundError("That claim");
      const comment = await tx.comment.create({
        data: { claimId: claim.id, authorId: actor.id, body: input.body },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "comment.add",
        entityType: "Claim",
        entityId: claim.id,
        after: { commentId: comment.id, body: input.body },
      });
      return { id: comment.id };
    })
    .catch((error: unknown) => {
      // The claim was deleted between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
        throw new NotFoundError("That claim");
      }
      throw error;
    });
}

// ---------------------------------------------------------------- helpers

function findVisibleArticle(actor: Actor, articleId: string) {
  return prisma.article.findFirst({ where: { id: articleId, ...visibleArticles(actor) }, select: { id: true } });
}

/**
 * The stored selectors of a submitted span, from the server's own copy of the text: the
 * span must be valid and cover exactly the text the user selected; the context (prefix
 * and suffix) is always recomputed, never taken from the client.
 */
function checkedSpan(text: string, span: { start: number; end: number; exact: string }) {
  const { start, end } = span;
  if (!isValidSpan(text, start, end)) {
    const inText = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    throw new FieldError("exact", inText && !/\S/.test(text.slice(start, end)) ? BLANK : MISMATCH);
  }
  // Browsers send line breaks in form data as "\r\n"; the canonical text has "\n".
  if (lineBreaksAsLf(text.slice(start, end)) !== lineBreaksAsLf(span.exact)) throw new FieldError("exact", MISMATCH);
  const { quote } = describeSpan(text, start, end);
  return { startOffset: start, endOffset: end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

function lineBreaksAsLf(text: string) {
  return text.replace(/\r\n?/g, "\n");
}

const changeSelect = {
  id: true,
  articleId: true,
  authorId: true,
  state: true,
  version: true,
  restatement: true,
  verdict: true,
  rationale: true,
  exact: true,
} as const satisfies Prisma.ClaimSelect;

/**
 * The claim as the actor may see it, after checking they may make this change and that
 * they are changing the version they read. NotFound, then Forbidden, then Conflict.
 */
async function claimToChange(
  tx: Tx,
  actor: Actor,
  claimId: string,
  version: number,
  change: Parameters<typeof assertMayChange>[2],
) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, ...visibleClaims(actor) }, select: changeSelect });
  if (!claim) throw new NotFoundError("That claim");
  assertMayChange(actor, claim, change);
  if (claim.version !== version) throw await conflict(tx, actor, claimId);
  return claim;
}

/**
 * Moves the claim to the next version if it is still at the one the user read. A change
 * committed in between (even one that started after our read) makes this match no row.
 */
export async function bumpVersion(
  tx: Tx,
  actor: Actor,
  claimId: string,
  version: number,
  data: Prisma.ClaimUpdateManyMutationInput = {},
) {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflict(tx, actor, claimId);
  return version + 1;
}

/** The error for a stale version, carrying the claim as it is now (or NotFound if it was deleted). */
export async function conflict(tx: Tx, actor: Actor, claimId: string) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, ...visibleClaims(actor) },
    select: { version: true, restatement: true, verdict: true, rationale: true, state: true, updatedAt: true },
  });
  if (!claim) return new NotFoundError("That claim");
  const latest = await tx.auditEvent.findFirst({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "desc" },
    select: { actor: userRef },
  });
  const current: ClaimConflict = { ...claim, updatedBy: latest?.actor ?? null };
  return new ConflictError(CONFLICT, current);
}
