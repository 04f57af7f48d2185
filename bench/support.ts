/** Shared pieces of the benchmarks: a database of their own, the app, a browser, the report. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import Module from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { createTestDatabase } from "@/test/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { disconnectPrisma, prisma, type Db } from "@/lib/db/client";
import { seed, DEMO_USERS } from "@/lib/seed/seed";
import { CHROMIUM_PATH, chromiumArgs } from "@/e2e/browser";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexPassages } from "@/lib/search/index-passages";
import { generateArticle, generateClaims, type GeneratedClaim } from "@/bench/generate";

export { startApp } from "@/bench/app-process";

export interface BenchDatabase {
  kind: "postgresql" | "embedded";
  /** Environment for `npm start` on this database (undefined: remove the variable). */
  appEnv: Record<string, string | undefined>;
  drop(): Promise<void>;
}

/**
 * A fresh, seeded database filled by `fill`: on the PostgreSQL server `server` (by default
 * TEST_DATABASE_URL or DATABASE_URL), or with none an embedded one in a temporary folder.
 */
export async function benchDatabase(
  fill: (db: Db) => Promise<void>,
  server: string | null = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? null,
): Promise<BenchDatabase> {
  // The process's Prisma client reads DATABASE_URL: point it at the new database while filling, then put it back.
  const previous = process.env.DATABASE_URL;
  const seedAndFill = async (url: string, drop: () => Promise<void>) => {
    process.env.DATABASE_URL = url;
    try {
      await seed(prisma);
      await fill(prisma);
    } catch (error) {
      await drop();
      throw error;
    } finally {
      await disconnectPrisma();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  };
  if (server) {
    const database = await createTestDatabase({ server });
    await seedAndFill(database.url, database.drop);
    return { kind: "postgresql", appEnv: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "verity-bench-"));
  const drop = async () => rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
  await migrate(embedded.url);
  await seedAndFill(embedded.url, async () => {
    await embedded.stop();
    await drop();
  });
  await embedded.stop();
  return {
    kind: "embedded",
    appEnv: { VERITY_DATA_DIR: dataDir, DATABASE_URL: undefined, TEST_DATABASE_URL: undefined },
    drop,
  };
}

export interface BenchUser {
  id: string;
  email: string;
  password: string;
  role: "REVIEWER" | "EDITOR";
}

/** `count` users of a role, made by the data layer (lib/users) as an administrator makes them. */
export async function createUsers(db: Db, role: BenchUser["role"], count: number): Promise<BenchUser[]> {
  allowServerOnly();
  const { createUser } = await import("@/lib/users/data");
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, name: true, email: true, role: true } });
  const users: BenchUser[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `bench-${role.toLowerCase()}-${i}@verity.test`;
    const password = `bench-password-${i}`;
    const { id } = await createUser(admin, { name: `Bench ${role === "EDITOR" ? "Editor" : "Reviewer"} ${i}`, email, role, password });
    users.push({ id, email, password, role });
  }
  return users;
}

/**
 * The reader benchmarks' generated article (seed 1) with `claims` generated claims (seed 2) by
 * the demo reviewers in turn; returns its id. `titleSuffix` tells copies of the text apart.
 */
export async function createClaimedArticle(db: Db, words: number, claims: number, titleSuffix = ""): Promise<string> {
  const { title, doc, text } = generateArticle(words, 1);
  const data = { title: `${title}${titleSuffix}`, outlet: "Benchmark", body: doc as unknown as Prisma.InputJsonValue, canonicalText: text, sourceFormat: "TEXT" as const };
  const articleId = (await db.article.create({ data, select: { id: true } })).id;
  const reviewers = await db.user.findMany({ where: { role: "REVIEWER" }, select: { id: true } });
  const rows = generateClaims(text, claims, 2).map((claim, i) => {
    const authorId = reviewers[i % reviewers.length].id;
    return { ...claim, articleId, authorId, verdictProposedById: claim.verdict ? authorId : null };
  });
  await db.claim.createMany({ data: rows });
  return articleId;
}

/**
 * The export and public page benchmarks' article: the reader benchmark's generated text
 * (seed 1) with `claims` generated claims (seed 2), every one approved, each with an
 * external source and every fifth with a passage too; the article published. Returns its id.
 */
export async function createPublishedArticle(db: Db, words: number, claims: number): Promise<string> {
  const { title, doc, text } = generateArticle(words, 1);
  const editor = await db.user.findFirstOrThrow({ where: { role: "EDITOR" }, select: { id: true } });
  const reviewers = await db.user.findMany({ where: { role: "REVIEWER" }, select: { id: true } });
  const articleId = (
    await db.article.create({
      data: {
        title,
        outlet: "Benchmark Gazette",
        url: "https://gazette.example/benchmark",
        publicationDate: new Date("2025-03-09T00:00:00Z"),
        body: doc as unknown as Prisma.InputJsonValue,
        canonicalText: text,
        sourceFormat: "TEXT",
        publishedAt: new Date(),
        publishedById: editor.id,
      },
    })
  ).id;
  const generated = generateClaims(text, claims, 2);
  const approvedAt = new Date();
  const rows = await db.claim.createManyAndReturn({
    data: generated.map((claim, i) => {
      const authorId = reviewers[i % reviewers.length].id;
      return {
        ...claim,
        articleId,
        authorId,
        state: "APPROVED" as const,
        verdict: claim.verdict ?? "MIXED",
        verdictProposedById: authorId,
        rationale: `Checked against the public record: ${claim.restatement.slice(0, 120)}`,
        approvedAt,
        approvedById: editor.id,
      };
    }),
    select: { id: true },
  });
  await db.evidence.createMany({
    data: rows.flatMap(({ id }, i) => {
      const source = generated[(i * 7 + 3) % generated.length];
      const external = {
        claimId: id,
        stance: "CONTRADICTS" as const,
        url: `https://sources.example/record/${i}`,
        title: `Public record ${i}`,
        excerpt: "The figures in the record differ from those the article gives.",
        accessedAt: new Date("2025-03-10T00:00:00Z"),
        addedById: editor.id,
      };
      if (i % 5 !== 0) return [external];
      const passage = {
        claimId: id,
        stance: "CONTEXT" as const,
        sourceArticleId: articleId,
        startOffset: source.startOffset,
        endOffset: source.endOffset,
        exact: source.exact,
        prefix: source.prefix,
        suffix: source.suffix,
        anchorStatus: "ANCHORED" as const,
        addedById: editor.id,
      };
      return [external, passage];
    }),
  });
  return articleId;
}

