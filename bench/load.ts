/**
 * Load benchmark (issue #8): 50 simulated users (35 reviewers, 15 editors), each signed in
 * with a session of their own, for LOAD_BENCH_SECONDS (60) against PostgreSQL, each
 * choosing its next request at random after a short pause. Reads: the article list, the
 * reader page, the claim API, the review queue, the search API. Writes, all Server Actions
 * over HTTP: marking claims, editing claims (editors edit a few shared "hot" claims with the
 * version they last read, so some edits meet a ConflictError: expected, and counted),
 * comments, submitting ready claims and approving submitted ones.
 *
 * Afterwards, from the database: every write the server acknowledged is there; every
 * claim's audit events carry consecutive versions ending at its version (no lost update);
 * the audit events of each kind written during the run are as many as the acknowledged
 * writes of that kind. Any 5xx answer fails the run. It runs once with one server process
 * and once with one per core (BENCH_WORKERS, bench/support.ts), side by side in its report.
 *
 * It needs a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL): the point is the real
 * database's concurrency. The workload and its checks are also the faults benchmark's.
 */
import pg from "pg";
import { actionIds, AppClient, type ActionReply } from "@/bench/app-client";
import { seededRandom as random } from "@/lib/seeded-random";
import {
  allowServerOnly,
  benchDatabase,
  benchWorkerCounts,
  createArticles,
  createUsers,
  percentile,
  report,
  startApp,
  type BenchArticle,
  type BenchUser,
  type Details,
  type Figure,
} from "@/bench/support";
import type { Db } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 60);
const REVIEWERS = 35;
const EDITORS = 15;
const ARTICLES = 10;
const HOT_CLAIMS = 6;
const READY_PER_REVIEWER = 3;
/** A simulated user's pause between requests: uniform in [0, THINK_MS). */
const THINK_MS = Number(process.env.LOAD_BENCH_THINK_MS ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3340);
const SEARCHES = ["Hegseth", "NATO membership", "minerals deal", "Ukraine", '"security guarantees"', "Zelenskyy OR Putin"];

export type Kind =
  | "article list"
  | "reader page"
  | "claim API"
  | "queue"
  | "search API"
  | "create claim"
  | "update claim"
  | "comment"
  | "submit"
  | "approve";
export const KINDS: Kind[] = ["article list", "reader page", "claim API", "queue", "search API", "create claim", "update claim", "comment", "submit", "approve"];

/** The audit action each kind of write records. */
const AUDIT_ACTION: Partial<Record<Kind, string>> = {
  "create claim": "claim.create",
  "update claim": "claim.update",
  comment: "comment.add",
  submit: "claim.submit",
  approve: "claim.approve",
};

// Actions that move a claim to a new version (all but claim.create and comment.add).
const VERSIONED_ACTIONS = ["claim.update", "claim.submit", "claim.approve", "claim.request_changes", "claim.reopen", "evidence.add", "evidence.remove"];

export interface LoadClaim {
  id: string;
  articleId: string;
  version: number;
}

export interface LoadWorkload {
  reviewers: Array<BenchUser & { article: BenchArticle; ready: LoadClaim[] }>;
  editors: BenchUser[];
  articles: BenchArticle[];
  hot: LoadClaim[];
}

/** One request: when, how long, what came back. */
export interface Outcome {
  kind: Kind;
  user: string;
  /** performance.now() when it was sent. */
  started: number;
  ms: number;
  status: number;
  result: "ok" | "conflict" | "error";
  /** For errors: the message the user saw (the database-unavailable message if the page said it, else the start of the body). */
  message?: string;
}

/** A write the server acknowledged, as the client saw it. */
export interface Ack {
  kind: Kind;
  claimId: string;
  /** The claim's version after the write (versioned writes). */
  version?: number;
  /** The new record's id (claims, comments). */
  id?: string;
}

export interface LoadRun {
  outcomes: Outcome[];
  acks: Ack[];
  seconds: number;
}

