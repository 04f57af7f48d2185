import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RatingId } from "@/lib/ratings/types";
import { bumpVersion, conflict } from "@/lib/claims/locking";
import { isPublicArticle, visibleClaimWhere } from "@/lib/auth/visibility";
import { evidenceSelect, toEvidenceItem, userRef } from "@/lib/claims/shapes";
import { isCorrection, TRANSITIONS, workflowRefusal } from "@/lib/workflow/rules";
import { openCorrection, publishCorrections } from "@/lib/corrections/data";
import type { SubmitClaimsInput, TransitionInput } from "@/lib/workflow/schemas";
import { changeEachClaim } from "@/lib/claims/bulk";
import { notify, notifyMentions } from "@/lib/notifications/notify";
import { APPROVE_IN_ROUND, isUnderway } from "@/lib/rounds/rules";
import { disagreementsOf, roundsUnderwayOf } from "@/lib/rounds/read-rounds";

/**
 * Moves a claim through the workflow (rules.ts), under the same optimistic lock as
 * edits: approving a claim that changed after the editor opened it is refused with
 * the current value. Returns the claim's new version.
 */
export async function transitionClaim(actor: Actor, input: TransitionInput): Promise<number> {
  return prisma.$transaction((tx) => transitionInTx(tx, actor, input));
}

async function transitionInTx(tx: Tx, actor: Actor, input: TransitionInput): Promise<number> {
  const claim = await tx.claim.findFirst({
    where: { id: input.claimId, ...visibleClaimWhere(actor) },
    select: {
      id: true,
      state: true,
      version: true,
      authorId: true,
      verdictProposedById: true,
      contentChangedById: true,
      verdict: true,
      rationale: true,
      reviewNote: true,
      articleId: true,
      restatement: true,
      exact: true,
      approvedAt: true,
      article: { select: { publishedAt: true, retiredAt: true } },
      _count: { select: { evidence: true } },
    },
  });
  if (!claim) throw new NotFoundError("That claim");
  const workflowClaim = { ...claim, evidenceCount: claim._count.evidence, articlePublic: isPublicArticle(claim.article) };
  const refusal = workflowRefusal(actor, workflowClaim, input.action, input.note, input.correctionNote);
  if (refusal) throw refusal.field ? new FieldError(refusal.field, refusal.message) : new ForbiddenError(refusal.message);
  if (claim.version !== input.version) throw await conflict(tx, actor, claim.id);
  // A verdict given blind by a panel is approved once an editor has reconciled it (lib/rounds).
  if (input.action === "approve" && (await roundsUnderwayOf(tx, claim.id)).some(isUnderway)) throw new ForbiddenError(APPROVE_IN_ROUND);

  const state = TRANSITIONS[input.action].to;
  const now = new Date();
  const changes: Prisma.ClaimUpdateManyMutationInput = { state };
  if (input.action === "submit") changes.submittedAt = now;
  if (input.action === "approve") Object.assign(changes, { approvedAt: now, approvedById: actor.id, reviewNote: null });
  if (input.action === "request_changes" || input.action === "reopen") {
    Object.assign(changes, { reviewNote: input.note, approvedAt: null, approvedById: null });
    if (input.action === "reopen") changes.submittedAt = now;
  }
  const version = await bumpVersion(tx, actor, claim.id, input.version, changes);
  await recordAudit(tx, {
    actorId: actor.id,
    action: `claim.${input.action}`,
    entityType: "Claim",
    entityId: claim.id,
    before: { state: claim.state, version: claim.version, reviewNote: claim.reviewNote },
    after: { state, version, reviewNote: "reviewNote" in changes ? (changes.reviewNote as string | null) : claim.reviewNote },
  });
  if (isCorrection(workflowClaim, input.action) && claim.approvedAt) {
    await openCorrection(tx, actor.id, { ...claim, approvedAt: claim.approvedAt }, input.correctionNote!);
  }
  if (input.action === "approve") await publishCorrections(tx, actor.id, claim.id, now);
  await notifyOfTransition(tx, actor, claim, input);
  return version;
}

