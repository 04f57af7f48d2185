/**
 * Write benchmark (issue #7): marking a claim over HTTP as the reader's "Mark a claim" form
 * does (a POST to /api/claims, the create-claim action's form route), with a signed-in session (validation, authorisation, span
 * check, the claim written with its audit event, the claim returned to the reader),
 * WRITE_BENCH_CLIENTS concurrent clients (16) for WRITE_BENCH_SECONDS (20); then, in the
 * same run, the same SQL sent directly with `pg` by as many clients, as the reference. Each client is its own reviewer marking the sentences of its own
 * generated article (real spans, so the span check passes); any answer but "ok" is an error.
 * Afterwards every claim the app acknowledged must be in the database with its audit event.
 * The app runs with one server process and then with two (VERITY_WORKERS; WRITE_BENCH_WORKERS
 * lists them), one after the other on the same data, and the figures are printed side by side.
 */
import pg from "pg";
import { AppClient } from "@/bench/app-client";
import type { GeneratedClaim } from "@/bench/generate";
import {
  benchDatabase,
  cpuMs,
  createArticles,
  createUsers,
  percentile,
  report,
  runClients,
  startApp,
  type BenchArticle,
  type BenchUser,
  type Figure,
} from "@/bench/support";
import type { Db } from "@/lib/db/client";
import { articleTextStatement, insertClaimStatement } from "@/lib/claims/statements";

const CLIENTS = Number(process.env.WRITE_BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.WRITE_BENCH_SECONDS ?? 20);
const WORDS = 1_500;
/** The app's port, and the next ones for the runs after the first. */
const PORT = Number(process.env.BENCH_PORT ?? 3330);
const EMBEDDED_PORT = Number(process.env.BENCH_DB_PORT ?? 3331);
const TARGET_P95_MS = 100;
const TARGET_SHARE = 25;
const TARGET_CPU_MS = 2;
const WORKERS = (process.env.WRITE_BENCH_WORKERS ?? "1,2").split(",").map(Number);

interface Workload {
  users: BenchUser[];
  /** Per client: its article, whose spans it marks in turn. */
  articles: BenchArticle[];
}

async function fill(db: Db): Promise<Workload> {
  const users = await createUsers(db, "REVIEWER", CLIENTS);
  const articles = await createArticles(db, CLIENTS, WORDS, 700);
  return { users, articles };
}

/** One create-claim write with `pg`: the data layer's own statements (lib/claims/statements.ts), with the values it would send. */
async function referenceCreate(client: pg.Client, user: BenchUser, articleId: string, span: GeneratedClaim, id: string) {
  const reviewer = { role: "REVIEWER" as const };
  const article = articleTextStatement(reviewer, articleId);
  await client.query(article.text, article.values);
  const { startOffset, endOffset, exact, prefix, suffix } = span;
  const claim = insertClaimStatement({
    id,
    articleId,
    authorId: user.id,
    restatement: span.restatement,
    verdict: null,
    rationale: null,
    span: { startOffset, endOffset, exact, prefix, suffix },
  });
  await client.query(claim.text, claim.values);
}

function latencyFigures(name: string, times: number[], targetP95?: number): Figure[] {
  return [50, 95, 99].map((p) => {
    const value = percentile(times, p);
    const target = p === 95 && targetP95 !== undefined;
    return { figure: `${name}, p${p}`, value, unit: "ms", target: target ? `<= ${targetP95} ms` : "", met: target ? value <= targetP95 : null };
  });
}

interface HttpRun {
  workers: number;
  throughput: number;
  times: number[];
  cpuPerClaim: number;
  failures: string[];
}

const workersName = (workers: number) => `${workers} worker${workers === 1 ? "" : "s"}`;

