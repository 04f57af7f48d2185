import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocNode } from "@/lib/documents/schema";
import { compareClaims, type ExportClaim, type ExportEvidence, type ExportModel } from "@/lib/export/model";
import { claimReview } from "@/lib/export/claim-review";
import { FEED_PAGE_SIZE } from "@/lib/export/schemas";

/**
 * What exports and the public page read. Authorisation is the query's `where`: an
 * anonymous reader finds only published articles (not retired), a reviewer any article
 * that is not retired, an editor any article. Approved claims only, unless an editor
 * asks for pending ones too. Comments, review notes and email addresses are never
 * selected, so no format can leak them.
 */

export interface LoadExportOptions {
  /** The app's origin (lib/export/urls.ts resolveAppUrl). */
  appUrl: string;
  /** Editors only: pending claims too, marked as pending. */
  includePending?: boolean;
  /** The export's timestamp (tests fix it). */
  now?: Date;
}

function articleScope(actor: Actor | null): Prisma.ArticleWhereInput {
  if (!actor) return { publishedAt: { not: null }, retiredAt: null };
  return hasRole(actor, "EDITOR") ? {} : { retiredAt: null };
}

const person = { select: { name: true } } as const;

const claimSelect = {
  id: true,
  restatement: true,
  verdict: true,
  state: true,
  startOffset: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
  anchorStatus: true,
  rationale: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  author: person,
  approvedBy: person,
  evidence: {
    select: {
      id: true,
      stance: true,
      createdAt: true,
      sourceArticleId: true,
      sourceArticle: { select: { title: true, outlet: true, publishedAt: true, retiredAt: true } },
      startOffset: true,
      endOffset: true,
      exact: true,
      prefix: true,
      suffix: true,
      anchorStatus: true,
      url: true,
      title: true,
      excerpt: true,
      accessedAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

/** One article's export model, as the actor (or, with null, an anonymous reader) may see it. */
export async function loadArticleExport(actor: Actor | null, articleId: string, options: LoadExportOptions): Promise<ExportModel> {
  const includePending = options.includePending ?? false;
  if (includePending && !(actor && hasRole(actor, "EDITOR"))) {
    throw new ForbiddenError("Only editors may export pending claims.");
  }
  const [article, rows] = await Promise.all([
    prisma.article.findFirst({
      where: { id: articleId, ...articleScope(actor) },
      select: { id: true, title: true, outlet: true, url: true, publicationDate: true, publishedAt: true, retiredAt: true, body: true, canonicalText: true },
    }),
    prisma.claim.findMany({
      where: { articleId, ...(includePending ? {} : { state: "APPROVED" }) },
      select: claimSelect,
    }),
  ]);
  if (!article) throw new NotFoundError("That article");
  const claims = rows.sort(compareClaims).map((row, i) => toExportClaim(row, i + 1));
  return {
    appUrl: options.appUrl,
    generatedAt: (options.now ?? new Date()).toISOString(),
    includesPending: includePending,
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      publicationDate: isoDay(article.publicationDate),
      // A retired article has no public page, whatever publishedAt says.
      publishedAt: article.publishedAt && !article.retiredAt ? article.publishedAt.toISOString() : null,
      body: article.body as unknown as DocNode,
      text: article.canonicalText,
    },
    claims,
  };
}

function toExportClaim(row: ClaimRow, number: number): ExportClaim {
  return {
    number,
    id: row.id,
    restatement: row.restatement,
    verdict: row.verdict,
    state: row.state,
    startOffset: row.startOffset,
    endOffset: row.endOffset,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    anchorStatus: row.anchorStatus,
    rationale: row.rationale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    author: { name: row.author.name },
    approvedBy: row.approvedBy ? { name: row.approvedBy.name } : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    evidence: row.evidence.flatMap((e): ExportEvidence[] => {
      const base = { id: e.id, stance: e.stance, createdAt: e.createdAt.toISOString() };
      if (e.sourceArticleId && e.sourceArticle) {
        // Passage columns are written together; a row missing one cannot be placed.
        if (e.startOffset === null || e.endOffset === null || e.exact === null) return [];
        return [
          {
            ...base,
            kind: "PASSAGE",
            passage: {
              articleId: e.sourceArticleId,
              articleTitle: e.sourceArticle.title,
              outlet: e.sourceArticle.outlet,
              articlePublished: Boolean(e.sourceArticle.publishedAt && !e.sourceArticle.retiredAt),
              startOffset: e.startOffset,
              endOffset: e.endOffset,
              exact: e.exact,
              prefix: e.prefix ?? "",
              suffix: e.suffix ?? "",
              anchorStatus: e.anchorStatus ?? "ANCHORED",
            },
          },
        ];
      }
      return [
        {
          ...base,
          kind: "EXTERNAL",
          external: { url: e.url ?? "", title: e.title ?? "", excerpt: e.excerpt, accessedAt: isoDay(e.accessedAt) },
        },
      ];
    }),
  };
}

function isoDay(date: Date | null) {
  return date ? date.toISOString().slice(0, 10) : null;
}

// ---------------------------------------------------------------- the ClaimReview feed

export interface ClaimReviewFeedPage {
  items: Array<Record<string, unknown>>;
  page: number;
  pageSize: number;
  total: number;
  /** The next page's number, or null on the last page. */
  next: number | null;
}

/**
 * Every approved claim of every published article as a ClaimReview, newest approval
 * first, `pageSize` a page (pages count from 1). Public: no actor needed.
 */
export async function listPublishedClaimReviews(options: { appUrl: string; page: number; pageSize?: number }): Promise<ClaimReviewFeedPage> {
  const pageSize = options.pageSize ?? FEED_PAGE_SIZE;
  const where: Prisma.ClaimWhereInput = {
    state: "APPROVED",
    approvedAt: { not: null },
    article: { publishedAt: { not: null }, retiredAt: null },
  };
  const [total, rows] = await Promise.all([
    prisma.claim.count({ where }),
    prisma.claim.findMany({
      where,
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        restatement: true,
        verdict: true,
        rationale: true,
        approvedAt: true,
        article: { select: { id: true, title: true, outlet: true, url: true, publicationDate: true, publishedAt: true } },
      },
    }),
  ]);
  // Each claim's number on its article's public page: its place among the approved claims in text order.
  const siblings = await prisma.claim.findMany({
    where: { articleId: { in: [...new Set(rows.map((row) => row.article.id))] }, state: "APPROVED" },
    select: { id: true, articleId: true, startOffset: true, endOffset: true, anchorStatus: true },
  });
  const numbers = new Map<string, number>();
  const byArticle = new Map<string, typeof siblings>();
  for (const claim of siblings) {
    const list = byArticle.get(claim.articleId);
    if (list) list.push(claim);
    else byArticle.set(claim.articleId, [claim]);
  }
  for (const claims of byArticle.values()) claims.sort(compareClaims).forEach((claim, i) => numbers.set(claim.id, i + 1));

  const items = rows.map((row) =>
    claimReview(
      options.appUrl,
      {
        ...row.article,
        publicationDate: isoDay(row.article.publicationDate),
        publishedAt: row.article.publishedAt?.toISOString() ?? null,
      },
      { ...row, approvedAt: row.approvedAt!.toISOString() },
      numbers.get(row.id) ?? 1,
    ),
  );
  const next = options.page * pageSize < total ? options.page + 1 : null;
  return { items, page: options.page, pageSize, total, next };
}
