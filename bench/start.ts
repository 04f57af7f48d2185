/**
 * Start-up benchmark: `npm start` (scripts/start.ts) on a built app with the embedded
 * database, from the command to the first page served: on a new data folder (migrations
 * and seed data included), then again on the same data, median of 3. Then 1,000 requests
 * of a signed-in reviewer (the pages and JSON routes of a working session, 4 at a time)
 * and the resident memory of the web server (the Next.js process) before and after; the
 * start process, which holds the embedded database, is reported beside it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser, median, percentile, processTree, report, signIn, startApp, timed } from "@/bench/support";

const PORT = Number(process.env.BENCH_PORT ?? 3230);
const RESTARTS = 3;
const REQUESTS = 1_000;
const CONCURRENCY = 4;
const START_TARGET_MS = 10_000;
const RSS_TARGET_MB = 400;

/** The embedded database only: no server URL reaches the app. */
const EMBEDDED_ENV = { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined };

export async function runStartBench() {
  if (os.platform() !== "linux") throw new Error("The start benchmark reads memory from /proc: it runs on Linux only.");
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("No build yet: building once (not timed)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("The build failed.");
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "verity-bench-start-"));
  const env = { ...EMBEDDED_ENV, VERITY_DATA_DIR: dataDir };
  try {
    const fresh = await timeToFirstPage(env);
    await fresh.app.stop();
    const restarts: number[] = [];
    let app: Awaited<ReturnType<typeof timeToFirstPage>>["app"] | undefined;
    for (let i = 0; i < RESTARTS; i++) {
      const started = await timeToFirstPage(env);
      restarts.push(started.ms);
      if (i < RESTARTS - 1) await started.app.stop();
      else app = started.app;
    }
    try {
      const before = memoryOf(app!.pid);
      const session = await requests(app!.url);
      const after = memoryOf(app!.pid);
      const restart = median(restarts);
      report("start", { database: "embedded", requests: REQUESTS, concurrency: CONCURRENCY, paths: session.paths.join(" ") }, [
        { figure: "npm start, new data folder (migrate, seed), to the first page served", value: fresh.ms, unit: "ms", target: `<= ${START_TARGET_MS} ms`, met: fresh.ms <= START_TARGET_MS },
        { figure: `npm start on the same data, to the first page served, median of ${RESTARTS}`, value: restart, unit: "ms", target: `<= ${START_TARGET_MS} ms`, met: restart <= START_TARGET_MS },
        { figure: "RSS of the Next.js server after start", value: before.webServer, unit: "MB", target: "", met: null },
        { figure: `RSS of the Next.js server after ${REQUESTS} requests`, value: after.webServer, unit: "MB", target: `<= ${RSS_TARGET_MB} MB`, met: after.webServer <= RSS_TARGET_MB },
        { figure: `RSS of the start process with the embedded database after ${REQUESTS} requests`, value: after.startProcess, unit: "MB", target: "", met: null },
        { figure: `RSS of both processes after ${REQUESTS} requests`, value: after.total, unit: "MB", target: "", met: null },
        { figure: `signed-in request, p50 (${REQUESTS} requests, ${CONCURRENCY} at a time)`, value: percentile(session.times, 50), unit: "ms", target: "", met: null },
        { figure: "signed-in request, p95", value: percentile(session.times, 95), unit: "ms", target: "", met: null },
      ]);
    } finally {
      await app!.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the app and waits until the login page is served; the time from the command to then. */
async function timeToFirstPage(env: Record<string, string | undefined>) {
  const { ms, value: app } = await timed(async () => {
    const app = await startApp(env, PORT);
    for (;;) {
      const response = await fetch(`${app.url}/login`).catch(() => null);
      if (response?.ok) {
        await response.text();
        return app;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return { ms, app };
}

/** A working session's requests, REQUESTS in all, CONCURRENCY at a time; each one's time. */
async function requests(baseUrl: string) {
  const browser = await launchBrowser();
  let cookie = "";
  try {
    const context = await browser.newContext();
    await signIn(await context.newPage(), baseUrl);
    cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
  const get = (pathname: string) => fetch(`${baseUrl}${pathname}`, { headers: { cookie } });
  const list = await (await get("/articles")).text();
  const articles = [...new Set([...list.matchAll(/href="\/articles\/([a-z0-9]+)"/g)].map((m) => m[1]))];
  if (articles.length === 0) throw new Error("The article list shows no articles.");
  const paths = ["/articles", "/home", "/queue", "/search?q=Hegseth", "/search/api/passages?q=Ukraine+NATO", ...articles.map((id) => `/articles/${id}`)];
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const pathname = paths[next++ % paths.length];
      const { ms, value: status } = await timed(async () => {
        const response = await get(pathname);
        await response.arrayBuffer();
        return response.status;
      });
      if (status !== 200) throw new Error(`${pathname} answered ${status}`);
      times.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { times, paths };
}

/**
 * Resident memory in MB: of the start process (which holds the embedded database) and of
 * the web server (everything it started: the Next.js server).
 */
function memoryOf(startPid: number) {
  const [start, ...server] = processTree(startPid).map((pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
  const webServer = server.reduce((sum, mb) => sum + mb, 0);
  return { startProcess: start, webServer, total: start + webServer };
}
