import "server-only";
import { prisma } from "@/lib/db/client";
import { currentVersion } from "@/lib/versions/data";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { isPublicArticle, isVisibleArticle, PUBLIC_ARTICLES, visibleArticleWhere } from "@/lib/auth/visibility";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocNode } from "@/lib/documents/schema";
import { compareClaims, type ExportClaim, type ExportEvidence, type ExportModel, type ExportOrganisation, type ExportSameClaim } from "@/lib/export/model";
import { logoChecksum, logoDataUri, readOrganisation } from "@/lib/organisation/store";
import { organisationLogoUrl } from "@/lib/export/urls";
import { claimReview } from "@/lib/export/claim-review";
import { FEED_PAGE_SIZE } from "@/lib/export/schemas";
import { isStorableText } from "@/lib/storable-text";
import { codePointIndex, type CodePointIndex } from "@/lib/anchoring";
import { loadClaimCorrections, loadWithdrawals } from "@/lib/corrections/reads";
import { readCatalogue } from "@/lib/ratings/catalogue";
import { ratingKey, scaledRating, type RatingCatalogue } from "@/lib/ratings/types";

/**
 * What exports and the public page read. Authorisation is the query's `where`: an
 * anonymous reader finds only published articles (not retired), a reviewer any article
 * that is not retired, an editor any article. Approved claims only, unless an editor
 * asks for pending ones too; the same rule for the claims linked as the same claim in
 * other articles, which public exports name only when approved in a published article.
 * Comments, review notes and email addresses are never
 * selected, so no format can leak them.
 */

export interface LoadExportOptions {
  /** The origin public addresses hang off (lib/organisation/data.ts resolvePublicUrl). */
  appUrl: string;
  /** Editors only: pending claims too, marked as pending. */
  includePending?: boolean;
  /** The actor's own pending claims too (the Annotation Protocol's view for reviewers; lib/annotation-protocol). */
  includeOwnPending?: boolean;
  /** The export's timestamp (tests fix it). */
  now?: Date;
}

const articleRefSelect = { id: true, title: true, outlet: true, url: true, publicationDate: true, publishedAt: true, retiredAt: true } as const;

function toArticleRef(article: Prisma.ArticleGetPayload<{ select: typeof articleRefSelect }>) {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    publicationDate: isoDay(article.publicationDate),
    publishedAt: isPublicArticle(article) ? article.publishedAt.toISOString() : null,
  };
}

const person = { select: { name: true } } as const;

const claimSelect = {
  id: true,
  version: true,
  canonicalIri: true,
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
  ...claimantSelect(),
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  author: person,
  authorId: true,
  contentChangedBy: person,
  contentChangedById: true,
  approvedBy: person,
  groupId: true,
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
  // An id PostgreSQL cannot even compare (from a URL: /p/%00) names no article.
  if (!isStorableText(articleId)) throw new NotFoundError("That article");
  const includePending = options.includePending ?? false;
  if (includePending && !(actor && hasRole(actor, "EDITOR"))) {
    throw new ForbiddenError("Only editors may export pending claims.");
  }
  const [article, rows, organisation, version] = await Promise.all([
    prisma.article.findFirst({
      where: { id: articleId, ...visibleArticleWhere(actor) },
      select: { ...articleRefSelect, body: true, canonicalText: true },
    }),
    prisma.claim.findMany({
      where: { articleId, ...claimsShown(actor, includePending, options.includeOwnPending ?? false) },
      select: claimSelect,
    }),
    readOrganisation(),
    currentVersion(prisma, articleId),
  ]);
  if (!article) throw new NotFoundError("That article");
  const catalogue = await readCatalogue();
  const [sameClaims, passageTexts, corrections, withdrawn] = await Promise.all([
    loadSameClaims(rows.map((row) => ({ ...row, articleId })), { includePending, catalogue }),
    loadPassageTexts(rows),
    loadClaimCorrections(rows.map((row) => row.id)),
    loadWithdrawals(articleId),
  ]);
  const claims = rows
    .sort(compareClaims)
    .map((row, i) => ({ ...toExportClaim(actor, row, i + 1, sameClaims.get(row.id) ?? [], passageTexts, catalogue), corrections: corrections.get(row.id) ?? [] }));
  return {
    appUrl: options.appUrl,
    generatedAt: (options.now ?? new Date()).toISOString(),
    includesPending: includePending,
    organisation: toExportOrganisation(options.appUrl, organisation),
    article: {
      ...toArticleRef(article),
      version: { number: version.number, updatedOn: isoDay(version.outletUpdatedOn) },
      body: article.body as unknown as DocNode,
      text: article.canonicalText,
    },
    claims,
    ratingKey: ratingKey(catalogue, rows.map((row) => row.verdict)),
    withdrawn,
  };
}