/** Articles, users, hot claims, and for every reviewer claims ready to submit; all made by the data layer. */
export async function fillLoad(db: Db, size = { reviewers: REVIEWERS, editors: EDITORS }): Promise<LoadWorkload> {
  allowServerOnly();
  const { createClaim, addEvidence } = await import("@/lib/claims/data");
  const articles = await createArticles(db, ARTICLES, 1_200, 500);
  const reviewerUsers = await createUsers(db, "REVIEWER", size.reviewers);
  const editors = await createUsers(db, "EDITOR", size.editors);
  const actor = async (user: BenchUser) => db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, name: true, email: true, role: true } });
  const mark = async (user: BenchUser, article: BenchArticle, n: number, ready: boolean): Promise<LoadClaim> => {
    const span = article.spans[n % article.spans.length];
    const claim = { articleId: article.id, start: span.startOffset, end: span.endOffset, exact: span.exact, restatement: span.restatement };
    const rationale = ready ? "Checked against the official record." : null;
    const { id } = await createClaim(await actor(user), { ...claim, verdict: ready ? "MISLEADING" : null, rationale });
    if (!ready) return { id, articleId: article.id, version: 1 };
    const evidence = { kind: "EXTERNAL" as const, claimId: id, version: 1, stance: "CONTRADICTS" as const, url: "https://records.example/1", title: "The record", excerpt: null, accessedAt: "2025-03-01" };
    const { version } = await addEvidence(await actor(user), evidence);
    return { id, articleId: article.id, version };
  };
  const reviewers: LoadWorkload["reviewers"] = [];
  for (const [i, user] of reviewerUsers.entries()) {
    const article = articles[i % articles.length];
    const ready: LoadClaim[] = [];
    for (let n = 0; n < READY_PER_REVIEWER; n++) ready.push(await mark(user, article, 60 + i * READY_PER_REVIEWER + n, true));
    reviewers.push({ ...user, article, ready });
  }
  const hot: LoadClaim[] = [];
  for (let n = 0; n < HOT_CLAIMS; n++) hot.push(await mark(reviewerUsers[n], articles[n % articles.length], n, false));
  return { reviewers, editors, articles, hot };
}

/** Signs every simulated user in, each with a client (and session) of its own. */
export async function signInAll(appUrl: string, workload: LoadWorkload) {
  const users = [...workload.reviewers, ...workload.editors];
  const clients = new Map<string, AppClient>();
  for (const user of users) {
    const client = new AppClient(appUrl);
    await client.signIn(user.email, user.password);
    clients.set(user.id, client);
  }
  return clients;
}

/** The version a write made, from its answer: an answer without one cannot be checked against the audit trail, so it fails the request. */
function versionOf(data: Record<string, unknown>): number {
  if (typeof data.version !== "number") throw new Error(`The answer carries no version: ${JSON.stringify(data).slice(0, 120)}`);
  return data.version;
}

function outcomeOf(reply: ActionReply): { result: Outcome["result"]; message?: string } {
  if (reply.state?.status === "ok") return { result: "ok" };
  if (reply.state?.current !== undefined) return { result: "conflict" };
  return { result: "error", message: reply.error ?? reply.state?.message };
}

/**
 * Runs the simulated users for `seconds` (or until `stopped()` says so) and returns every
 * request's outcome and every acknowledged write. Requests that fail at the network level
 * (the app down) are recorded with status 0.
 */
