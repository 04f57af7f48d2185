/**
 * `npm start`: opens the database (embedded unless DATABASE_URL is set), applies
 * pending migrations, seeds an empty database, builds the app if there is no build or
 * the code changed since npm start built it,
 * and serves the production build. Ctrl-C stops the server and closes the database.
 */
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/open";
import { migrate } from "@/lib/db/migrate";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { authSecret } from "@/lib/auth/secret";
import { DEMO_USERS, seed } from "@/lib/seed/seed";
import { initialiseOrganisation } from "@/lib/organisation/store";
import { indexMissingPassages } from "@/lib/search/index-passages";
import { buildNeeded, recordBuild } from "./build-fingerprint";

const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(process.cwd(), "scripts", "next-server.mjs");

async function main() {
  const startedAt = Date.now();
  const database = await openDatabase(); // throws if another Verity holds the embedded database
  console.log(database.embedded ? `Embedded PostgreSQL ready (data in ${path.relative(process.cwd(), process.env.VERITY_DATA_DIR ?? ".data")}).` : "Using the PostgreSQL server in DATABASE_URL.");

  let stopRequested = false;
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    await database.close().catch((error) => console.error("Closing the database failed:", error));
    process.exit(code);
  };

  try {
    await migrate(database.url, { log: (line) => console.log(line) });
    process.env.DATABASE_URL = database.url;
    if (await initialiseOrganisation(prisma, process.env)) console.log("Set up the organisation from the environment (change it on /admin/organisation).");
    if ((await prisma.user.count()) === 0) {
      const created = await seed(prisma);
      console.log(`Seeded ${created.users} demo users and ${created.articles} sample articles.`);
    }
    // Articles imported before search existed get their passages once.
    const indexed = await indexMissingPassages(prisma);
    if (indexed > 0) console.log(`Indexed the passages of ${indexed} articles for search.`);
    await disconnectPrisma();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }

  const env = {
    ...process.env,
    VERITY_WORKERS: String(serverProcesses(database.embedded)),
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const buildReason = buildNeeded(process.cwd());
  if (buildReason) {
    console.log(buildReason);
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) return shutdown(build.status ?? 1);
    recordBuild(process.cwd());
  }

  // Not `next start`: this server tells the app the address each request comes from.
  const server = spawn(process.execPath, [serverScript], { stdio: ["ignore", "pipe", "inherit"], env: { ...env, NODE_ENV: "production", PORT: String(port) } });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (text.includes("Ready")) printWelcome(Date.now() - startedAt);
  });
  server.on("exit", (code, signal) => {
    if (!stopRequested) console.error(`The web server stopped (${signal ?? `exit code ${code}`}).`);
    void shutdown(stopRequested ? 0 : (code ?? 1));
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopRequested) return;
      stopRequested = true;
      console.log("\nStopping Verity…");
      server.kill("SIGTERM");
    });
  }
}

/**
 * How many server processes to run (scripts/next-server.mjs): VERITY_WORKERS when set;
 * otherwise one per core on a PostgreSQL server, and one on the embedded database, where
 * every query takes its turn on one PGlite session and more processes would only wait.
 */
function serverProcesses(embedded: boolean) {
  const given = Number.parseInt(process.env.VERITY_WORKERS ?? "", 10);
  if (given > 0) return given;
  return embedded ? 1 : os.availableParallelism();
}

function printWelcome(elapsedMs: number) {
  const accounts = DEMO_USERS.map((u) => `    ${u.role.padEnd(9)} ${u.email.padEnd(24)} password: ${u.password}`).join("\n");
  console.log(
    `\nVerity is running at ${appUrl}  (started in ${(elapsedMs / 1000).toFixed(1)} s)\n\n  Demo accounts:\n${accounts}\n\n  Press Ctrl-C to stop.\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
