import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimSummary, EvidenceItem } from "@/lib/claims/types";

/** How claims, their people and their evidence are read and shaped for the reader: one shape each. */

export const userRef = { select: { id: true, name: true } } as const;

/** Spans (claims, evidence passages) in text order, ties by id. */
export const TEXT_ORDER = [{ startOffset: "asc" as const }, { id: "asc" as const }];

export const summarySelect = {
  id: true,
  restatement: true,
  verdict: true,
  state: true,
  version: true,
  startOffset: true,
  endOffset: true,
  anchorStatus: true,
  author: userRef,
  assignee: userRef,
  tags: true,
  _count: { select: { evidence: true, comments: true } },
} as const satisfies Prisma.ClaimSelect;

type Counted = { _count: { evidence: number; comments: number } } | { evidenceCount: number; commentCount: number };

/** A claim as the reader lists it, from a row read with summarySelect or with its counts already made. */
export function toSummary(row: Omit<ClaimSummary, "evidenceCount" | "commentCount"> & Counted): ClaimSummary {
  const counts = "_count" in row ? { evidenceCount: row._count.evidence, commentCount: row._count.comments } : row;
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
    assignee: row.assignee,
    tags: row.tags,
    evidenceCount: counts.evidenceCount,
    commentCount: counts.commentCount,
  };
}

export const evidenceSelect = {
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

export function toEvidenceItem(row: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>): EvidenceItem {
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
      accessedAt: row.accessedAt ? row.accessedAt.toISOString().slice(0, 10) : null,
    },
  };
}