export async function driveLoad(clients: Map<string, AppClient>, workload: LoadWorkload, seconds: number, stopped = () => false): Promise<LoadRun> {
  const ids = actionIds();
  const action = {
    create: ids["lib/claims/actions.ts#createClaimAction"],
    update: ids["lib/claims/actions.ts#updateClaimAction"],
    comment: ids["lib/claims/actions.ts#addCommentAction"],
    transition: ids["lib/workflow/actions.ts#transitionClaimAction"],
  };
  const outcomes: Outcome[] = [];
  const acks: Ack[] = [];
  const submitted: LoadClaim[] = []; // submitted claims, for editors to approve
  const started = performance.now();
  const until = started + seconds * 1000;
  const going = () => performance.now() < until && !stopped();

  const record = async (kind: Kind, user: string, run: () => Promise<{ status: number; ms: number; result: Outcome["result"]; message?: string }>) => {
    const at = performance.now();
    try {
      const outcome = await run();
      outcomes.push({ kind, user, started: at, ...outcome });
      return outcome.result;
    } catch (error) {
      outcomes.push({ kind, user, started: at, ms: performance.now() - at, status: 0, result: "error", message: String(error) });
      return "error" as const;
    }
  };
  const read = (kind: Kind, user: string, client: AppClient, path: string, onBody?: (body: string) => void) =>
    record(kind, user, async () => {
      const { status, ms, value } = await client.get(path);
      // A page that says the database is unavailable is an error, whatever its status.
      if (value.includes(DATABASE_UNAVAILABLE_MESSAGE)) return { status, ms, result: "error", message: DATABASE_UNAVAILABLE_MESSAGE };
      if (status !== 200) {
        // Next's bare error shell: say whether its payload names the database-unavailable digest (which the browser's error page reads).
        const digest = value.includes(DATABASE_UNAVAILABLE_DIGEST) ? ` [payload names ${DATABASE_UNAVAILABLE_DIGEST}]` : "";
        return { status, ms, result: "error", message: `${value.slice(0, 120)}${digest}` };
      }
      onBody?.(value);
      return { status, ms, result: "ok" };
    });
  const write = (kind: Kind, user: string, client: AppClient, page: string, id: string, fields: Record<string, string | number>, onOk: (data: Record<string, unknown>) => void, onConflict?: (current: { version: number }) => void) =>
    record(kind, user, async () => {
      const { status, ms, value } = await client.action(page, id, fields);
      const outcome = outcomeOf(value);
      if (outcome.result === "ok") onOk((value.state!.data ?? {}) as Record<string, unknown>);
      if (outcome.result === "conflict") onConflict?.(value.state!.current as { version: number });
      return { status, ms, ...outcome };
    });

  const simulate = async (user: BenchUser, editor: boolean, n: number) => {
    const client = clients.get(user.id)!;
    const next = random(9_000 + n);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const lastRead = new Map<string, number>(); // claim id -> the version this user last saw
    const reviewer = editor ? undefined : workload.reviewers.find((r) => r.id === user.id)!;
    const own: LoadClaim[] = []; // claims this reviewer marked during the run
    const ready = reviewer ? [...reviewer.ready] : [];
    let edits = 0;
    const readClaim = (claim: LoadClaim) =>
      read("claim API", user.id, client, `/api/claims/${claim.id}`, (body) => lastRead.set(claim.id, (JSON.parse(body) as { version: number }).version));
    const edit = async (claim: LoadClaim) => {
      if (!lastRead.has(claim.id)) await readClaim(claim);
      const version = lastRead.get(claim.id) ?? claim.version;
      const fields = { claimId: claim.id, version, restatement: `${user.email} edit ${++edits}`, verdict: "", rationale: "" };
      await write("update claim", user.id, client, `/articles/${claim.articleId}`, action.update, fields, (data) => {
        lastRead.set(claim.id, versionOf(data));
        acks.push({ kind: "update claim", claimId: claim.id, version: versionOf(data) });
      }, (current) => lastRead.set(claim.id, current.version));
    };
    const comment = (claim: LoadClaim) =>
      write("comment", user.id, client, `/articles/${claim.articleId}`, action.comment, { claimId: claim.id, body: `A note from ${user.email}` }, (data) =>
        acks.push({ kind: "comment", claimId: claim.id, id: data.id as string }),
      );

    while (going()) {
      await new Promise((resolve) => setTimeout(resolve, next() * THINK_MS));
      if (!going()) break;
      const roll = next();
      if (editor) {
        if (roll < 0.15) await read("queue", user.id, client, "/queue");
        else if (roll < 0.25) await read("reader page", user.id, client, `/articles/${pick(workload.articles).id}`);
        else if (roll < 0.35) await read("article list", user.id, client, "/articles");
        else if (roll < 0.45) await read("search API", user.id, client, `/search/api/passages?q=${encodeURIComponent(pick(SEARCHES))}`);
        else if (roll < 0.55) await readClaim(pick(workload.hot));
        else if (roll < 0.8) await edit(pick(workload.hot));
        else if (roll < 0.88) await comment(pick(workload.hot));
        else {
          const claim = submitted.shift();
          if (!claim) continue;
          await write("approve", user.id, client, "/queue", action.transition, { claimId: claim.id, version: claim.version, action: "approve" }, (data) =>
            acks.push({ kind: "approve", claimId: claim.id, version: versionOf(data) }),
          );
        }
      } else {
        const article = reviewer!.article;
        if (roll < 0.15) await read("article list", user.id, client, "/articles");
        else if (roll < 0.35) await read("reader page", user.id, client, `/articles/${article.id}`);
        else if (roll < 0.5) await readClaim(own.length > 0 && next() < 0.5 ? pick(own) : pick(workload.hot));
        else if (roll < 0.6) await read("search API", user.id, client, `/search/api/passages?q=${encodeURIComponent(pick(SEARCHES))}`);
        else if (roll < 0.75) {
          const span = pick(article.spans);
          const fields = { articleId: article.id, start: span.startOffset, end: span.endOffset, exact: span.exact, restatement: span.restatement, verdict: "", rationale: "" };
          await write("create claim", user.id, client, `/articles/${article.id}`, action.create, fields, (data) => {
            const { id } = data.claim as { id: string }; // the new claim, as the reader lists it
            own.push({ id, articleId: article.id, version: 1 });
            lastRead.set(id, 1);
            acks.push({ kind: "create claim", claimId: id, id });
          });
        } else if (roll < 0.85) {
          if (own.length > 0) await edit(pick(own));
        } else if (roll < 0.93) await comment(own.length > 0 && next() < 0.5 ? pick(own) : pick(workload.hot));
        else {
          const claim = ready.shift();
          if (!claim) continue;
          await write("submit", user.id, client, `/articles/${claim.articleId}`, action.transition, { claimId: claim.id, version: claim.version, action: "submit" }, (data) => {
            acks.push({ kind: "submit", claimId: claim.id, version: versionOf(data) });
            submitted.push({ ...claim, version: versionOf(data) });
          });
        }
      }
    }
  };

  await Promise.all([...workload.reviewers.map((u, i) => simulate(u, false, i)), ...workload.editors.map((u, i) => simulate(u, true, 100 + i))]);
  return { outcomes, acks, seconds: (performance.now() - started) / 1000 };
}

