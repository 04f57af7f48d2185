import "server-only";
import { prisma, queryRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { isPublicArticle, visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { NotFoundError } from "@/lib/errors";
import { summariseEvent, textChanges } from "@/lib/claims/history";
import { readCatalogue } from "@/lib/ratings/catalogue";
import { verdictChangeNeedsNote, claimPermissions } from "@/lib/claims/permissions";
import { TEXT_ORDER, evidenceSelect, summarySelect, toEvidenceItem, toSummary, userRef } from "@/lib/claims/shapes";
import { isStorableText } from "@/lib/storable-text";
import { claimListStatement } from "@/lib/claims/statements";
import type { ClaimDetail, ClaimSummary, PassageSummary, UserRef } from "@/lib/claims/types";
import { isoDate } from "@/lib/format";
import { listRoundsOfClaim } from "@/lib/rounds/read-rounds";

/** Reading claims: an article's list, the passages cited from it, one claim's detail. Everyone signed in reads the claims of the articles they may see. */

/**
 * The claims marked in an article, in text order, with their evidence and comment counts.
 * The reader's page lists them all (1,000 on the benchmark's article): one plain statement
 * (see queryRows; Prisma's engine was 13 ms of the page's CPU there), and one object per
 * author, which the page's payload then carries once.
 */
export async function listClaimsForArticle(actor: Actor, articleId: string): Promise<ClaimSummary[]> {
  type Row = Omit<ClaimSummary, "author" | "assignee"> & { authorId: string; authorName: string; assigneeId: string | null; assigneeName: string | null };
  const [article, rows] = await Promise.all([
    findVisibleArticle(actor, articleId),
    // Whoever may see the article may see all its claims (visibleClaimWhere).
    queryRows<Row>(claimListStatement(articleId)),
  ]);
  if (!article) throw new NotFoundError("That article");
  const people = new Map<string, UserRef>();
  // One object per person, which the page's payload then carries once.
  const person = (id: string, name: string) => {
    let ref = people.get(id);
    if (!ref) people.set(id, (ref = { id, name }));
    return ref;
  };
  return rows.map(({ authorId, authorName, assigneeId, assigneeName, ...claim }) =>
    toSummary({ ...claim, author: person(authorId, authorName), assignee: assigneeId ? person(assigneeId, assigneeName ?? "") : null }),
  );
}

/** Evidence passages located in this article, with the claims (in any article) they serve. */
export async function listPassagesInArticle(actor: Actor, articleId: string): Promise<PassageSummary[]> {
  const [article, rows] = await Promise.all([
    findVisibleArticle(actor, articleId),
    prisma.evidence.findMany({
      where: { sourceArticleId: articleId, claim: visibleClaimWhere(actor) },
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
      orderBy: TEXT_ORDER,
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
  const [claim, events, rounds, ratings] = await Promise.all([
    prisma.claim.findFirst({
      where: { id: claimId, ...visibleClaimWhere(actor) },
      select: {
        ...summarySelect,
        exact: true,
        prefix: true,
        suffix: true,
        updatedAt: true,
        authorId: true,
        rationale: true,
        claimant: true,
        claimantKind: true,
        claimDate: true,
        appearanceUrl: true,
        reviewNote: true,
        verdictProposedBy: userRef,
        contentChangedBy: userRef,
        approvedBy: userRef,
        approvedAt: true,
        submittedAt: true,
        createdAt: true,
        articleId: true,
        article: { select: { title: true, publishedAt: true, retiredAt: true } },
        evidence: { select: evidenceSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        comments: {
          select: { id: true, body: true, createdAt: true, author: userRef, parentId: true },
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
    listRoundsOfClaim(actor, claimId),
    readCatalogue(),
  ]);
  if (!claim) throw new NotFoundError("That claim");
  return {
    ...toSummary(claim),
    exact: claim.exact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    updatedAt: claim.updatedAt,
    rationale: claim.rationale,
    claimant: claim.claimant,
    claimantKind: claim.claimantKind,
    claimDate: isoDate(claim.claimDate) || null,
    appearanceUrl: claim.appearanceUrl,
    reviewNote: claim.reviewNote,
    verdictProposedBy: claim.verdictProposedBy,
    contentChangedBy: claim.contentChangedBy,
    approvedBy: claim.approvedBy,
    approvedAt: claim.approvedAt,
    submittedAt: claim.submittedAt,
    createdAt: claim.createdAt,
    articleId: claim.articleId,
    articleTitle: claim.article.title,
    articlePublic: isPublicArticle(claim.article),
    evidence: claim.evidence.map(toEvidenceItem),
    comments: claim.comments,
    history: events.map((event) => ({
      id: event.id.toString(),
      at: event.at,
      actor: event.actor,
      action: event.action,
      summary: summariseEvent(event, ratings),
      textChanges: textChanges(event),
    })),
    rounds,
    permissions: claimPermissions(actor, claim),
    verdictChangeNeedsNote: verdictChangeNeedsNote(actor, claim.verdictProposedBy?.id ?? null),
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
      ...visibleClaimWhere(actor),
    },
    select: { articleId: true, evidence: { select: { sourceArticleId: true } } },
  });
  if (!claim) return [];
  const sources = claim.evidence.flatMap((e) => (e.sourceArticleId ? [e.sourceArticleId] : []));
  return [...new Set([claim.articleId, ...sources])];
}

function findVisibleArticle(actor: Actor, articleId: string) {
  return prisma.article.findFirst({ where: { id: articleId, ...visibleArticleWhere(actor) }, select: { id: true } });
}

/** How many earlier claimants the mark and edit forms suggest. */
export const CLAIMANT_SUGGESTIONS = 200;

/** The claimants of the claims the actor may see, most often named first: what the claimant field suggests. */
export async function listClaimants(actor: Actor): Promise<string[]> {
  const rows = await prisma.claim.groupBy({
    by: ["claimant"],
    where: { claimant: { not: null }, ...visibleClaimWhere(actor) },
    _count: { claimant: true },
    orderBy: [{ _count: { claimant: "desc" } }, { claimant: "asc" }],
    take: CLAIMANT_SUGGESTIONS,
  });
  return rows.flatMap((row) => (row.claimant ? [row.claimant] : []));
}
