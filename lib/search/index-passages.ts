import type { Db, Tx } from "@/lib/db/client";
import { configurationFor } from "@/lib/languages/configurations";
import { searchWords, splitPassages } from "@/lib/search/passages";

/**
 * Stores an article's passages, split into the sentences of its language, and their words in
 * the search dictionary (model SearchWord); call it in the transaction that creates the
 * article. The article and its passages get the text search configuration of its language
 * (lib/languages/text-search.ts); only the spans, text and configuration are written: the
 * full-text vectors are generated columns, so the database computes them (and their GIN
 * indexes) itself. One statement with four arrays: for a 1 MB article (about 6,900 passages)
 * Prisma's createMany took 2.0 s to this 0.8 s.
 */
export async function indexPassages(tx: Tx | Db, articleId: string, canonicalText: string, language: string | null = null): Promise<number> {
  const config = await indexLanguage(tx, articleId, language);
  const passages = splitPassages(canonicalText, language);
  if (passages.length === 0) return 0;
  // The same text always gives the same passages, so a second indexer's rows are the same rows.
  await tx.$executeRaw`
    INSERT INTO "Passage" ("articleId", ordinal, "startOffset", "endOffset", text, "searchConfig")
    SELECT ${articleId}, *, ${config}::regconfig
      FROM unnest(${passages.map((p) => p.ordinal)}::int[], ${passages.map((p) => p.start)}::int[],
                  ${passages.map((p) => p.end)}::int[], ${passages.map((p) => p.text)}::text[])
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`INSERT INTO "SearchWord" (word) SELECT unnest(${searchWords(canonicalText)}::text[]) ON CONFLICT DO NOTHING`;
  return passages.length;
}

/**
 * Indexes an article's title and passages with the text search configuration of `language`
 * (when an editor changes the article's language, too); returns the configuration.
 */
export async function indexLanguage(tx: Tx | Db, articleId: string, language: string | null): Promise<string> {
  const config = await configurationFor(tx, language);
  // Only rows in another configuration: the generated vectors are computed again for those alone.
  await tx.$executeRaw`UPDATE "Article" SET "searchConfig" = ${config}::regconfig WHERE id = ${articleId} AND "searchConfig" <> ${config}::regconfig`;
  await tx.$executeRaw`UPDATE "Passage" SET "searchConfig" = ${config}::regconfig WHERE "articleId" = ${articleId} AND "searchConfig" <> ${config}::regconfig`;
  return config;
}

/**
 * Indexes the articles that have no passages yet (those imported before passages
 * existed); returns how many it indexed. Running it again finds none.
 */
export async function indexMissingPassages(db: Db): Promise<number> {
  const articles = await db.article.findMany({
    where: { passages: { none: {} }, canonicalText: { not: "" } },
    select: { id: true, canonicalText: true, language: true },
  });
  for (const article of articles) await indexPassages(db, article.id, article.canonicalText, article.language);
  return articles.length;
}