export interface LoadCheck {
  /** Acknowledged writes not found in the database. */
  missing: number;
  /** Claims or comments without their audit event, and audit events of creations whose record is not there. */
  halfWritten: number;
  /** Claims whose versioned audit events are not exactly 2..version (a lost or unrecorded update). */
  brokenChains: number;
  /** Sum over audit kinds of |events written during the run - acknowledged writes|. */
  auditMismatch: number;
  /** Audit event kinds written during the run and acknowledged writes, side by side. */
  perKind: Record<string, { events: number; acknowledged: number }>;
  examples: string[];
}

/** The id of the newest audit event: the run's events are those after it. */
export async function auditMark(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM "AuditEvent"`)).rows[0].id;
  } finally {
    await client.end();
  }
}

/** Checks the database against what the clients were told (see the file's comment). */
export async function checkLoad(databaseUrl: string, run: LoadRun, mark: string): Promise<LoadCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const examples: string[] = [];
    let missing = 0;
    const problem = (text: string) => {
      if (examples.length < 5) examples.push(text);
    };
    const isMissing = (text: string) => {
      missing++;
      problem(text);
    };
    const created = run.acks.filter((a) => a.kind === "create claim").map((a) => a.id!);
    const foundClaims = new Set((await client.query<{ id: string }>(`SELECT id FROM "Claim" WHERE id = ANY($1)`, [created])).rows.map((r) => r.id));
    const comments = run.acks.filter((a) => a.kind === "comment").map((a) => a.id!);
    const foundComments = new Set((await client.query<{ id: string }>(`SELECT id FROM "Comment" WHERE id = ANY($1)`, [comments])).rows.map((r) => r.id));
    for (const id of created.filter((id) => !foundClaims.has(id))) isMissing(`claim ${id} acknowledged but not there`);
    for (const id of comments.filter((id) => !foundComments.has(id))) isMissing(`comment ${id} acknowledged but not there`);

    // Versioned audit events of every claim, against the claims' versions.
    const events = await client.query<{ claim: string; version: number | null; current: number | null; action: string }>(
      `SELECT c.id AS claim, (a.after->>'version')::int AS version, c.version AS current, a.action
         FROM "Claim" c LEFT JOIN "AuditEvent" a ON a."entityType" = 'Claim' AND a."entityId" = c.id AND a.action = ANY($1)`,
      [VERSIONED_ACTIONS],
    );
    const chains = new Map<string, { current: number; versions: Array<{ version: number; action: string }> }>();
    for (const row of events.rows) {
      const chain = chains.get(row.claim) ?? { current: row.current!, versions: [] };
      if (row.version !== null) chain.versions.push({ version: row.version, action: row.action });
      chains.set(row.claim, chain);
    }
    let brokenChains = 0;
    const acknowledgedVersions = new Set<string>();
    for (const [claim, chain] of chains) {
      const versions = chain.versions.map((v) => v.version).sort((a, b) => a - b);
      const expected = Array.from({ length: chain.current - 1 }, (_, i) => i + 2);
      if (JSON.stringify(versions) !== JSON.stringify(expected)) {
        brokenChains++;
        problem(`claim ${claim} at version ${chain.current} has audited versions [${versions.join(", ")}]`);
      }
      for (const v of chain.versions) acknowledgedVersions.add(`${claim}@${v.version}:${v.action}`);
    }
    for (const ack of run.acks.filter((a) => a.version !== undefined)) {
      if (!acknowledgedVersions.has(`${ack.claimId}@${ack.version}:${AUDIT_ACTION[ack.kind]}`)) {
        isMissing(`${ack.kind} of ${ack.claimId} to version ${ack.version} acknowledged but not audited`);
      }
    }

    // Each creation and its audit event, both or neither (nothing is deleted in these runs).
    const halves = await client.query<{ what: string; id: string }>(
      `SELECT 'claim without claim.create' AS what, c.id FROM "Claim" c
        WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.action = 'claim.create' AND a."entityId" = c.id)
       UNION ALL
       SELECT 'claim.create without claim', a."entityId" FROM "AuditEvent" a
        WHERE a.action = 'claim.create' AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c.id = a."entityId")
       UNION ALL
       SELECT 'comment without comment.add', m.id FROM "Comment" m
        WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.action = 'comment.add' AND a.after->>'commentId' = m.id)
       UNION ALL
       SELECT 'comment.add without comment', a.after->>'commentId' FROM "AuditEvent" a
        WHERE a.action = 'comment.add' AND NOT EXISTS (SELECT 1 FROM "Comment" m WHERE m.id = a.after->>'commentId')`,
    );
    for (const { what, id } of halves.rows) problem(`${what}: ${id}`);

    // The run's audit events per kind, against the acknowledged writes per kind.
    const written = await client.query<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM "AuditEvent" WHERE id > $1 GROUP BY action`, [mark]);
    const perKind: LoadCheck["perKind"] = {};
    for (const { action, n } of written.rows) perKind[action] = { events: n, acknowledged: 0 };
    for (const ack of run.acks) {
      const action = AUDIT_ACTION[ack.kind]!;
      perKind[action] ??= { events: 0, acknowledged: 0 };
      perKind[action].acknowledged++;
    }
    let auditMismatch = 0;
    for (const [action, counts] of Object.entries(perKind)) {
      if (counts.events === counts.acknowledged) continue;
      auditMismatch += Math.abs(counts.events - counts.acknowledged);
      problem(`${action}: ${counts.events} audit events, ${counts.acknowledged} acknowledged writes`);
    }
    return { missing, halfWritten: halves.rows.length, brokenChains, auditMismatch, perKind, examples };
  } finally {
    await client.end();
  }
}

