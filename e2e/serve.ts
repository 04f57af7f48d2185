/**
 * Playwright's web server: `npm start` (scripts/start.ts) against a database of its own,
 * a fresh one on the PostgreSQL in TEST_DATABASE_URL/DATABASE_URL (dropped on exit), or,
 * with neither set, the embedded database in a temporary folder. Where it keeps them is
 * written to serverInfoFile() for tests that look behind the pages (the secrets test).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../test/db";
import { serverInfoFile, type ServerInfo } from "./server-info";

async function main() {
  const hasServer = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  const database = hasServer ? await createTestDatabase({ migrate: false }) : null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "verity-e2e-"));
  // One server process, as before multi-process serving: in the last CI run two requests to the
  // app hung (cause not found yet); e2e/two-servers.spec.ts tests several processes.
  const env: NodeJS.ProcessEnv = { ...process.env, VERITY_DATA_DIR: dataDir, VERITY_WORKERS: process.env.VERITY_WORKERS ?? "1" };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  const info: ServerInfo = { dataDir, databaseUrl: database?.url ?? null };
  writeFileSync(serverInfoFile(), JSON.stringify(info));

  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
  const stop = () => app.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", async (code) => {
    await database?.drop().catch((error) => console.error("Dropping the e2e database failed:", error));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(serverInfoFile(), { force: true });
    process.exit(code ?? 0);
  });
}

void main();
