/**
 * Public page benchmark (issue 19): the published 20,000-word article with 1,000 approved
 * claims with evidence (createPublishedArticle), its public page /p/<id> fetched over HTTP
 * from the built app, anonymous, one request at a time. Cold: the app with its page cache
 * off (VERITY_PUBLIC_PAGE_CACHE_MB=0), so every request renders; warm: the cache on;
 * conditional: the same with the ETag in If-None-Match (304); after a change: a claim's
 * rationale edited in the database (as the data layer writes it: a new version and
 * updatedAt) before each request, which must then show the new rationale. Needs PostgreSQL
 * (TEST_DATABASE_URL): the benchmark edits the database the app is serving.
 */
import pg from "pg";
import { benchDatabase, createPublishedArticle, percentile, report, startApp, timed, type Figure } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const REQUESTS = 50;
const CHANGES = 20;
const TARGET_MS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3212);

interface Answer {
  status: number;
  body: string;
  etag: string | null;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; value: Answer }> {
  return timed(async () => {
    const response = await fetch(url, { headers });
    return { status: response.status, body: await response.text(), etag: response.headers.get("etag") };
  });
}

/** `count` timed GETs after one that warms the route up (not counted); each answer must have the status wanted. */
async function timeGets(url: string, count: number, status: number, headers: Record<string, string> = {}) {
  await get(url, headers);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const { ms, value } = await get(url, headers);
    if (value.status !== status) throw new Error(`${url} answered ${value.status}, not ${status}`);
    times.push(ms);
  }
  return times;
}

export async function runPublicPageBench() {
  if (!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)) {
    throw new Error("The public page benchmark edits the database the app serves: set TEST_DATABASE_URL to a PostgreSQL server.");
  }
  let articleId = "";
  const database = await benchDatabase(async (prisma) => {
    articleId = await createPublishedArticle(prisma, WORDS, CLAIMS);
  });
  const figures: Figure[] = [];
  const addPercentiles = (what: string, times: number[], target: boolean) => {
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    figures.push({ figure: `${what}, p50 of ${times.length}`, value: p50, unit: "ms", target: "", met: null });
    figures.push({ figure: `${what}, p95 of ${times.length}`, value: p95, unit: "ms", target: target ? `<= ${TARGET_MS} ms` : "", met: target ? p95 <= TARGET_MS : null });
    return p95;
  };
  const path = `/p/${articleId}`;
  const db = new pg.Client({ connectionString: database.appEnv.DATABASE_URL });
  await db.connect();
  try {
    // The planner's statistics of the new rows, as autovacuum would gather them a minute later.
    await db.query("ANALYZE");
    const cold = await startApp({ ...database.appEnv, VERITY_PUBLIC_PAGE_CACHE_MB: "0" }, PORT);
    let coldP95: number;
    try {
      coldP95 = addPercentiles("cold: GET public page, cache off", await timeGets(`${cold.url}${path}`, REQUESTS, 200), false);
    } finally {
      await cold.stop();
    }

    const app = await startApp(database.appEnv, PORT);
    try {
      const url = `${app.url}${path}`;
      const first = await get(url);
      figures.push({ figure: "public page size", value: Buffer.byteLength(first.value.body) / 1024, unit: "KiB", target: "", met: null });
      const warmP95 = addPercentiles("warm: GET public page, cached", await timeGets(url, REQUESTS, 200), true);
      figures.push({ figure: "cold p95 / warm p95", value: coldP95 / warmP95, unit: "x", target: "", met: null });
      const etag = first.value.etag;
      if (!etag) throw new Error("The public page has no ETag.");
      addPercentiles("conditional: GET with If-None-Match (304)", await timeGets(url, REQUESTS, 304, { "If-None-Match": etag }), false);

      const { rows: claims } = await db.query<{ id: string }>(`SELECT id FROM "Claim" WHERE "articleId" = $1 ORDER BY id LIMIT $2`, [articleId, CHANGES]);
      const afterChange: number[] = [];
      let stale = 0;
      for (const [i, claim] of claims.entries()) {
        const rationale = `Rechecked (change ${i + 1}) against the public record.`;
        await db.query(`UPDATE "Claim" SET rationale = $1, version = version + 1, "updatedAt" = now() WHERE id = $2`, [rationale, claim.id]);
        const { ms, value } = await get(url);
        if (value.status !== 200) throw new Error(`${path} answered ${value.status} after a change`);
        if (!value.body.includes(rationale)) stale++;
        afterChange.push(ms);
      }
      addPercentiles("after a change: first GET after a claim is edited", afterChange, false);
      figures.push({ figure: "stale pages after a change", value: stale, unit: "", target: "0", met: stale === 0 });
    } finally {
      await app.stop();
    }
  } finally {
    await db.end();
    await database.drop();
  }
  report("public-page", { database: database.kind, words: WORDS, claims: CLAIMS }, figures);
}
