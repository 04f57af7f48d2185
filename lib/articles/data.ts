import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import { TRANSACTION_LIMITS } from "@/lib/db/transaction-limits";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { PUBLIC_ARTICLES, visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { DuplicateArticleError, FieldError, NotFoundError } from "@/lib/errors";
import { countClaims } from "@/lib/claims/progress";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocNode } from "@/lib/documents/schema";
import {
  applyEdits,
  decodeUpload,
  detectFormat,
  importArticleSource,
  ImportError,
  type FurnitureKind,
  type ImportedArticle,
  type ImportSource,
  type PreviewEdits,
  type SourceFormat,
} from "@/lib/import";
import { FetchRefusedError, readArticleAt, type ArticleFromPage, type PageMetadata } from "@/lib/import/url";
import { findDuplicates, type DuplicateArticle } from "@/lib/articles/duplicates";
import type { ArticleListQuery, articleDetailsSchema, importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";
import { indexLanguage, indexPassages } from "@/lib/search/index-passages";
import { withProgress, type Progress } from "@/lib/progress/track";
import { detectLanguage } from "@/lib/languages/detect";
import { recordFirstVersion } from "@/lib/versions/first-version";
import { isStorableText } from "@/lib/storable-text";

export type { ClaimCounts } from "@/lib/claims/progress";

// Dated articles first, newest first, then undated ones by newest import (the id keeps pages stable).
const articleOrder: Prisma.ArticleOrderByWithRelationInput[] = [{ publicationDate: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }];

const ARTICLE_ORDERS: Record<ArticleListQuery["sort"], Prisma.ArticleOrderByWithRelationInput[]> = {
  newest: articleOrder,
  oldest: [{ publicationDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, ...articleOrder],
  claims: [{ claims: { _count: "desc" } }, ...articleOrder],
};

export const ARTICLES_PAGE_SIZE = 25;

/** The first page of every article, newest first: the list without search or filters. */
const ALL_ARTICLES: ArticleListQuery = { q: null, outlet: null, language: null, sort: "newest", page: 1 };

/** The articles the actor may see that match the list's search and filters. */
function articleListWhere(actor: Actor, query: ArticleListQuery): Prisma.ArticleWhereInput {
  const conditions: Prisma.ArticleWhereInput[] = [visibleArticleWhere(actor)];
  if (query.q) conditions.push({ title: { contains: query.q, mode: "insensitive" } });
  if (query.outlet) conditions.push({ outlet: query.outlet });
  if (query.language) conditions.push({ language: query.language });
  if (query.state === "RETIRED") conditions.push({ retiredAt: { not: null } });
  else if (query.state) conditions.push({ claims: { some: { state: query.state } } });
  // Published: has a public page (the visibility module's rule).
  if (query.published) conditions.push(query.published === "yes" ? PUBLIC_ARTICLES : { NOT: PUBLIC_ARTICLES });
  if (query.claims) conditions.push({ claims: query.claims === "yes" ? { some: {} } : { none: {} } });
  return { AND: conditions };
}

/** One page of the article list, with each article's claims counted by state and verdict. */
export async function listArticles(actor: Actor, query: ArticleListQuery = ALL_ARTICLES) {
  const articles = await prisma.article.findMany({
    where: articleListWhere(actor, query),
    select: { id: true, title: true, outlet: true, language: true, publicationDate: true, createdAt: true, publishedAt: true, retiredAt: true },
    orderBy: ARTICLE_ORDERS[query.sort],
    skip: (query.page - 1) * ARTICLES_PAGE_SIZE,
    take: ARTICLES_PAGE_SIZE,
  });
  const groups = await prisma.claim.groupBy({
    by: ["articleId", "state", "verdict"],
    where: { articleId: { in: articles.map((a) => a.id) } },
    _count: { _all: true },
  });
  return articles.map((article) => {
    const { byState, byVerdict } = countClaims(
      groups.filter((group) => group.articleId === article.id).map((group) => ({ ...group, count: group._count._all })),
    );
    return { ...article, claimCounts: byState, verdictCounts: byVerdict };
  });
}

/** How many articles the list's search and filters match, on all pages. */
export async function countArticles(actor: Actor, query: ArticleListQuery): Promise<number> {
  return prisma.article.count({ where: articleListWhere(actor, query) });
}

/** The outlets and languages of the articles the actor may see: the list's filter choices. */
export async function articleFilterChoices(actor: Actor): Promise<{ outlets: string[]; languages: string[] }> {
  const visible = visibleArticleWhere(actor);
  const [outlets, languages] = await Promise.all([
    prisma.article.findMany({ where: visible, distinct: ["outlet"], select: { outlet: true }, orderBy: { outlet: "asc" } }),
    prisma.article.findMany({ where: { AND: [visible, { language: { not: null } }] }, distinct: ["language"], select: { language: true }, orderBy: { language: "asc" } }),
  ]);
  return { outlets: outlets.map((a) => a.outlet), languages: languages.flatMap((a) => (a.language ? [a.language] : [])) };
}

/**
 * The articles the actor may see, in the list's order, as choices (the reader's "passage from
 * an article" picker): one light query, where listArticles also counts every article's claims.
 */
export async function listArticleChoices(actor: Actor): Promise<Array<{ id: string; title: string }>> {
  return prisma.article.findMany({ where: visibleArticleWhere(actor), select: { id: true, title: true }, orderBy: articleOrder });
}

export async function getArticle(actor: Actor, id: string) {
  // An id PostgreSQL cannot even compare (from a URL: /articles/%00) names no article.
  if (!isStorableText(id)) throw new NotFoundError("That article");
  const article = await prisma.article.findFirst({
    where: { id, ...visibleArticleWhere(actor) },
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publicationDate: true,
      language: true,
      body: true,
      retiredAt: true,
      publishedAt: true,
      createdAt: true,
      importedBy: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      dueOn: true,
    },
  });
  if (!article) throw new NotFoundError("That article");
  return { ...article, body: article.body as unknown as DocNode };
}

export async function updateArticleDetails(actor: Actor, input: z.output<typeof articleDetailsSchema>) {
  assertRole(actor, "EDITOR");
  const { articleId, ...details } = input;
  return prisma.$transaction(async (tx) => {
    const before = await tx.article.findUnique({
      where: { id: articleId },
      select: { title: true, outlet: true, url: true, publicationDate: true, language: true },
    });
    if (!before) throw new NotFoundError("That article");
    const after = await tx.article.update({
      where: { id: articleId },
      data: details,
      select: { title: true, outlet: true, url: true, publicationDate: true, language: true },
    });
    // Another language: its title and passages are searched with that language's configuration.
    if (after.language !== before.language) await indexLanguage(tx, articleId, after.language);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.update_details",
      entityType: "Article",
      entityId: articleId,
      before: jsonDates(before),
      after: jsonDates(after),
    });
    return after;
  });
}

