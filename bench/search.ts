/**
 * Search benchmark: a corpus of SEARCH_BENCH_ARTICLES generated articles (default 5,000,
 * about 45 passages each, so about 220,000 passages) with a few claims; then, through the
 * app over HTTP with a signed-in session, full-text searches (the JSON of /search) and
 * suggested evidence, each against the same SQL run directly with `pg` as the reference.
 * p50 and p95 over every run of every query.
 */
import { Client } from "pg";
import { generateArticle } from "@/bench/generate";
import { signedInAs } from "@/bench/app-client";
import { benchDatabase, percentile, report, startApp, timed } from "@/bench/support";
import { describeSpan } from "@/lib/anchoring";
import { DEMO_USERS } from "@/lib/seed/seed";
import { splitPassages } from "@/lib/search/passages";
import { normaliseQuery } from "@/lib/search/query";
import { phrasePairsStatement, queryTsquery, searchConfigsStatement, searchStatements, suggestEvidenceStatement } from "@/lib/search/statements";
import type { SearchFilters } from "@/lib/search/types";

const ARTICLES = Number(process.env.SEARCH_BENCH_ARTICLES ?? 5_000);
const WORDS = Number(process.env.SEARCH_BENCH_WORDS ?? 1_000);
const ROUNDS = Number(process.env.SEARCH_BENCH_ROUNDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3220);
const EMBEDDED_PORT = Number(process.env.BENCH_DB_PORT ?? 5499);
const BATCH = 100;

/** What fact-checkers type: names, phrases, OR, exclusions, filters, a second page. */
const SEARCHES: Array<{ q: string; filters?: Partial<SearchFilters> }> = [
  { q: "Hegseth" },
  { q: '"pre-2014 borders"' },
  { q: "NATO membership" },
  { q: "Bessent OR Rubio" },
  { q: '"security guarantees" -NATO' },
  { q: "minerals deal" },
  { q: "Putin Trump phone call" },
  { q: '"International Criminal Court"' },
  { q: "Ukraine" },
  { q: "concessions before negotiations", filters: { outlet: "Corpus Post" } },
  { q: "Zelenskyy", filters: { from: "2025-03-01", to: "2025-06-30" } },
  { q: "tens of billions", filters: { page: 2 } },
];

/** Restated claims of the seed articles; each is placed on a generated article that quotes its sentence. */
const CLAIMS: Array<{ restatement: string; sentence: string }> = [
  { restatement: "Hegseth called a return to Ukraine's pre-2014 borders unrealistic", sentence: "pre-2014 borders is" },
  { restatement: "Russia occupies about 20% of Ukraine's territory", sentence: "roughly 20% of Ukraine" },
  { restatement: "Bessent visited Kyiv to discuss a minerals deal", sentence: "Bessent visited Kyiv" },
  { restatement: "Hegseth ruled out NATO membership for Ukraine", sentence: "NATO membership for Ukraine is not a realistic outcome" },
  { restatement: "The US and Europe gave Ukraine tens of billions of dollars in military aid", sentence: "tens of billions of dollars" },
  { restatement: "Putin faces an International Criminal Court arrest warrant", sentence: "arrest warrant" },
  { restatement: "Hegseth said US troops would not be deployed to Ukraine", sentence: "ruled out the deployment of U.S. troops" },
  { restatement: "Trump took office on January 20", sentence: "took office on January 20" },
];

