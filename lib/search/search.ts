import "server-only";
import { queryRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { normaliseQuery, STOP_WORDS_MESSAGE } from "@/lib/search/query";
import {
  lexemeCountStatement,
  phrasePairsStatement,
  queryTsquery,
  RANKED_CANDIDATES,
  searchConfigsStatement,
  searchStatements,
  similarSpellingsStatement,
  spellingsTsquery,
  type PhrasePairs,
  type TsqueryFor,
} from "@/lib/search/statements";
import { stemmingNotice, UNKNOWN_LANGUAGE } from "@/lib/languages/text-search";
import { isDictionaryLength, queryWords } from "@/lib/search/passages";
import { RESULTS_PER_PAGE, type SearchFilters, type SearchHit, type SearchOutcome, type TitleHit } from "@/lib/search/types";

/**
 * Full-text search over the passages of the articles the actor may see, with filters and
 * pages. The query is PostgreSQL's websearch syntax ("phrases", OR, -word); excluded words
 * exclude from the whole query, as in a web search box. The SQL is in statements.ts.
 */

export { RANKED_CANDIDATES };
const MAX_PAGE = Math.ceil(RANKED_CANDIDATES / RESULTS_PER_PAGE);
/** How many similar spellings of a word are searched for. */
const SPELLINGS_PER_WORD = 3;

export async function searchPassages(actor: Actor, rawQuery: unknown, filters: SearchFilters): Promise<SearchOutcome> {
  const query = normaliseQuery(rawQuery);
  if (query.kind === "empty") return { status: "empty", message: query.message };
  const page = Math.min(Math.max(1, Math.trunc(filters.page) || 1), MAX_PAGE);
  const { configs, stemming } = await searchConfigs(actor, filters);
  const pairs = await phrasePairs(configs, query.phrases);
  const found = await runSearch(actor, queryTsquery(query), configs, filters, page, pairs);
  const outcome = { status: "ok" as const, query: query.text, truncated: query.truncated, fuzzy: false, stemming };
  if (found.total > 0) return { ...outcome, ...found };

  const [{ lexemes }] = await queryRows<{ lexemes: number }>(lexemeCountStatement(query.include, configs));
  if (lexemes === 0) return { ...outcome, ...found, message: STOP_WORDS_MESSAGE };
  // Plain words that no passage contains may be misspelt (or spelt another way): search
  // again for the words of the articles spelt like them. Not phrases, OR or exclusions:
  // those say exactly what to find.
  if (query.exclude || /["]|\bOR\b/.test(query.include)) return { ...outcome, ...found };
  const spellings = await similarSpellings(queryWords(query.include));
  if (!spellings) return { ...outcome, ...found };
  const respelt = await runSearch(actor, spellingsTsquery(spellings), configs, filters, page);
  return { ...outcome, ...respelt, fuzzy: respelt.total > 0 };
}

/**
 * The text search configurations of the articles searched (the query is parsed with each:
 * statements.ts), and what the search cannot do for their languages (stemmingNotice).
 */
async function searchConfigs(actor: Actor, filters: SearchFilters): Promise<{ configs: string[]; stemming: string[] }> {
  const rows = await queryRows<{ config: string; language: string | null }>(searchConfigsStatement(actor, filters));
  const configs = [...new Set(rows.map((row) => row.config))];
  const stemming = rows.flatMap((row) => (row.language ? [stemmingNotice(row.language, row.config)] : [])).filter((notice) => notice !== null);
  // No article to search: any configuration finds nothing.
  return { configs: configs.length > 0 ? configs : [UNKNOWN_LANGUAGE], stemming: [...new Set(stemming)] };
}

/** Per configuration, the pairs of words side by side that every match holds (statements.ts, matchesSql). */
async function phrasePairs(configs: string[], phrases: string[]): Promise<PhrasePairs | undefined> {
  if (phrases.length === 0) return undefined;
  const rows = await queryRows<{ config: string; pairs: string[] }>(phrasePairsStatement(configs, phrases));
  return new Map(rows.map((row) => [row.config, row.pairs]));
}

async function runSearch(actor: Actor, tsquery: TsqueryFor, configs: string[], filters: SearchFilters, page: number, pairs?: PhrasePairs) {
  const { statement } = searchStatements(actor, tsquery, configs, filters, page, pairs);
  const [result] = await queryRows<{ total: number; hits: SearchHit[]; titles: TitleHit[] }>(statement);
  const total = Math.min(result.total, RANKED_CANDIDATES);
  return {
    hits: result.hits,
    total,
    capped: result.total > RANKED_CANDIDATES,
    page,
    pageCount: Math.ceil(total / RESULTS_PER_PAGE),
    titles: result.titles,
  };
}

/**
 * Per word of a search, the dictionary's words spelt most like it (pg_trgm similarity, at
 * least its similarity_threshold of 0.3, through the trigram index): the word itself when an
 * article has it. A word of a length the dictionary does not hold stays as it is; null when
 * another word has no similar spelling, as no passage could then have them all.
 */
async function similarSpellings(words: string[]): Promise<string[][] | null> {
  const rows = await queryRows<{ word: string; spellings: string[] }>(similarSpellingsStatement(words, SPELLINGS_PER_WORD));
  const found = new Map(rows.map((row) => [row.word, row.spellings]));
  const spellings = words.map((word) => found.get(word) ?? (isDictionaryLength(word) ? null : [word]));
  return spellings.every((each) => each !== null) && spellings.length > 0 ? spellings : null;
}
