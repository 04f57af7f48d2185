import type { Db, Tx } from "@/lib/db/client";
import { splitPassages } from "@/lib/search/passages";

/**
 * Stores an article's passages; call it in the transaction that creates the article. Only
 * the spans and text are written: the full-text vector is a generated column, so the
 * database computes it (and its GIN index) itself.
 */
export async function indexPassages(tx: Tx | Db, articleId: string, canonicalText: string): Promise<number> {
  const passages = splitPassages(canonicalText);
  if (passages.length === 0) return 0;
  await tx.passage.createMany({
    data: passages.map((p) => ({ articleId, ordinal: p.ordinal, startOffset: p.start, endOffset: p.end, text: p.text })),
    // The same text always gives the same passages, so a second indexer's rows are the same rows.
    skipDuplicates: true,
  });
  return passages.length;
}

/**
 * Indexes the articles that have no passages yet (those imported before passages
 * existed); returns how many it indexed. Running it again finds none.
 */
export async function indexMissingPassages(db: Db): Promise<number> {
  const articles = await db.article.findMany({
    where: { passages: { none: {} }, canonicalText: { not: "" } },
    select: { id: true, canonicalText: true },
  });
  for (const article of articles) await indexPassages(db, article.id, article.canonicalText);
  return articles.length;
}