/** Per kind of request: count, latencies, outcomes. */
export function kindDetails(outcomes: Outcome[]): Details {
  return {
    columns: ["request", "count", "p50 ms", "p95 ms", "p99 ms", "ok", "conflict", "error"],
    rows: KINDS.map((kind) => {
      const of = outcomes.filter((o) => o.kind === kind);
      const ms = of.map((o) => o.ms);
      const count = (result: Outcome["result"]) => of.filter((o) => o.result === result).length;
      return [kind, of.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), count("ok"), count("conflict"), count("error")];
    }),
  };
}

/**
 * The consistency figures (all must be 0). When the app or the database failed under
 * writes, a write may have committed without its answer reaching the user: then the audit
 * events may outnumber the acknowledged writes, and that count is shown, not judged.
 */
export function checkFigures(check: LoadCheck, answersLost = false): Figure[] {
  const extra = { figure: "audit events without an acknowledged write, or the reverse", value: check.auditMismatch, unit: "" };
  return [
    { figure: "acknowledged writes missing from the database", value: check.missing, unit: "", target: "0", met: check.missing === 0 },
    { figure: "half-written creations (record without audit event or the reverse)", value: check.halfWritten, unit: "", target: "0", met: check.halfWritten === 0 },
    { figure: "claims whose audited versions are not 2..version (lost updates)", value: check.brokenChains, unit: "", target: "0", met: check.brokenChains === 0 },
    answersLost
      ? { ...extra, figure: "writes that committed but whose answer was lost (audit events beyond acknowledged writes)", target: "", met: null }
      : { ...extra, target: "0", met: check.auditMismatch === 0 },
  ];
}

