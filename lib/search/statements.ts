import { Prisma } from "@/lib/generated/prisma/client";
import { visibleArticleSql, type Viewer } from "@/lib/auth/visibility";
import type { NormalisedQuery } from "@/lib/search/query";
import { HEADLINE_OPTIONS } from "@/lib/search/snippet";
import { RESULTS_PER_PAGE, type SearchFilters } from "@/lib/search/types";

/**
 * The SQL of search, suggested evidence and same-claim candidates, built here and run by
 * the data layer (search.ts, evidence.ts, same-claim.ts); the benchmark runs the same
 * statements with `pg`. No server state: only the statements.
 */

/**
 * At most this many matching passages are ranked for one query. A query that matches more
 * (a word in half the corpus) is ranked among the first ones found, and the page says so:
 * ranking 100,000 passages would take the database a third of a second. 5,000 cost a
 * common word 140 ms at 1,000,000 passages (bench/search-scale.ts), 1,000 a fifth of it;
 * fifty pages of results are more than anyone reads.
 */
export const RANKED_CANDIDATES = 1_000;

/**
 * A search is parsed once per text search configuration of the articles it searches
 * (lib/languages/text-search.ts), as the words of each article were indexed with its own: a
 * query in French stems as French and finds French passages. `TsqueryFor` builds the tsquery
 * for one configuration (an SQL expression).
 */
export type TsqueryFor = (config: Prisma.Sql) => Prisma.Sql;

/**
 * A configuration's name as an SQL literal: written out, never a parameter, so the planner
 * sees the whole tsquery (websearch_to_tsquery is immutable) and estimates its matches. Only
 * the names PostgreSQL itself gives (pg_ts_config) come here; the check keeps it so.
 */
export function configLiteral(name: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a text search configuration name: ${name}`);
  return Prisma.raw(`'${name}'::regconfig`);
}

/** A search query as PostgreSQL's tsquery: its words in websearch syntax, less the excluded ones. */
export function queryTsquery(query: Extract<NormalisedQuery, { kind: "query" }>): TsqueryFor {
  return (config) =>
    query.exclude
      ? Prisma.sql`(websearch_to_tsquery(${config}, ${query.include}) && !! websearch_to_tsquery(${config}, ${query.exclude}))`
      : Prisma.sql`websearch_to_tsquery(${config}, ${query.include})`;
}

/**
 * A query for passages with one of the spellings of each word: `spellings` holds, per word
 * of the search, the dictionary's words spelt like it (lib/search/search.ts).
 */
export function spellingsTsquery(spellings: string[][]): TsqueryFor {
  return (config) =>
    Prisma.sql`(${Prisma.join(
      spellings.map((words) => Prisma.sql`websearch_to_tsquery(${config}, ${words.join(" OR ")})`),
      " && ",
    )})`;
}

/**
 * Rows (vector column `vector`, configuration column `rowConfig`) that match the query parsed
 * with their own configuration, one of `configs`: per configuration, its rows and the GIN
 * index scanned for its tsquery (a BitmapOr of them). With `phrases` (the rows' column of
 * pairs of words side by side, Passage.phraseVector, and per configuration the pairs the
 * query's phrases hold), a row is found through its pairs and the phrase then checked on its words:
 * through ts_match_vq, @@ written as a function, which PostgreSQL does not look up in the
 * words' index. That index would first gather every passage holding both words, which is the
 * cost the pairs are there to save.
 */
function matchesSql(vector: Prisma.Sql, rowConfig: Prisma.Sql, configs: string[], tsquery: TsqueryFor, phrases?: { vector: Prisma.Sql; pairs: PhrasePairs }): Prisma.Sql {
  const match = (config: string) => {
    const pairs = phrases?.pairs.get(config);
    return phrases && pairs && pairs.length > 0
      ? Prisma.sql`${phrases.vector} @@ ${pairsTsquery(pairs)}::tsquery AND ts_match_vq(${vector}, ${tsquery(configLiteral(config))})`
      : Prisma.sql`${vector} @@ ${tsquery(configLiteral(config))}`;
  };
  if (configs.length === 1) return Prisma.sql`(${match(configs[0])})`;
  return Prisma.sql`(${Prisma.join(
    configs.map((config) => Prisma.sql`(${rowConfig} = ${configLiteral(config)} AND ${match(config)})`),
    " OR ",
  )})`;
}

/** Per text search configuration, the pairs of words side by side ('prime minist') that a search's phrases hold in it. */
export type PhrasePairs = Map<string, string[]>;

/**
 * The pairs of each phrase read in each configuration, by the function that makes
 * Passage.phraseVector (so a passage holding the phrase has them all). A phrase of one word,
 * or whose words stand apart (a stop word between), has none.
 */
export function phrasePairsStatement(configs: string[], phrases: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT c.config, array_agg(DISTINCT pair ORDER BY pair) AS pairs
      FROM unnest(${configs}::text[]) AS c(config), unnest(${phrases}::text[]) AS ph(phrase),
           unnest(tsvector_to_array(passage_phrase_pairs(c.config::regconfig, ph.phrase))) AS pair
     GROUP BY c.config`;
}

