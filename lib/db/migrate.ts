import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";

/**
 * Applies pending Prisma Migrate migrations (prisma/migrations/<stamp>_<name>/migration.sql)
 * in order, each in its own transaction, and records them in `_prisma_migrations` as Prisma
 * does, so `prisma migrate status` agrees wherever the schema engine exists. We need our own
 * runner because that engine cannot be downloaded on our machines.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// The advisory lock key Prisma Migrate uses, so our runner and Prisma's exclude each other too.
// Inlined into the SQL rather than sent as a parameter: the embedded server multiplexes every
// connection onto one backend, and simple-protocol queries cannot interleave there.
const ADVISORY_LOCK_KEY = 72707369;

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum: the SHA-256 of migration.sql, hex-encoded. */
export function checksumOf(sql: string) {
  return createHash("sha256").update(sql).digest("hex");
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies what is pending and returns the names of the migrations it applied. */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const migrations = await readMigrations(options.dir);
  const client = new Client({ connectionString });
  await client.connect();
  try {
    // Two servers starting at once: the second waits here, then finds nothing pending.
    await client.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));

    // Check the whole history before applying anything: a pending migration may sort before
    // an edited one (branches merged in the other order), and must not run in that case.
    for (const migration of migrations) {
      const row = applied.get(migration.name);
      if (!row) continue;
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${migration.name} was started but never finished. Repair the database by hand, then mark it rolled back.`,
        );
      }
      if (row.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
        );
      }
    }

    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      if (!(await applyOne(client, migration))) continue;
      options.log?.(`Applied migration ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => undefined);
    await client.end();
  }
}

/** Applies one migration in a transaction; false if another runner had already applied it. */
async function applyOne(client: Client, migration: MigrationFile): Promise<boolean> {
  await client.query("BEGIN");
  try {
    // On a real server the advisory lock already keeps a second runner out. The embedded
    // server (PGlite) runs every connection in one backend, where the lock is re-entrant and
    // excludes nothing; but it runs a transaction exclusively, so this check is atomic there.
    const { rowCount } = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`,
      [migration.name],
    );
    if (rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