export async function runLoadBench() {
  if (!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)) {
    throw new Error(
      "The load benchmark needs a PostgreSQL server: set TEST_DATABASE_URL (or DATABASE_URL), e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- load",
    );
  }
  const workerCounts = benchWorkerCounts();
  const figures: Figure[] = [];
  const details: Details = { columns: ["workers", ...kindDetails([]).columns], rows: [] };
  const auditByKind: string[] = [];
  let kind = "";
  // 1 and then N server processes, one after the other, each on a database of its own with
  // the same users and articles (the first run submits the claims that were ready).
  for (const workers of workerCounts) {
    let workload!: LoadWorkload;
    const database = await benchDatabase(async (db) => {
      workload = await fillLoad(db);
    });
    kind = database.kind;
    const databaseUrl = database.appEnv.DATABASE_URL!;
    const app = await startApp({ ...database.appEnv, VERITY_WORKERS: String(workers) }, PORT).catch(async (error) => {
      await database.drop();
      throw error;
    });
    try {
      const clients = await signInAll(app.url, workload);
      const mark = await auditMark(databaseUrl);
      const run = await driveLoad(clients, workload, SECONDS);
      const check = await checkLoad(databaseUrl, run, mark);
      const count = (test: (o: Outcome) => boolean) => run.outcomes.filter(test).length;
      const serverErrors = count((o) => o.status >= 500);
      const errors = count((o) => o.result === "error");
      const writes = count((o) => AUDIT_ACTION[o.kind] !== undefined);
      const examples = [...new Set(run.outcomes.filter((o) => o.result === "error").map((o) => `${o.kind} ${o.status}: ${o.message}`))].slice(0, 5);
      if (examples.length > 0) console.log(`Errors with ${workers} worker(s), the first kinds:\n  ${examples.join("\n  ")}`);
      if (check.examples.length > 0) console.log(`Consistency problems with ${workers} worker(s), the first:\n  ${check.examples.join("\n  ")}`);
      const name = `${workers} worker${workers === 1 ? "" : "s"}`;
      auditByKind.push(`${name}: ${Object.entries(check.perKind).map(([k, v]) => `${k} ${v.events}/${v.acknowledged}`).join(", ")}`);
      figures.push(
        { figure: `${name}: throughput, all requests`, value: run.outcomes.length / run.seconds, unit: "req/s", target: "", met: null },
        { figure: `${name}: throughput, writes`, value: writes / run.seconds, unit: "req/s", target: "", met: null },
        { figure: `${name}: requests, all p95`, value: percentile(run.outcomes.map((o) => o.ms), 95), unit: "ms", target: "", met: null },
        { figure: `${name}: conflicting edits (ConflictError, expected)`, value: count((o) => o.result === "conflict"), unit: "", target: "", met: null },
        { figure: `${name}: errors (neither ok nor a conflict)`, value: errors, unit: "", target: "0", met: errors === 0 },
        { figure: `${name}: 5xx answers`, value: serverErrors, unit: "", target: "0", met: serverErrors === 0 },
        ...checkFigures(check).map((figure) => ({ ...figure, figure: `${name}: ${figure.figure}` })),
      );
      details.rows.push(...kindDetails(run.outcomes).rows.map((row) => [workers, ...row]));
    } finally {
      await app.stop();
      await database.drop();
    }
  }
  report(
    "load",
    {
      database: kind,
      users: `${REVIEWERS} reviewers and ${EDITORS} editors`,
      seconds: SECONDS,
      workers: workerCounts.join(" then "),
      "pause between requests": `0-${THINK_MS} ms`,
      "audit events by kind (events/acknowledged)": auditByKind.join("; "),
    },
    figures,
    details,
  );
}