async function buildCorpus(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const user = async (email: string) => (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id;
    const [editorId, reviewerId] = [await user("editor@verity.test"), await user("reviewer@verity.test")];
    const outlets = ["Benchmark Times", "The Daily Bench", "Corpus Post", "Generated Herald"];
    let passages = 0;
    const claimSources: Array<{ id: string; text: string }> = [];
    for (let first = 0; first < ARTICLES; first += BATCH) {
      const a = { id: [] as string[], title: [] as string[], outlet: [] as string[], day: [] as string[], body: [] as string[], text: [] as string[] };
      const p = { articleId: [] as string[], ordinal: [] as number[], start: [] as number[], end: [] as number[], text: [] as string[] };
      for (let i = first; i < Math.min(ARTICLES, first + BATCH); i++) {
        const { title, doc, text } = generateArticle(WORDS, 1_000 + i);
        const id = `bench-search-${String(i).padStart(5, "0")}`;
        a.id.push(id);
        a.title.push(title.replace("Benchmark article", `Benchmark article ${i + 1}`));
        a.outlet.push(outlets[i % outlets.length]);
        a.day.push(new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10));
        a.body.push(JSON.stringify(doc));
        a.text.push(text);
        if (claimSources.length < 200) claimSources.push({ id, text });
        // The same passages the import makes; the database computes their vectors.
        for (const passage of splitPassages(text)) {
          p.articleId.push(id);
          p.ordinal.push(passage.ordinal);
          p.start.push(passage.start);
          p.end.push(passage.end);
          p.text.push(passage.text);
        }
      }
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Article" (id, title, outlet, "publicationDate", body, "canonicalText", "sourceFormat", "importedById", "updatedAt")
         SELECT id, title, outlet, day::date, body::jsonb, text, 'TEXT', $7, now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS a(id, title, outlet, day, body, text)`,
        [a.id, a.title, a.outlet, a.day, a.body, a.text, editorId],
      );
      await client.query(
        `INSERT INTO "Passage" ("articleId", ordinal, "startOffset", "endOffset", text) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[])`,
        [p.articleId, p.ordinal, p.start, p.end, p.text],
      );
      await client.query("COMMIT");
      passages += p.articleId.length;
      if ((first / BATCH) % 10 === 9) console.log(`  ${(first + BATCH).toLocaleString("en")} articles, ${passages.toLocaleString("en")} passages`);
    }
    const claimIds: string[] = [];
    for (const [n, claim] of CLAIMS.entries()) {
      const source = claimSources.find((s) => s.text.includes(claim.sentence));
      if (!source) continue;
      const sentence = splitPassages(source.text).find((s) => s.text.includes(claim.sentence))!;
      const { quote } = describeSpan(source.text, sentence.start, sentence.end);
      const id = `bench-claim-${n}`;
      await client.query(
        `INSERT INTO "Claim" (id, "articleId", "authorId", restatement, "startOffset", "endOffset", exact, prefix, suffix, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
        [id, source.id, reviewerId, claim.restatement, sentence.start, sentence.end, quote.exact, quote.prefix, quote.suffix],
      );
      claimIds.push(id);
    }
    // What autovacuum would do after such a load: the statistics "Suggest evidence" reads.
    await client.query(`VACUUM ANALYZE "Article", "Passage", "Claim"`);
    return { passages, claimIds, buildSeconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** Milliseconds `run` takes. */
const elapsed = async (run: () => Promise<unknown>): Promise<number> => (await timed(run)).ms;

function searchParams(search: (typeof SEARCHES)[number]) {
  const params = new URLSearchParams({ q: search.q });
  for (const [key, value] of Object.entries(search.filters ?? {})) params.set(key, String(value));
  return params;
}

export async function runSearchBench() {
  let corpus: Awaited<ReturnType<typeof buildCorpus>> | undefined;
  console.log(`Building the corpus: ${ARTICLES.toLocaleString("en")} articles of about ${WORDS.toLocaleString("en")} words…`);
  const database = await benchDatabase(async () => {
    corpus = await buildCorpus(process.env.DATABASE_URL!);
  });
  // On the embedded database the app's process owns the database; it listens on this port for the reference client too.
  if (database.kind === "embedded") database.appEnv.VERITY_DB_PORT = String(EMBEDDED_PORT);
  const built = corpus!;
  console.log(`  ${built.passages.toLocaleString("en")} passages and ${built.claimIds.length} claims in ${built.buildSeconds.toFixed(0)} s`);

  const app = await startApp(database.appEnv, PORT);
  // The reference: the data layer's own statements, run with `pg` on the app's database.
  const reference = new Client({ connectionString: database.appEnv.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres` });
  try {
    const cookie = (await signedInAs(app.url)).cookieHeader;
    const get = async (path: string) => {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    await reference.connect();
    const reviewer = DEMO_USERS.find((u) => u.role === "REVIEWER")!;
    const actor = { ...(await reference.query(`SELECT id, name, email, role FROM "User" WHERE email = $1`, [reviewer.email])).rows[0] };

    const times = {
      searchHttp: [] as number[],
      searchSql: [] as number[],
      suggestHttp: [] as number[],
      suggestSql: [] as number[],
      pageHttp: [] as number[],
      baselineHttp: [] as number[],
    };
    const matched: Record<string, number> = {};
    // One warm-up round (caches, connections, the app's first compilation of each route), then ROUNDS measured.
    for (let round = 0; round <= ROUNDS; round++) {
      const measure = round > 0;
      for (const search of SEARCHES) {
        const params = searchParams(search);
        const filters: SearchFilters = { outlet: null, language: null, from: null, to: null, claims: null, verdict: null, page: 1, ...search.filters };
        const query = normaliseQuery(search.q);
        if (query.kind !== "query") throw new Error(`Not a query: ${search.q}`);
        const configsStatement = searchConfigsStatement(actor, filters);
        const configs = (await reference.query<{ config: string }>(configsStatement.text, configsStatement.values as unknown[])).rows.map((row) => row.config);
        const pairsStatement = phrasePairsStatement(configs, query.phrases);
        const pairs = query.phrases.length === 0 ? undefined
          : new Map((await reference.query<{ config: string; pairs: string[] }>(pairsStatement.text, pairsStatement.values as unknown[])).rows.map((row) => [row.config, row.pairs]));
        const statements = searchStatements(actor, queryTsquery(query), configs, filters, filters.page, pairs);
        const http = await elapsed(async () => {
          const result = await get(`/search/api/passages?${params}`);
          matched[search.q] = result.total;
        });
        const sql = await elapsed(async () => {
          await reference.query(statements.statement.text, statements.statement.values as unknown[]);
        });
        const page = round % 5 === 1 ? await elapsed(() => fetch(`${app.url}/search?${params}`, { headers: { cookie } }).then((r) => r.text())) : null;
        if (!measure) continue;
        times.searchHttp.push(http);
        times.searchSql.push(sql);
        if (page !== null) times.pageHttp.push(page);
      }
      // The fixed cost of a signed-in request: the session, the user's row, one lookup (a claim that is not there), a JSON answer.
      const baseline = await elapsed(() => fetch(`${app.url}/search/api/evidence?claim=no-such-claim`, { headers: { cookie } }).then((r) => r.text()));
      if (measure) times.baselineHttp.push(baseline);
      for (const claimId of built.claimIds) {
        const claim = (await reference.query(`SELECT "articleId", restatement, exact, (SELECT "searchConfig"::text FROM "Article" WHERE id = "articleId") AS config FROM "Claim" WHERE id = $1`, [claimId])).rows[0];
        const statement = suggestEvidenceStatement(actor, claim);
        const http = await elapsed(() => get(`/search/api/evidence?claim=${claimId}`));
        const sql = await elapsed(() => reference.query(statement.text, statement.values as unknown[]));
        if (!measure) continue;
        times.suggestHttp.push(http);
        times.suggestSql.push(sql);
      }
    }

    const figure = (name: string, values: number[], p: number, target?: number) => {
      const value = percentile(values, p);
      return { figure: `${name}, p${p}`, value, unit: "ms", target: target ? `<= ${target} ms` : "", met: target ? value <= target : null };
    };
    const overhead = (http: number[], sql: number[]) => {
      const value = ((percentile(http, 50) - percentile(sql, 50)) / percentile(sql, 50)) * 100;
      return value;
    };
    const searchOverhead = overhead(times.searchHttp, times.searchSql);
    const suggestOverhead = overhead(times.suggestHttp, times.suggestSql);
    report(
      "search",
      {
        database: database.kind,
        articles: ARTICLES,
        passages: built.passages,
        claims: built.claimIds.length,
        wordsPerArticle: WORDS,
        buildSeconds: Math.round(built.buildSeconds),
        rounds: ROUNDS,
        searches: SEARCHES.map((s) => `${s.q}${s.filters ? ` ${JSON.stringify(s.filters)}` : ""} (${matched[s.q]} matched)`).join("; "),
      },
      [
        figure("search over HTTP (JSON)", times.searchHttp, 50),
        figure("search over HTTP (JSON)", times.searchHttp, 95, 50),
        figure("search, same SQL with pg", times.searchSql, 50),
        figure("search, same SQL with pg", times.searchSql, 95),
        { figure: "search: HTTP overhead over SQL (p50)", value: searchOverhead, unit: "%", target: "<= 30 %", met: searchOverhead <= 30 },
        figure("search results page (HTML)", times.pageHttp, 50),
        figure("search results page (HTML)", times.pageHttp, 95),
        figure("suggest evidence over HTTP", times.suggestHttp, 50),
        figure("suggest evidence over HTTP", times.suggestHttp, 95, 100),
        figure("suggest evidence, same SQL with pg", times.suggestSql, 50),
        figure("suggest evidence, same SQL with pg", times.suggestSql, 95),
        { figure: "suggest evidence: HTTP overhead over SQL (p50)", value: suggestOverhead, unit: "%", target: "<= 30 %", met: suggestOverhead <= 30 },
        figure("signed-in request answering 404 (the fixed cost of HTTP)", times.baselineHttp, 50),
      ],
    );
  } finally {
    await reference.end().catch(() => undefined);
    await app.stop();
    await database.drop();
  }
}