export async function runWriteBench() {
  let workload!: Workload;
  const database = await benchDatabase(async (db) => {
    workload = await fill(db);
  });
  if (database.kind === "embedded") database.appEnv.VERITY_DB_PORT = String(EMBEDDED_PORT);
  const databaseUrl = database.appEnv.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  const next = workload.articles.map(() => 1); // span 0 was the reference check's
  const acknowledged: string[] = [];
  const runs: HttpRun[] = [];
  const references: pg.Client[] = [];
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    for (const [index, workers] of WORKERS.entries()) {
      // A port per run: the client's kept-alive connections to the run before are never reused.
      app = await startApp({ ...database.appEnv, VERITY_WORKERS: String(workers) }, PORT + index);
      console.log(`The app with ${workersName(workers)}: marking claims…`);
      // One sign-in at a time, as the load benchmark signs in.
      const clients: AppClient[] = [];
      for (const user of workload.users) {
        const client = new AppClient(app.url);
        await client.signIn(user.email, user.password);
        clients.push(client);
      }
      const run: HttpRun = { workers, throughput: 0, times: [], cpuPerClaim: 0, failures: [] };
      const create = async (i: number, measure: boolean) => {
        const article = workload.articles[i];
        const span = article.spans[next[i]++ % article.spans.length];
        const fields = { articleId: article.id, start: span.startOffset, end: span.endOffset, exact: span.exact, restatement: span.restatement, verdict: "", rationale: "" };
        const { ms, value } = await clients[i].form("/api/claims", fields);
        const id = (value.state?.data as { claim?: { id: string } } | undefined)?.claim?.id;
        if (value.state?.status === "ok" && id) acknowledged.push(id);
        else run.failures.push(value.error ?? value.state?.message ?? "no answer");
        if (measure) run.times.push(ms);
      };
      // Warm-up: every client's first calls (each worker's first requests, connections), not measured.
      for (let round = 0; round < 3 * workers; round++) await Promise.all(clients.map((_, i) => create(i, false)));
      const cpuBefore = cpuMs(app.pid);
      const seconds = await runClients(CLIENTS, SECONDS, (i) => create(i, true));
      run.cpuPerClaim = (cpuMs(app.pid) - cpuBefore) / run.times.length;
      run.throughput = run.times.length / seconds;
      runs.push(run);
      if (run.failures.length > 0) {
        console.log(`Errors with ${workersName(workers)} (${run.failures.length}), the first: ${[...new Set(run.failures)].slice(0, 3).join(" | ")}`);
        console.log(`The app printed:\n${app.output().split("Press Ctrl-C to stop.")[1]?.slice(0, 6000)}`);
      }
      if (workers !== WORKERS.at(-1)) {
        await app.stop();
        app = undefined;
      }
    }

    // The reference: the same SQL with `pg`, one connection per client (the embedded database is in the last app's process).
    for (let i = 0; i < CLIENTS; i++) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      references.push(client);
    }
    const sqlTimes: number[] = [];
    let sqlCount = 0;
    const referenceStep = async (i: number, measure: boolean) => {
      const article = workload.articles[i];
      const span = article.spans[next[i]++ % article.spans.length];
      const started = performance.now();
      await referenceCreate(references[i], workload.users[i], article.id, span, `bench-ref-${i}-${sqlCount++}`);
      if (measure) sqlTimes.push(performance.now() - started);
    };
    for (let round = 0; round < 3; round++) await Promise.all(references.map((_, i) => referenceStep(i, false)));
    const sqlCpuBefore = cpuMs(app!.pid);
    const sqlSeconds = await runClients(CLIENTS, SECONDS, (i) => referenceStep(i, true));
    const sqlCpu = cpuMs(app!.pid) - sqlCpuBefore;

    // Every claim the app acknowledged is there, with its audit event.
    const found = await references[0].query<{ claims: number; audited: number }>(
      `SELECT count(c.id)::int AS claims, count(a.id)::int AS audited
         FROM unnest($1::text[]) AS ack(id)
         LEFT JOIN "Claim" c ON c.id = ack.id
         LEFT JOIN "AuditEvent" a ON a."entityType" = 'Claim' AND a."entityId" = ack.id AND a.action = 'claim.create'`,
      [acknowledged],
    );
    const missing = acknowledged.length - found.rows[0].claims;
    const unaudited = acknowledged.length - found.rows[0].audited;
    const sqlThroughput = sqlTimes.length / sqlSeconds;
    const share = (run: HttpRun) => (run.throughput / sqlThroughput) * 100;

    const runFigures = (run: HttpRun): Figure[] => {
      const name = `create claim over HTTP, ${workersName(run.workers)}`;
      const errors = run.failures.length;
      return [
        { figure: `${name}: throughput`, value: run.throughput, unit: "claims/s", target: "", met: null },
        ...latencyFigures(name, run.times, TARGET_P95_MS),
        { figure: `${name}: app's CPU time per claim (all its processes)`, value: run.cpuPerClaim, unit: "ms", target: `<= ${TARGET_CPU_MS} ms`, met: run.cpuPerClaim <= TARGET_CPU_MS },
        { figure: `${name}: errors (any answer but ok)`, value: errors, unit: "", target: "0", met: errors === 0 },
        { figure: `${name}: throughput / pg throughput`, value: share(run), unit: "%", target: `>= ${TARGET_SHARE} %`, met: share(run) >= TARGET_SHARE },
      ];
    };
    const side = (figure: string, value: (run: HttpRun) => number) => [figure, ...runs.map(value)];
    report(
      "write",
      {
        database: database.kind,
        clients: CLIENTS,
        seconds: SECONDS,
        articles: `${CLIENTS} of about ${WORDS.toLocaleString("en")} words, one per client`,
        acknowledged: acknowledged.length,
      },
      [
        ...runs.flatMap(runFigures),
        { figure: "acknowledged claims missing or without audit event", value: missing + unaudited, unit: "", target: "0", met: missing + unaudited === 0 },
        { figure: "same SQL with pg: throughput", value: sqlThroughput, unit: "claims/s", target: "", met: null },
        ...latencyFigures("same SQL with pg", sqlTimes),
        ...(database.kind === "embedded"
          ? [{ figure: "same SQL with pg: app's CPU time per claim (the embedded database)", value: sqlCpu / sqlTimes.length, unit: "ms", target: "", met: null }]
          : []),
      ],
      {
        columns: ["create claim over HTTP", ...runs.map((run) => workersName(run.workers))],
        rows: [
          side("throughput, claims/s", (run) => run.throughput),
          side("p50, ms", (run) => percentile(run.times, 50)),
          side("p95, ms", (run) => percentile(run.times, 95)),
          side("app's CPU time per claim (all workers), ms", (run) => run.cpuPerClaim),
          side("throughput / pg throughput, %", share),
          side("errors", (run) => run.failures.length),
        ],
      },
    );
  } catch (error) {
    if (app) console.log(`The app printed:\n${app.output().split("Press Ctrl-C to stop.")[1]?.slice(0, 6000)}`);
    throw error;
  } finally {
    await Promise.all(references.map((client) => client.end().catch(() => undefined)));
    await app?.stop();
    await database.drop();
  }
}