export interface BenchArticle {
  id: string;
  /** Sentence spans of the article, with the quote and context the server computes (to mark claims on). */
  spans: GeneratedClaim[];
}

/** `count` generated articles of about `words` words, indexed for search as an import indexes them. */
export async function createArticles(db: Db, count: number, words: number, seed: number): Promise<BenchArticle[]> {
  const articles: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const { title, doc, text } = generateArticle(words, seed + i);
    const data = { title, outlet: "Benchmark Wire", body: doc as unknown as Prisma.InputJsonValue, canonicalText: text, sourceFormat: "TEXT" as const };
    const id = await db.$transaction(async (tx) => {
      const article = await tx.article.create({ data, select: { id: true } });
      await indexPassages(tx, article.id, text);
      return article.id;
    });
    articles.push({ id, spans: generateClaims(text, 120, seed + 100 + i) });
  }
  return articles;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...chromiumArgs, "--enable-precise-memory-info"] });
}

export async function signIn(page: Page, baseUrl: string, role: "REVIEWER" | "EDITOR" | "ADMIN" = "REVIEWER") {
  const account = DEMO_USERS.find((user) => user.role === role)!;
  await page.goto(`${baseUrl}/login`);
  await page.fill("#email", account.email);
  await page.fill("#password", account.password);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/articles$/);
}

/**
 * Lets a benchmark run the data layer in its own Node process: the data layer is marked
 * server-only (it throws outside React Server Components). The app serves React's
 * production build, so the same one is measured here (React reads NODE_ENV when loaded).
 */
export function allowServerOnly() {
  const require = Module.createRequire(__filename);
  const path = require.resolve("server-only");
  require.cache[path] = { id: path, filename: path, loaded: true, exports: {} } as NodeJS.Module;
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= "production";
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The median time of `runs` runs, and the last run's value. */
export async function medianOfRuns<T>(runs: number, run: () => Promise<T> | T) {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) ({ ms: times[i], value } = await timed(run));
  return { ms: median(times), value };
}

/** A process and all its descendants (Linux /proc); processes that have ended are left out. */
export function processTree(pid: number): number[] {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      return listed ? listed.split(" ").map(Number) : [];
    });
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [];
  }
}

/**
 * CPU time (user + system, ms) used so far by a process and its descendants (Linux /proc):
 * the app's cost per request, whatever else the machine is running.
 */
export function cpuMs(pid: number): number {
  let total = 0;
  for (const each of processTree(pid)) {
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks, counted after the command name's closing parenthesis.
      const fields = readFileSync(`/proc/${each}/stat`, "utf8").split(") ")[1].split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // The process has ended.
    }
  }
  return total;
}


/**
 * `count` clients, each running `step` again and again (a closed loop) until `seconds`
 * have passed; returns the seconds it took, up to the end of the last step.
 */
/**
 * The numbers of server processes (VERITY_WORKERS) the HTTP benchmarks compare side by side
 * in one run: BENCH_WORKERS ("1,2"), by default one and then one per core (at least 2). The
 * last is the one a target that says "using all cores" applies to.
 */
export function benchWorkerCounts(): number[] {
  return (process.env.BENCH_WORKERS ?? `1,${Math.max(2, os.availableParallelism())}`).split(",").map(Number);
}

export async function runClients(count: number, seconds: number, step: (client: number) => Promise<void>) {
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: count }, async (_, client) => {
      while (performance.now() < until) await step(client);
    }),
  );
  return (performance.now() - started) / 1000;
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (nearest rank). */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  target: string;
  met: boolean | null;
}

/** A second table under the figures (one row per kind of request, say), printed and written as it is. */
export interface Details {
  columns: string[];
  rows: Array<Array<string | number>>;
}

/** Prints the table (and the details) and writes bench/results/<name>.json. */
export function report(name: string, context: Record<string, unknown>, figures: Figure[], details?: Details) {
  const rows = figures.map((f) => [f.figure, `${round(f.value)} ${f.unit}`, f.target, f.met === null ? "-" : f.met ? "met" : "MISSED"]);
  const header = { ...context, "load average": os.loadavg().map((l) => l.toFixed(2)).join(" ") };
  console.log(`\n${name} (${Object.entries(header).map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  printTable(["figure", "value", "target", "result"], rows);
  if (details) {
    console.log("");
    printTable(details.columns, details.rows.map((row) => row.map((cell) => (typeof cell === "number" ? String(round(cell)) : cell))));
  }
  mkdirSync(path.join(process.cwd(), "bench", "results"), { recursive: true });
  const file = path.join(process.cwd(), "bench", "results", `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), ...context, figures, details }, null, 2) + "\n");
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
}

function printTable(columns: string[], rows: string[][]) {
  const widths = columns.map((_, i) => Math.max(...[columns, ...rows].map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(columns));
  for (const row of rows) console.log(line(row));
}

function round(value: number) {
  return value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

function machine() {
  return {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: os.loadavg(),
  };
}