function jsonDates<Details extends { publicationDate: Date | null }>(details: Details) {
  return { ...details, publicationDate: details.publicationDate?.toISOString().slice(0, 10) ?? null };
}

export interface ImportPreview {
  title: string;
  titleIsGuess: boolean;
  /** The whole document read, furniture included: the form shows each block to keep or leave out. */
  doc: DocNode;
  /** For each top-level block of `doc`: the site furniture it looks like (left out unless kept), or null. */
  furniture: Array<FurnitureKind | null>;
  format: SourceFormat;
  /** Words of the article with its furniture left out. */
  wordCount: number;
  /** What the import changed to fit the reader (deep nesting flattened), in sentences. */
  notices: string[];
  /** For a web page: where it came from, what it says about itself, and its article's HTML for the import. */
  page: (Omit<ArticleFromPage, "source"> & { article: string }) | null;
  /** Articles already in Verity with this URL or this text. */
  duplicates: DuplicateArticle[];
  /** The language detected in the text (BCP 47), for the editor to confirm; null when it could not be told. */
  language: string | null;
}

/** What an import would make, for the editor to check; writes nothing. */
export async function previewImport(actor: Actor, input: z.output<typeof importSourceSchema>): Promise<ImportPreview> {
  assertRole(actor, "EDITOR");
  const { format, imported, page } = await importSource(input, { title: null, fetched: null });
  const kept = editedArticle(imported, null);
  const wordCount = kept.canonicalText.split(/\s+/).filter(Boolean).length;
  const metadata: PageMetadata | undefined = page?.metadata;
  return {
    // A page's own headline beats a guess from its first sentence.
    title: metadata?.title ?? imported.title,
    titleIsGuess: metadata?.title ? false : imported.titleIsGuess,
    doc: imported.doc,
    furniture: imported.furniture,
    format,
    wordCount,
    notices: imported.notices,
    page: page && { pageUrl: page.pageUrl, metadata: page.metadata, leftOut: page.leftOut, article: page.source.content },
    language: await detectLanguage(kept.canonicalText),
    duplicates: await findDuplicates(prisma, actor, { canonicalText: kept.canonicalText, urls: [metadata?.canonicalUrl, page?.pageUrl, input.sourceUrl] }),
  };
}

