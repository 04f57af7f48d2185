import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { serveOverWire } from "@/lib/db/wire-server";

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the
 * PostgreSQL wire protocol on 127.0.0.1 (wire-server.ts), so the app talks to it with the
 * same `pg` driver it uses for a real server. Used when DATABASE_URL is not set.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite touches all of shared_buffers when it starts, and WebAssembly memory is never
 * given back, so PostgreSQL's default (128 MB) would stay resident for good. 32 MB holds a
 * newsroom's working set; the operating system's file cache keeps the rest of the data
 * close (bench/README.md, "start", has the figures).
 */
const MEMORY_SETTINGS = ["-c", "shared_buffers=32MB"];

export async function startEmbeddedPostgres(options: {
  /** Folder for the data; omit for an in-memory database (tests). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
}): Promise<EmbeddedPostgres> {
  const lockFile = options.dataDir ? `${options.dataDir}.lock` : undefined;
  if (options.dataDir && lockFile) {
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    await claimLock(lockFile);
  }
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
  const server = await serveOverWire(db, { host: "127.0.0.1", port: options.port ?? 0 });
  return {
    url: `postgresql://postgres@${server.address}/postgres`,
    async stop() {
      await server.close();
      await db.close(); // checkpoints, so the next start opens cleanly
      if (lockFile) await rm(lockFile, { force: true });
    },
  };
}

// PGlite allows one process per data folder; a second one would corrupt it.
async function claimLock(lockFile: string) {
  const holder = Number(await readFile(lockFile, "utf8").catch(() => ""));
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new Error(`The embedded database is already in use by process ${holder} (lock file ${lockFile}).`);
  }
  await writeFile(lockFile, String(process.pid));
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
