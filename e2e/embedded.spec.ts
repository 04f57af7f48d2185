/**
 * `npm start` with nothing configured: the embedded PostgreSQL in VERITY_DATA_DIR,
 * seeded on first start, stopped cleanly by Ctrl-C (SIGINT), and its data kept for
 * the next start. Runs its own server on port 3101, next to Playwright's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { SEED_TITLES, expectHeader, expectSeedArticles, signIn, type Account } from "./fixtures";

const PORT = 3101;
const APP_URL = `http://localhost:${PORT}`;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

test.describe.configure({ mode: "serial" });
// Two cold starts of the app and its database, and two shutdowns.
const TEST_TIMEOUT_MS = 240_000;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
let dataDir = "";

test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "verity-embedded-e2e-"));
});

test.afterAll(() => {
  // Anything still running after a failure: stop its whole process group (the app and its next server).
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function envForEmbedded(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), NEXTAUTH_URL: APP_URL, VERITY_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.VERITY_DB_PORT;
  return env;
}

/** `node --import tsx scripts/start.ts`, in a process group of its own (as a terminal would run it). */
async function start(): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: envForEmbedded(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (!output.includes("Verity is running at")) {
    if (exitedEarly) throw new Error(`Verity exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Verity was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The banner is one write; give the rest of it a moment to arrive.
  await expect.poll(() => /Press Ctrl-C to stop/.test(output)).toBe(true);
  return { child, output: () => output, exited };
}

/** Ctrl-C: SIGINT to the process group; it must exit with 0 and release the database. */
async function stop(running: Running) {
  process.kill(-running.child.pid!, "SIGINT");
  const result = await Promise.race([
    running.exited,
    new Promise<"timeout">((r) => setTimeout(() => r("timeout"), STOP_TIMEOUT_MS)),
  ]);
  expect(result, `exit after SIGINT; output:\n${running.output()}`).toEqual({ code: 0, signal: null });
  expect(running.output()).toContain("Stopping Verity");
  expect(existsSync(path.join(dataDir, "pglite.lock")), "pglite.lock removed").toBe(false);
}

/** The editor account as the banner prints it. */
function editorFromBanner(output: string): Account {
  const line = output.split("\n").find((l) => /^\s+EDITOR\s/.test(l));
  const match = line?.match(/^\s+EDITOR\s+(\S+@\S+)\s+password: (\S+)\s*$/);
  if (!match) throw new Error(`No editor account in the banner:\n${output}`);
  return { name: "Elena Editor", email: match[1], password: match[2], role: "EDITOR" };
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: APP_URL });
  return { context, page: await context.newPage() };
}

const OUTLET = `Embedded Gazette ${Date.now().toString(36)}`;

test("a first start seeds the embedded database, Ctrl-C stops it cleanly", async ({ browser }) => {
  test.setTimeout(TEST_TIMEOUT_MS);
  const running = await start();
  const out = running.output();
  expect(out).toContain("Embedded PostgreSQL ready");
  expect(out).toContain(`Verity is running at ${APP_URL}`);
  expect(out).toContain(`Seeded 4 demo users and ${SEED_TITLES.length} sample articles.`);
  expect(existsSync(path.join(dataDir, "pglite.lock")), "pglite.lock while running").toBe(true);

  const editor = editorFromBanner(out);
  const { context, page } = await newPage(browser);
  await signIn(page, editor.email, editor.password);
  await expect(page).toHaveURL(`${APP_URL}/articles`);
  await expectHeader(page, editor);
  await expectSeedArticles(page);

  // Change something, to find it again after the restart.
  await page.getByRole("link", { name: SEED_TITLES[1], exact: true }).click();
  await page.getByText("Edit details").click();
  const tools = page.getByRole("form", { name: "Article details" });
  await tools.getByLabel("Outlet").fill(OUTLET);
  await tools.getByRole("button", { name: "Save details" }).click();
  await expect(tools.locator(".form-message--ok")).toHaveText("Details saved.");
  await context.close();

  await stop(running);
});

test("a second start on the same data keeps the data and the accounts", async ({ browser }) => {
  test.setTimeout(TEST_TIMEOUT_MS);
  const running = await start();
  const out = running.output();
  expect(out).toContain(`Verity is running at ${APP_URL}`);
  expect(out).not.toContain("Seeded");

  const editor = editorFromBanner(out);
  const { context, page } = await newPage(browser);
  await signIn(page, editor.email, editor.password);
  await expectSeedArticles(page);
  const row = page.getByTestId("article-row").filter({ has: page.getByRole("link", { name: SEED_TITLES[1], exact: true }) });
  await expect(row.locator(".article-row__meta")).toContainText(OUTLET);

  // Live updates on the embedded database (LISTEN/NOTIFY through the wire server): a change made
  // in one browser reaches the same article open in another, without a reload.
  await row.getByRole("link", { name: SEED_TITLES[1], exact: true }).click();
  const watching = await newPage(browser);
  await signIn(watching.page, editor.email, editor.password);
  await watching.page.goto(page.url());
  await expect(watching.page.locator(".article__meta")).toContainText(OUTLET);
  const changed = `${OUTLET} (live)`;
  await page.getByText("Edit details").click();
  const tools = page.getByRole("form", { name: "Article details" });
  await tools.getByLabel("Outlet").fill(changed);
  await tools.getByRole("button", { name: "Save details" }).click();
  await expect(tools.locator(".form-message--ok")).toHaveText("Details saved.");
  await expect(watching.page.locator(".article__meta")).toContainText(changed, { timeout: 5_000 });
  await watching.context.close();
  await context.close();

  await stop(running);
});