/** Tells the claim's author that it was approved or needs changes, and whoever the review note mentions. */
async function notifyOfTransition(tx: Tx, actor: Actor, claim: { id: string; authorId: string }, input: TransitionInput) {
  if (input.action === "approve") {
    await notify(tx, [{ kind: "APPROVED", recipientId: claim.authorId, actorId: actor.id, claimId: claim.id, note: "Approved." }]);
  }
  if (input.action === "request_changes" && input.note) {
    await notify(tx, [{ kind: "CHANGES_REQUESTED", recipientId: claim.authorId, actorId: actor.id, claimId: claim.id, note: input.note }]);
  }
  if (input.note && (input.action === "request_changes" || input.action === "reopen")) {
    await notifyMentions(tx, { actorId: actor.id, text: input.note, claimId: claim.id });
  }
}

/**
 * "Submit my drafts": submits several of the actor's own claims (drafts, or with changes
 * requested) at once, each under the rules of a single submit, all or nothing
 * (lib/claims/bulk.ts). Returns each claim's new version and the articles they are in.
 */
export async function submitClaims(actor: Actor, input: SubmitClaimsInput) {
  const submitted = await changeEachClaim(input.claims, async (tx, ref) => {
    const claim = await tx.claim.findFirst({ where: { id: ref.id, ...visibleClaimWhere(actor) }, select: { authorId: true, articleId: true } });
    if (!claim) throw new NotFoundError("That claim");
    if (claim.authorId !== actor.id) throw new ForbiddenError("Only your own drafts can be submitted together.");
    const version = await transitionInTx(tx, actor, { claimId: ref.id, version: ref.version, action: "submit", note: null });
    return { id: ref.id, version, articleId: claim.articleId };
  }, { userId: actor.id, progressId: input.progressId, label: "Submitting claims" });
  return {
    changed: submitted.map(({ id, version }) => ({ id, version })),
    articleIds: [...new Set(submitted.map(({ articleId }) => articleId))],
  };
}

export interface QueueFilters {
  articleId?: string;
  verdict?: RatingId | "UNRATED";
  authorId?: string;
  /** A tag the claims carry (lower-cased, as stored). */
  tag?: string;
  /** The page of the queue, from 1 (QUEUE_PAGE_SIZE claims a page). */
  page?: number;
}

/** How many submitted claims one page of the review queue shows. */
export const QUEUE_PAGE_SIZE = 50;
/** How many of a claim's latest comments its queue entry shows. */
export const QUEUE_LATEST_COMMENTS = 3;
/** How many claims My work lists in each of its sections, and how many recent approvals. */
export const MY_WORK_LIMIT = 100;
export const MY_RECENT_APPROVALS_LIMIT = 50;

