import "server-only";
import { prisma, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { normaliseQuery, STOP_WORDS_MESSAGE } from "@/lib/search/query";
import { claimsOnPassage, RANKED_CANDIDATES, searchStatements } from "@/lib/search/statements";
import { RESULTS_PER_PAGE, type SearchFilters, type SearchHit, type SearchOutcome, type TitleHit } from "@/lib/search/types";

/**
 * Full-text search over the passages of the articles the actor may see, with filters and
 * pages. The query is PostgreSQL's websearch syntax ("phrases", OR, -word); excluded words
 * exclude from the whole query, as in a web search box. The SQL is in statements.ts.
 */

export { RANKED_CANDIDATES };
const MAX_PAGE = Math.ceil(RANKED_CANDIDATES / RESULTS_PER_PAGE);

export async function searchPassages(actor: Actor, rawQuery: unknown, filters: SearchFilters): Promise<SearchOutcome> {
  const query = normaliseQuery(rawQuery);
  if (query.kind === "empty") return { status: "empty", message: query.message };
  const page = Math.min(Math.max(1, Math.trunc(filters.page) || 1), MAX_PAGE);
  const statements = searchStatements(actor, query, filters, page);
  const [result] = await queryRows<{ total: number; hits: SearchHit[]; titles: TitleHit[] }>(statements.statement);
  const titles = result.titles;

  if (result.total > 0) {
    const total = Math.min(result.total, RANKED_CANDIDATES);
    return {
      status: "ok",
      query: query.text,
      truncated: query.truncated,
      hits: result.hits,
      total,
      capped: result.total > RANKED_CANDIDATES,
      page,
      pageCount: Math.ceil(total / RESULTS_PER_PAGE),
      titles,
      fuzzy: false,
    };
  }

  const base = { status: "ok" as const, query: query.text, truncated: query.truncated, total: 0, capped: false, page: 1, titles };
  const [{ lexemes }] = await queryRows<{ lexemes: number }>(Prisma.sql`
    SELECT numnode(websearch_to_tsquery('english', ${query.include}))::int AS lexemes`);
  if (lexemes === 0) return { ...base, hits: [], pageCount: 0, fuzzy: false, message: STOP_WORDS_MESSAGE };
  // Plain words that no passage contains may be misspelt (or spelt another way): look for similar words.
  if (query.exclude || /["]|\bOR\b/.test(query.include)) return { ...base, hits: [], pageCount: 0, fuzzy: false };
  const similar = await similarPassages(query.include, statements.where, statements.claimWhere);
  return { ...base, hits: similar, total: similar.length, pageCount: similar.length > 0 ? 1 : 0, fuzzy: similar.length > 0 };
}

/** Passages with words spelt like the query's (trigram word similarity, through the trigram index). */
function similarPassages(words: string, where: Prisma.Sql, claimWhere: Prisma.Sql): Promise<SearchHit[]> {
  return queryRows<SearchHit>(Prisma.sql`
    SELECT p."articleId", a.title AS "articleTitle", a.outlet, to_char(a."publicationDate", 'YYYY-MM-DD') AS "publicationDate",
           p.ordinal, p."startOffset", p."endOffset", translate(p.text, chr(57344) || chr(57345), '') AS snippet,
           word_similarity(${words}, p.text)::float8 AS rank, ${claimsOnPassage(Prisma.sql`p`)} AS claims
      FROM "Passage" p JOIN "Article" a ON a.id = p."articleId"
     WHERE p.text %> ${words} ${where} ${claimWhere}
     ORDER BY rank DESC, p."articleId", p.ordinal
     LIMIT ${RESULTS_PER_PAGE}`);
}

/** The outlets of the articles the actor may see, for the outlet filter. */
export async function listOutlets(actor: Actor): Promise<string[]> {
  const rows = await prisma.article.findMany({
    where: hasRole(actor, "EDITOR") ? {} : { retiredAt: null },
    select: { outlet: true },
    distinct: ["outlet"],
    orderBy: { outlet: "asc" },
  });
  return rows.map((row) => row.outlet);
}