/** Imports an article and returns its id. The document and its canonical text are made here, from the source. */
export async function importArticle(actor: Actor, input: z.output<typeof importArticleSchema>): Promise<string> {
  assertRole(actor, "EDITOR");
  return withProgress({ userId: actor.id, progressId: input.progressId, label: "Reading the article", total: IMPORT_STEPS }, (progress) => importArticleWith(actor, input, progress));
}

/** The steps an import's progress bar counts: reading, checking for copies, indexing, saving. */
const IMPORT_STEPS = 4;

async function importArticleWith(actor: Actor, input: z.output<typeof importArticleSchema>, progress: Progress): Promise<string> {
  const { format, imported: read, page } = await importSource(input, input);
  const imported = editedArticle(read, input.edits);
  const details = {
    title: input.title ?? page?.metadata.title ?? imported.title,
    outlet: input.outlet,
    url: input.url ?? page?.metadata.canonicalUrl ?? input.sourceUrl,
    publicationDate: input.publicationDate,
    language: input.language ?? (await detectLanguage(imported.canonicalText)),
  };
  progress.advance(1, "Checking for articles Verity already has");
  return prisma.$transaction(async (tx) => {
    const duplicates = await findDuplicates(tx, actor, { canonicalText: imported.canonicalText, urls: [details.url, input.sourceUrl] });
    if (duplicates.length > 0 && !input.importAnyway) throw new DuplicateArticleError(duplicates);
    progress.advance(2, "Indexing its sentences for search");
    const article = await tx.article.create({
      data: {
        ...details,
        body: imported.doc as unknown as Prisma.InputJsonValue,
        canonicalText: imported.canonicalText,
        sourceFormat: format,
        importedById: actor.id,
      },
      select: { id: true },
    });
    await indexPassages(tx, article.id, imported.canonicalText, details.language);
    progress.advance(3, "Saving");
    await recordFirstVersion(tx, { id: article.id, body: imported.doc as unknown as Prisma.InputJsonValue, canonicalText: imported.canonicalText, sourceFormat: format, importedById: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.import",
      entityType: "Article",
      entityId: article.id,
      after: {
        ...jsonDates(details),
        sourceFormat: format,
        fileName: input.file?.name ?? null,
        sourceUrl: input.sourceUrl,
        blocksLeftOut: input.edits ? input.edits.dropped.length : read.furniture.filter(Boolean).length,
        // Imported although Verity had these articles already (the editor chose "Import anyway").
        duplicateOf: duplicates.map((duplicate) => duplicate.id),
      },
    });
    return article.id;
  }, TRANSACTION_LIMITS.articleText);
}

/** The article with the preview's edits (or its furniture left out); a problem with them is an error on the source's field. */
function editedArticle(imported: ImportedArticle, edits: PreviewEdits | null) {
  try {
    return applyEdits(imported, edits);
  } catch (error) {
    if (error instanceof ImportError) throw new FieldError("content", error.message);
    throw error;
  }
}

/**
 * Reads and imports the source, given the form's title and the article a preview already read
 * from the web page (an import does not fetch it again); what is wrong is an error on its field.
 */
export async function importSource(input: z.output<typeof importSourceSchema>, { title, fetched }: { title: string | null; fetched: string | null } = { title: null, fetched: null }) {
  try {
    const { source, page } = await readSource(input, fetched);
    return { format: source.format, imported: importArticleSource(source, title ?? page?.metadata.title), page };
  } catch (error) {
    if (error instanceof FetchRefusedError) throw new FieldError("sourceUrl", error.message);
    if (error instanceof ImportError) throw new FieldError(input.file ? "file" : input.sourceUrl ? "sourceUrl" : "content", error.message);
    throw error;
  }
}

/** An uploaded file wins over a web page, which wins over pasted text; a format the editor chose wins over the file's or the detected one. */
async function readSource({ format, content, file, sourceUrl }: z.output<typeof importSourceSchema>, fetched: string | null): Promise<{ source: ImportSource; page: ArticleFromPage | null }> {
  if (file) {
    const upload = decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    return { source: format === "auto" ? upload : { ...upload, format }, page: null };
  }
  if (sourceUrl && fetched) return { source: { format: "HTML", content: fetched }, page: null };
  if (sourceUrl) {
    const page = await readArticleAt(sourceUrl);
    return { source: page.source, page };
  }
  return { source: { format: detectFormat(content ?? "", format), content: content ?? "" }, page: null };
}
