import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { PUBLIC_ARTICLES, visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { countClaims } from "@/lib/claims/progress";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocNode } from "@/lib/documents/schema";
import { decodeUpload, detectFormat, importArticleSource, ImportError, type ImportSource, type SourceFormat } from "@/lib/import";
import type { ArticleListQuery, articleDetailsSchema, importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";
import { indexPassages } from "@/lib/search/index-passages";
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
  doc: DocNode;
  format: SourceFormat;
  wordCount: number;
  /** What the import changed to fit the reader (deep nesting flattened), in sentences. */
  notices: string[];
}

/** What an import would make, for the editor to check; writes nothing. */
export async function previewImport(actor: Actor, input: z.output<typeof importSourceSchema>): Promise<ImportPreview> {
  assertRole(actor, "EDITOR");
  const { format, imported } = await importSource(input);
  const wordCount = imported.canonicalText.split(/\s+/).filter(Boolean).length;
  return { title: imported.title, titleIsGuess: imported.titleIsGuess, doc: imported.doc, format, wordCount, notices: imported.notices };
}

/** Imports an article and returns its id. The document and its canonical text are made here, from the source. */
export async function importArticle(actor: Actor, input: z.output<typeof importArticleSchema>): Promise<string> {
  assertRole(actor, "EDITOR");
  const { format, imported } = await importSource(input);
  const details = { title: input.title ?? imported.title, outlet: input.outlet, url: input.url, publicationDate: input.publicationDate };
  return prisma.$transaction(async (tx) => {
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
    await indexPassages(tx, article.id, imported.canonicalText);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.import",
      entityType: "Article",
      entityId: article.id,
      after: { ...jsonDates(details), sourceFormat: format, fileName: input.file?.name ?? null },
    });
    return article.id;
  });
}

/** Reads and imports the source; what is wrong with it is an error on its field. */
async function importSource(input: z.output<typeof importSourceSchema>) {
  try {
    const source = await readSource(input);
    return { format: source.format, imported: importArticleSource(source) };
  } catch (error) {
    if (error instanceof ImportError) throw new FieldError(input.file ? "file" : "content", error.message);
    throw error;
  }
}

/** An uploaded file wins over pasted text; a format the editor chose wins over the file's or the detected one. */
async function readSource({ format, content, file }: z.output<typeof importSourceSchema>): Promise<ImportSource> {
  if (!file) return { format: detectFormat(content ?? "", format), content: content ?? "" };
  const upload = decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()));
  return format === "auto" ? upload : { ...upload, format };
}