/** Pairs as a tsquery that holds them all: each a quoted lexeme, its quotes and backslashes escaped as tsquery input wants. */
export function pairsTsquery(pairs: string[]): string {
  return pairs.map((pair) => `'${pair.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

/** The query parsed with a row's own configuration (`rowConfig`, one of `configs`), for ranking and headlines. */
function rowTsquerySql(rowConfig: Prisma.Sql, configs: string[], tsquery: TsqueryFor): Prisma.Sql {
  if (configs.length === 1) return tsquery(configLiteral(configs[0]));
  return Prisma.sql`(CASE ${rowConfig} ${Prisma.join(
    configs.map((config) => Prisma.sql`WHEN ${configLiteral(config)} THEN ${tsquery(configLiteral(config))}`),
    " ",
  )} END)`;
}

/**
 * The text search configurations, and languages, of the articles a search looks in (visible,
 * and filtered). Every search asks this, and a national archive has hundreds of thousands of
 * articles but a handful of pairs: the pairs are walked through the index on (searchConfig,
 * language) one jump each (the next pair after the last: a later language of the same
 * configuration, its articles of no language, or the next configuration), and each is kept
 * if one article of it may be searched.
 */
export function searchConfigsStatement(actor: Viewer, filters: SearchFilters): Prisma.Sql {
  // Two forms of one test, so that each finds its articles through the index (IS NOT DISTINCT FROM cannot).
  const searched = articleConditions(actor, filters, Prisma.sql`a.id`);
  return Prisma.sql`
    WITH RECURSIVE pairs(config, language) AS (
      (SELECT "searchConfig", language FROM "Article" ORDER BY "searchConfig", language LIMIT 1)
      UNION ALL
      SELECT n.config, n.language FROM pairs p CROSS JOIN LATERAL (
        (SELECT a."searchConfig" AS config, a.language FROM "Article" a
          WHERE p.language IS NOT NULL AND a."searchConfig" = p.config AND a.language > p.language ORDER BY a.language LIMIT 1)
        UNION ALL
        (SELECT a."searchConfig", a.language FROM "Article" a
          WHERE p.language IS NOT NULL AND a."searchConfig" = p.config AND a.language IS NULL LIMIT 1)
        UNION ALL
        (SELECT a."searchConfig", a.language FROM "Article" a
          WHERE a."searchConfig" > p.config ORDER BY a."searchConfig", a.language LIMIT 1)
        LIMIT 1
      ) n
    )
    SELECT p.config::text AS config, p.language FROM pairs p
     WHERE CASE WHEN p.language IS NULL
                THEN EXISTS (SELECT 1 FROM "Article" a WHERE a."searchConfig" = p.config AND a.language IS NULL ${searched})
                ELSE EXISTS (SELECT 1 FROM "Article" a WHERE a."searchConfig" = p.config AND a.language = p.language ${searched}) END
     ORDER BY 1, 2`;
}

/** The names of the text search configurations this database has (those PostgreSQL ships). */
export const textSearchConfigurationsStatement = Prisma.sql`
  SELECT cfgname::text AS name FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace ORDER BY 1`;

/** The statement one search runs: the ranked page of passages, how many match, and (on page 1) the articles whose title matches. */
export function searchStatements(actor: Viewer, tsquery: TsqueryFor, configs: string[], filters: SearchFilters, page: number, pairs?: PhrasePairs) {
  const where = articleConditions(actor, filters, Prisma.sql`p."articleId"`);
  const claimWhere = claimConditions(filters);
  // Titles too are ranked among the first RANKED_CANDIDATES found, not all (a common word is in thousands).
  const titles = page > 1 ? Prisma.sql`'[]'::json` : Prisma.sql`COALESCE((SELECT json_agg(t) FROM (
    SELECT a.id AS "articleId", a.title, a.outlet, to_char(a."publicationDate", 'YYYY-MM-DD') AS "publicationDate"
      FROM (SELECT * FROM "Article" a
             WHERE ${matchesSql(Prisma.sql`a."titleVector"`, Prisma.sql`a."searchConfig"`, configs, tsquery)} ${articleConditions(actor, filters, Prisma.sql`a.id`)}
             LIMIT ${RANKED_CANDIDATES}) a
     ORDER BY ts_rank(a."titleVector", ${rowTsquerySql(Prisma.sql`a."searchConfig"`, configs, tsquery)}) DESC, a."publicationDate" DESC NULLS LAST, a.id
     LIMIT 5) t), '[]'::json)`;
  // The query is written out where it is used, never read from a CTE: the planner then sees
  // its value (the function is immutable) and estimates how many passages match, so a
  // common word scans with an early stop instead of hashing every match.
  const statement = Prisma.sql`
      WITH matches AS MATERIALIZED (
        SELECT p."articleId", p.ordinal, p."startOffset", p."endOffset", p.text, p."searchConfig", p."copyKey" AS key,
               ts_rank(p."searchVector", ${rowTsquerySql(Prisma.sql`p."searchConfig"`, configs, tsquery)}, 1) AS rank
          FROM "Passage" p
         WHERE ${matchesSql(Prisma.sql`p."searchVector"`, Prisma.sql`p."searchConfig"`, configs, tsquery, pairs && { vector: Prisma.sql`p."phraseVector"`, pairs })} ${where} ${claimWhere}
         LIMIT ${RANKED_CANDIDATES + 1}
      ),
      -- Copies of one passage (the same sentence in several articles) are one result: the best-ranked,
      -- with how many other articles have it, counted once for all keys (per shown result, each
      -- count read every match again: 5 ms of a page of 20).
      collapsed AS MATERIALIZED (
        SELECT DISTINCT ON (m.key) m.*, k."alsoIn"
          FROM matches m JOIN (SELECT key, (count(DISTINCT "articleId") - 1)::int AS "alsoIn" FROM matches GROUP BY key) k ON k.key = m.key
         ORDER BY m.key, m.rank DESC, m."articleId", m.ordinal
      ),
      shown AS (
        SELECT * FROM collapsed ORDER BY rank DESC, "articleId", ordinal LIMIT ${RESULTS_PER_PAGE} OFFSET ${(page - 1) * RESULTS_PER_PAGE}
      )
      SELECT (SELECT count(*)::int FROM collapsed) AS total,
             COALESCE((
               SELECT json_agg(json_build_object(
                        'articleId', s."articleId", 'articleTitle', a.title, 'outlet', a.outlet,
                        'publicationDate', to_char(a."publicationDate", 'YYYY-MM-DD'),
                        'ordinal', s.ordinal, 'startOffset', s."startOffset", 'endOffset', s."endOffset", 'rank', s.rank, 'alsoIn', s."alsoIn",
                        -- The markers are private-use characters; a passage that contains them loses them.
                        'snippet', ts_headline(s."searchConfig", translate(s.text, chr(57344) || chr(57345), ''),
                                             ${rowTsquerySql(Prisma.sql`s."searchConfig"`, configs, tsquery)}, ${HEADLINE_OPTIONS}),
                        'claims', ${claimsOnPassage(Prisma.sql`s`)}
                      ) ORDER BY s.rank DESC, s."articleId", s.ordinal)
                 FROM shown s JOIN "Article" a ON a.id = s."articleId"
             ), '[]'::json) AS hits,
             ${titles} AS titles`;
  return { statement, where, claimWhere };
}

/**
 * Who may see which articles (lib/auth/visibility.ts), and the article-level filters, as
 * conditions on `articleId` (an article id column). A filter is IN a set of articles
 * rather than a join, so its articles are hashed once.
 */
export function articleConditions(actor: Viewer, filters: SearchFilters, articleId: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleArticleSql(actor, articleId)];
  const filtered: Prisma.Sql[] = [];
  if (filters.outlet) filtered.push(Prisma.sql`outlet = ${filters.outlet}`);
  if (filters.language) filtered.push(Prisma.sql`language = ${filters.language}`);
  if (filters.from) filtered.push(Prisma.sql`"publicationDate" >= ${filters.from}::date`);
  if (filters.to) filtered.push(Prisma.sql`"publicationDate" <= ${filters.to}::date`);
  if (filtered.length > 0) parts.push(Prisma.sql`AND ${articleId} IN (SELECT id FROM "Article" WHERE ${Prisma.join(filtered, " AND ")})`);
  return Prisma.join(parts, " ");
}


/** The claim filters, as conditions on `p` (the passage): a claim overlapping it, of a verdict. */
export function claimConditions(filters: SearchFilters): Prisma.Sql {
  const overlapping = Prisma.sql`SELECT 1 FROM "Claim" c WHERE c."articleId" = p."articleId" AND c."startOffset" < p."endOffset" AND c."endOffset" > p."startOffset"`;
  const parts: Prisma.Sql[] = [];
  if (filters.claims === "with") parts.push(Prisma.sql`AND EXISTS (${overlapping})`);
  if (filters.claims === "without") parts.push(Prisma.sql`AND NOT EXISTS (${overlapping})`);
  if (filters.verdict === "UNRATED") parts.push(Prisma.sql`AND EXISTS (${overlapping} AND c.verdict IS NULL)`);
  else if (filters.verdict) parts.push(Prisma.sql`AND EXISTS (${overlapping} AND c.verdict = ${filters.verdict})`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The claims on a passage (rows aliased `alias` with articleId and offsets), as a JSON array. */
export function claimsOnPassage(alias: Prisma.Sql) {
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('id', c.id, 'restatement', c.restatement, 'verdict', c.verdict, 'state', c.state)
                    ORDER BY c."startOffset", c.id)
      FROM "Claim" c
     WHERE c."articleId" = ${alias}."articleId" AND c."startOffset" < ${alias}."endOffset" AND c."endOffset" > ${alias}."startOffset"
  ), '[]'::json)`;
}


/**
 * "Suggest evidence": the passages of other articles that best match a claim, by the
 * full-text rank of the words of its restatement and quote plus the trigram similarity
 * of each of them to the passage.
 *
 * Candidates are the passages containing any of those words; in a large corpus the
 * commonest words ("Ukraine") would make that most of it, so the candidates come from
 * the rarest words (by the planner's statistics, which ANALYZE keeps) up to about
 * CANDIDATE_ROWS passages, while every word still counts in the rank. Candidates are
 * ranked cheaply first (ts_rank), and only the best RERANKED get the costlier cover
 * density rank and trigram similarities. A copy of the claim's own sentence (the same
 * letters and digits) is never suggested: it is the claim, not evidence for it.
 */
export const SUGGESTIONS = 10;

/**
 * The article and its identical copies (the same text imported again, "Import anyway"): a
 * passage or claim in one of them is the claim's own text, never evidence for it or the same
 * claim made elsewhere.
 */
function copiesOfArticle(articleId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${articleId}::text UNION SELECT a.id FROM "Article" a WHERE a."textKey" = (SELECT "textKey" FROM "Article" WHERE id = ${articleId})`;
}

/** A text's letters and digits, lower-cased, hashed (the database's function; Passage.copyKey): two passages with the same key are copies of one sentence. */
export function copyKeySql(text: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`passage_copy_key(${text})`;
}
const CANDIDATE_ROWS = 10_000;
const CANDIDATE_LIMIT = 3_000;
const RERANKED = 40;

/** The one statement "Suggest evidence" runs for a claim. */
export function suggestEvidenceStatement(
  actor: Viewer,
  claim: { articleId: string; restatement: string; exact: string; config: string },
  options: { candidateRows?: number } = {},
) {
  const candidateRows = options.candidateRows ?? CANDIDATE_ROWS;
  const visible = articleConditions(actor, { outlet: null, language: null, from: null, to: null, claims: null, verdict: null, page: 1 }, Prisma.sql`p."articleId"`);
  // The claim's words stemmed as its article's language: they match the passages indexed in it.
  return Prisma.sql`
    WITH terms AS (
      SELECT lexeme FROM unnest(tsvector_to_array(to_tsvector(${configLiteral(claim.config)}, ${claim.restatement} || ' ' || ${claim.exact}))) AS lexeme
       WHERE lexeme !~ '[''\\\\]'
    ),
    stats AS MATERIALIZED (
      SELECT s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs AS frequencies
        FROM pg_stats s
       WHERE s.schemaname = current_schema() AND s.tablename = 'Passage' AND s.attname = 'searchVector'
    ),
    ordered AS (
      SELECT t.lexeme, row_number() OVER w AS n,
             sum(t.frequency) OVER w * (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = '"Passage"'::regclass) AS rows
        FROM (SELECT lexeme, COALESCE((SELECT frequencies[array_position(lexemes, lexeme)] FROM stats), 0) AS frequency FROM terms) t
      WINDOW w AS (ORDER BY t.frequency, t.lexeme)
    ),
    q AS MATERIALIZED (
      SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS every,
             string_agg(quote_literal(lexeme), ' | ') FILTER (WHERE n = 1 OR rows <= ${candidateRows})::tsquery AS rarest
        FROM ordered
    ),
    candidates AS (
      SELECT p."articleId", p.ordinal, p."startOffset", p."endOffset", p.text, p."searchVector"
        FROM "Passage" p, q
       WHERE p."searchVector" @@ q.rarest AND p."articleId" NOT IN (${copiesOfArticle(claim.articleId)}) ${visible}
       LIMIT ${CANDIDATE_LIMIT}
    ),
    best AS MATERIALIZED (
      SELECT c.* FROM candidates c, q ORDER BY ts_rank(c."searchVector", q.every, 1) DESC, c."articleId", c.ordinal LIMIT ${RERANKED}
    ),
    scored AS (
      SELECT b."articleId", b.ordinal, b."startOffset", b."endOffset", b.text,
             (ts_rank_cd(b."searchVector", q.every, 1) + word_similarity(${claim.restatement}, b.text)
               + word_similarity(${claim.exact}, b.text))::float8 AS score
        FROM best b, q
       WHERE ${copyKeySql(Prisma.sql`b.text`)} NOT IN (${copyKeySql(claim.restatement)}, ${copyKeySql(claim.exact)})
       ORDER BY score DESC, b."articleId", b.ordinal
       LIMIT ${SUGGESTIONS}
    )
    SELECT s."articleId", (SELECT title FROM "Article" WHERE id = s."articleId") AS "articleTitle",
           s.ordinal, s."startOffset", s."endOffset", s.text, s.score
      FROM scored s
     ORDER BY s.score DESC, s."articleId", s.ordinal`;
}

/** How many words of a search PostgreSQL keeps in the configuration that keeps most (0: only stop words in each). */
export function lexemeCountStatement(include: string, configs: string[]): Prisma.Sql {
  return Prisma.sql`SELECT greatest(${Prisma.join(configs.map((config) => Prisma.sql`numnode(websearch_to_tsquery(${configLiteral(config)}, ${include}))`))})::int AS lexemes`;
}

/** Per word, the dictionary's `perWord` words spelt most like it (pg_trgm similarity, through the trigram index). */
export function similarSpellingsStatement(words: string[], perWord: number): Prisma.Sql {
  return Prisma.sql`
    SELECT q.word, array_agg(s.word ORDER BY s.similarity DESC, s.word) AS spellings
      FROM unnest(${words}::text[]) AS q(word)
      JOIN LATERAL (
        SELECT d.word, similarity(d.word, q.word) AS similarity
          FROM "SearchWord" d WHERE d.word % q.word
         ORDER BY similarity DESC, d.word LIMIT ${perWord}
      ) s ON true
     GROUP BY q.word`;
}

/** The claim to suggest evidence for, if the viewer may see it, with the passages already attached to it. */
export function claimToMatchStatement(viewer: Viewer, claimId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c."articleId", c.restatement, c.exact, (SELECT a."searchConfig"::text FROM "Article" a WHERE a.id = c."articleId") AS config,
           COALESCE((SELECT json_agg(json_build_object('sourceArticleId', e."sourceArticleId", 'startOffset', e."startOffset",
                                                       'endOffset', e."endOffset", 'stance', e.stance))
                       FROM "Evidence" e WHERE e."claimId" = c.id AND e."sourceArticleId" IS NOT NULL), '[]'::json) AS evidence
      FROM "Claim" c
     WHERE c.id = ${claimId} ${visibleArticleSql(viewer, Prisma.sql`c."articleId"`)}`;
}

/** pg_trgm's similarity threshold (what `%` matches) for the rest of the transaction. */
export function similarityThresholdStatement(threshold: number): Prisma.Sql {
  return Prisma.sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`;
}

/** Claims in other articles, outside this claim's group, whose restatement or quote is at least `threshold` similar. */
export function sameClaimCandidatesStatement(
  viewer: Viewer,
  claim: { articleId: string; restatement: string; exact: string; groupId: string | null },
  threshold: number,
  limit: number,
): Prisma.Sql {
  const otherGroup = claim.groupId ? Prisma.sql`AND c."groupId" IS DISTINCT FROM ${claim.groupId}` : Prisma.empty;
  return Prisma.sql`
      SELECT c.id, c.restatement, c.exact, c.verdict, c.state, c.rationale, c."articleId", a.title AS "articleTitle",
             c."groupId" IS NOT NULL AS grouped,
             greatest(similarity(c.restatement, ${claim.restatement}), similarity(c.exact, ${claim.exact}))::float8 AS similarity
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
       WHERE (c.restatement % ${claim.restatement} OR c.exact % ${claim.exact})
         AND c."articleId" NOT IN (${copiesOfArticle(claim.articleId)}) ${otherGroup} ${visibleArticleSql(viewer, Prisma.sql`c."articleId"`)}
         AND greatest(similarity(c.restatement, ${claim.restatement}), similarity(c.exact, ${claim.exact})) >= ${threshold}
       ORDER BY similarity DESC, c.id
       LIMIT ${limit}`;
}

/**
 * "Checked before": per passage of the article, the APPROVED claims of other articles (not
 * copies of it) that the viewer may see whose restatement or quote is at least `threshold`
 * similar to the passage (`%` through the claims' trigram indexes, at the transaction's
 * pg_trgm.similarity_threshold); the reading in TypeScript then decides (checked-before.ts).
 */
export function checkedBeforeStatement(viewer: Viewer, articleId: string, threshold: number): Prisma.Sql {
  return Prisma.sql`
      SELECT p."startOffset" AS start, p."endOffset" AS "end", p.text,
             c.id AS "claimId", c.restatement, c.exact, c.verdict, c."articleId", a.title AS "articleTitle"
        FROM "Passage" p
        JOIN "Claim" c ON (c.restatement % p.text OR c.exact % p.text)
        JOIN "Article" a ON a.id = c."articleId"
       WHERE p."articleId" = ${articleId} AND c.state = 'APPROVED'
         AND c."articleId" NOT IN (${copiesOfArticle(articleId)}) ${visibleArticleSql(viewer, Prisma.sql`c."articleId"`)}
         AND greatest(similarity(c.restatement, p.text), similarity(c.exact, p.text)) >= ${threshold}
       ORDER BY p.ordinal, c.id`;
}