// The queue holds submitted claims on articles that are not retired.
function queueWhere(filters: QueueFilters): Prisma.ClaimWhereInput {
  return {
    state: "SUBMITTED",
    article: { retiredAt: null },
    ...(filters.articleId ? { articleId: filters.articleId } : {}),
    ...(filters.verdict ? { verdict: filters.verdict === "UNRATED" ? null : filters.verdict } : {}),
    ...(filters.authorId ? { authorId: filters.authorId } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
  };
}

/** How many claims the queue holds with these filters (editors). */
export async function countQueue(actor: Actor, filters: QueueFilters = {}) {
  assertRole(actor, "EDITOR");
  return prisma.claim.count({ where: queueWhere(filters) });
}

/**
 * One page of the submitted claims across all articles, oldest first, with their text in context,
 * their evidence and their latest comments: what an editor reads before approving (editors).
 */
export async function listQueue(actor: Actor, filters: QueueFilters = {}) {
  assertRole(actor, "EDITOR");
  const page = Math.max(1, filters.page ?? 1);
  const claims = await prisma.claim.findMany({
    where: queueWhere(filters),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      version: true,
      restatement: true,
      verdict: true,
      rationale: true,
      reviewNote: true,
      exact: true,
      prefix: true,
      suffix: true,
      submittedAt: true,
      verdictProposedById: true,
      contentChangedById: true,
      article: { select: { id: true, title: true } },
      author: { select: { id: true, name: true } },
      _count: { select: { evidence: true, comments: true } },
      // Prisma reads each relation for the whole page in one query (no query per claim).
      evidence: { select: evidenceSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      comments: {
        select: { id: true, body: true, createdAt: true, author: userRef, parentId: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: QUEUE_LATEST_COMMENTS,
      },
    },
  });
  const disagreements = await disagreementsOf(actor, claims.map((claim) => claim.id));
  return claims.map(({ _count, evidence, comments, ...claim }) => ({
    ...claim,
    disagreement: disagreements.get(claim.id) ?? null,
    evidence: evidence.map(toEvidenceItem),
    latestComments: comments.reverse(),
    evidenceCount: _count.evidence,
    commentCount: _count.comments,
    proposedByMe: claim.verdictProposedById === actor.id,
  }));
}

/**
 * What the queue can be filtered by: the articles and reviewers that have submitted claims,
 * and those chosen in `selected` (so a filter whose last claim has left the queue still shows
 * as chosen rather than as "All").
 */
export async function queueFilterChoices(actor: Actor, selected: QueueFilters = {}) {
  assertRole(actor, "EDITOR");
  const [articles, authors, tagged] = await Promise.all([
    prisma.article.findMany({
      where: {
        retiredAt: null,
        OR: [{ claims: { some: { state: "SUBMITTED" } } }, ...(selected.articleId ? [{ id: selected.articleId }] : [])],
      },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    prisma.user.findMany({
      // The same claims as the queue: submitted, on articles that are not retired.
      where: {
        OR: [
          { claims: { some: { state: "SUBMITTED", article: { retiredAt: null } } } },
          ...(selected.authorId ? [{ id: selected.authorId }] : []),
        ],
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.claim.findMany({ where: { ...queueWhere({}), tags: { isEmpty: false } }, select: { tags: true } }),
  ]);
  const tags = [...new Set([...tagged.flatMap((claim) => claim.tags), ...(selected.tag ? [selected.tag] : [])])].sort();
  return { articles, authors, tags };
}

const RECENT_APPROVALS_DAYS = 30;

/** The signed-in user's own claims: drafts, changes requested (with the editor's note), recently approved. */
export async function listMyWork(actor: Actor) {
  const select = {
    id: true,
    restatement: true,
    verdict: true,
    state: true,
    reviewNote: true,
    updatedAt: true,
    approvedAt: true,
    article: { select: { id: true, title: true } },
  } as const;
  const mine = { authorId: actor.id, article: { retiredAt: null } };
  const since = new Date(Date.now() - RECENT_APPROVALS_DAYS * 24 * 3600 * 1000);
  const [drafts, changesRequested, submitted, approved] = await Promise.all([
    prisma.claim.findMany({ where: { ...mine, state: "DRAFT" }, select, orderBy: { updatedAt: "desc" }, take: MY_WORK_LIMIT }),
    prisma.claim.findMany({ where: { ...mine, state: "CHANGES_REQUESTED" }, select, orderBy: { updatedAt: "desc" }, take: MY_WORK_LIMIT }),
    prisma.claim.findMany({ where: { ...mine, state: "SUBMITTED" }, select, orderBy: { updatedAt: "desc" }, take: MY_WORK_LIMIT }),
    prisma.claim.findMany({
      where: { ...mine, state: "APPROVED", approvedAt: { gte: since } },
      select,
      orderBy: { approvedAt: "desc" },
      take: MY_RECENT_APPROVALS_LIMIT,
    }),
  ]);
  return { drafts, changesRequested, submitted, approved, recentDays: RECENT_APPROVALS_DAYS };
}