function claimsShown(actor: Actor | null, includePending: boolean, includeOwnPending: boolean): Prisma.ClaimWhereInput {
  if (includePending) return {};
  if (includeOwnPending && actor) return { OR: [{ state: "APPROVED" }, { authorId: actor.id }] };
  return { state: "APPROVED" };
}

/** The texts of the articles the claims' evidence passages are in, each indexed for W3C positions (code points). */
async function loadPassageTexts(rows: ClaimRow[]): Promise<Map<string, CodePointIndex>> {
  const ids = [...new Set(rows.flatMap((row) => row.evidence.flatMap((e) => (e.sourceArticleId ? [e.sourceArticleId] : []))))];
  if (ids.length === 0) return new Map();
  const articles = await prisma.article.findMany({ where: { id: { in: ids } }, select: { id: true, canonicalText: true } });
  return new Map(articles.map((article) => [article.id, codePointIndex(article.canonicalText)]));
}

function toExportClaim(
  viewer: Actor | null,
  row: ClaimRow,
  number: number,
  sameClaim: ExportSameClaim[],
  passageTexts: Map<string, CodePointIndex>,
  catalogue: RatingCatalogue,
): Omit<ExportClaim, "corrections"> {
  return {
    number,
    id: row.id,
    version: row.version,
    canonicalIri: row.canonicalIri,
    restatement: row.restatement,
    rating: scaledRating(catalogue, row.verdict),
    state: row.state,
    startOffset: row.startOffset,
    endOffset: row.endOffset,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    anchorStatus: row.anchorStatus,
    rationale: row.rationale,
    ...toClaimant(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    author: { name: row.author.name },
    editedBy: row.contentChangedBy && row.contentChangedById !== row.authorId ? { name: row.contentChangedBy.name } : null,
    approvedBy: row.approvedBy ? { name: row.approvedBy.name } : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    evidence: row.evidence.flatMap((e): ExportEvidence[] => {
      const base = { id: e.id, stance: e.stance, createdAt: e.createdAt.toISOString() };
      if (e.sourceArticleId && e.sourceArticle) {
        // Passage columns are written together; a row missing one cannot be placed.
        if (e.startOffset === null || e.endOffset === null || e.exact === null) return [];
        if (!isVisibleArticle(viewer, e.sourceArticle)) return [{ ...base, kind: "WITHHELD" }];
        const points = passageTexts.get(e.sourceArticleId)!;
        return [
          {
            ...base,
            kind: "PASSAGE",
            passage: {
              articleId: e.sourceArticleId,
              articleTitle: e.sourceArticle.title,
              outlet: e.sourceArticle.outlet,
              articlePublished: isPublicArticle(e.sourceArticle),
              startOffset: e.startOffset,
              endOffset: e.endOffset,
              codePoints: { start: points.toCodePoints(e.startOffset), end: points.toCodePoints(e.endOffset) },
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
    sameClaim,
  };
}

/**
 * For each claim, the other members of its claim group in other articles: every one for
 * an editor's internal export, else only approved ones in published articles.
 */
async function loadSameClaims(
  claims: Array<{ id: string; groupId: string | null; articleId: string }>,
  options: { includePending: boolean; catalogue: RatingCatalogue },
): Promise<Map<string, ExportSameClaim[]>> {
  const { includePending } = options;
  const groupIds = [...new Set(claims.flatMap((claim) => (claim.groupId ? [claim.groupId] : [])))];
  if (groupIds.length === 0) return new Map();
  const members = await prisma.claim.findMany({
    where: {
      groupId: { in: groupIds },
      ...(includePending ? {} : { state: "APPROVED", article: PUBLIC_ARTICLES }),
    },
    select: { id: true, groupId: true, articleId: true, restatement: true, verdict: true, state: true, article: { select: articleRefSelect } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const numbers = await publicNumbers(members.filter((m) => m.state === "APPROVED" && m.article.publishedAt).map((m) => m.articleId));
  const byClaim = new Map<string, ExportSameClaim[]>();
  for (const claim of claims) {
    const others = members
      .filter((m) => m.groupId === claim.groupId && m.articleId !== claim.articleId)
      .map((m) => ({
        id: m.id,
        restatement: m.restatement,
        rating: scaledRating(options.catalogue, m.verdict),
        state: m.state,
        article: toArticleRef(m.article),
        publicNumber: numbers.get(m.id) ?? null,
      }));
    if (others.length > 0) byClaim.set(claim.id, others);
  }
  return byClaim;
}

/** Each approved claim's place among its article's approved claims in text order: its page /p/<article>/claims/N. */
export async function publicNumbers(articleIds: string[]): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  if (articleIds.length === 0) return numbers;
  const approved = await prisma.claim.findMany({
    where: { articleId: { in: [...new Set(articleIds)] }, state: "APPROVED" },
    select: { id: true, articleId: true, startOffset: true, endOffset: true, anchorStatus: true },
  });
  const byArticle = new Map<string, typeof approved>();
  for (const claim of approved) {
    const list = byArticle.get(claim.articleId);
    if (list) list.push(claim);
    else byArticle.set(claim.articleId, [claim]);
  }
  for (const list of byArticle.values()) list.sort(compareClaims).forEach((claim, i) => numbers.set(claim.id, i + 1));
  return numbers;
}

/** The claimant columns, read alike for every export and the feed. */
function claimantSelect() {
  return { claimant: true, claimantKind: true, claimDate: true, appearanceUrl: true } as const;
}

function toClaimant(row: Prisma.ClaimGetPayload<{ select: ReturnType<typeof claimantSelect> }>) {
  return { claimant: row.claimant, claimantKind: row.claimantKind, claimDate: isoDay(row.claimDate), appearanceUrl: row.appearanceUrl };
}

function toExportOrganisation(appUrl: string, { logo, ...organisation }: Awaited<ReturnType<typeof readOrganisation>>): ExportOrganisation {
  return {
    name: organisation.name,
    url: organisation.url,
    contactEmail: organisation.contactEmail,
    policyUrl: organisation.policyUrl,
    logo: logo && { url: organisationLogoUrl(appUrl, logoChecksum(logo)), dataUri: logoDataUri(logo) },
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
    article: PUBLIC_ARTICLES,
  };
  const [total, rows, organisation] = await Promise.all([
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
        ...claimantSelect(),
        approvedAt: true,
        groupId: true,
        article: { select: articleRefSelect },
      },
    }),
    readOrganisation(),
  ]);
  const catalogue = await readCatalogue();
  const [numbers, sameClaims, corrections] = await Promise.all([
    publicNumbers(rows.map((row) => row.article.id)),
    loadSameClaims(rows.map((row) => ({ id: row.id, groupId: row.groupId, articleId: row.article.id })), { includePending: false, catalogue }),
    loadClaimCorrections(rows.map((row) => row.id)),
  ]);
  const author = toExportOrganisation(options.appUrl, organisation);
  const items = rows.map((row) =>
    claimReview(
      options.appUrl,
      author,
      toArticleRef(row.article),
      { ...row, ...toClaimant(row), rating: scaledRating(catalogue, row.verdict), approvedAt: row.approvedAt!.toISOString(), sameClaim: sameClaims.get(row.id) ?? [], corrections: corrections.get(row.id) ?? [] },
      numbers.get(row.id) ?? 1,
    ),
  );
  const next = options.page * pageSize < total ? options.page + 1 : null;
  return { items, page: options.page, pageSize, total, next };
}
