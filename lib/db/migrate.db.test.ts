import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, withClient, type TestDatabase } from "@/test/db";
import { MIGRATIONS_DIR, MigrationError, migrate } from "@/lib/db/migrate";

/**
 * The migration runner, against an empty database (createTestDatabase({ migrate: false })).
 * Each test starts from an empty `public` schema and its own temporary migrations folder.
 */

const M1 = "20260101000000_create_widget";
const M2 = "20260102000000_add_widget_name";
const M3 = "20260103000000_create_gadget";
const SQL: Record<string, string> = {
  [M1]: `CREATE TABLE "Widget" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
  // Fails unless M1 ran first, so applying in the right order is part of what passes.
  [M2]: `ALTER TABLE "Widget" ADD COLUMN "name" TEXT;\n`,
  [M3]: `CREATE TABLE "Gadget" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
};

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(async () => {
  await sql(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  dir = await mkdtemp(path.join(tmpdir(), "verity-migrations-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sql(text: string, values?: unknown[]) {
  return withClient(database.url, (client) => client.query(text, values));
}

/** Writes migrations in the folder layout Prisma Migrate uses: <name>/migration.sql. */
async function addMigration(name: string, text = SQL[name]) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), text);
}

async function recorded() {
  const { rows } = await sql(
    `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

async function tables(): Promise<string[]> {
  const { rows } = await sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((row) => row.tablename);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

test("applies pending migrations in name order and records them as Prisma does", async () => {
  // Written out of order: the runner must sort by name, not trust the directory listing.
  await addMigration(M2);
  await addMigration(M1);
  const log: string[] = [];

  await expect(migrate(database.url, { dir, log: (line) => log.push(line) })).resolves.toEqual([M1, M2]);

  expect(log).toEqual([`Applied migration ${M1}`, `Applied migration ${M2}`]);
  expect(await tables()).toEqual(["Widget", "_prisma_migrations"]);
  const rows = await recorded();
  expect(rows.map((row) => row.migration_name)).toEqual([M1, M2]);
  for (const row of rows) {
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row.checksum).toBe(sha256(SQL[row.migration_name]));
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    expect(row.rolled_back_at).toBeNull();
    expect(row.applied_steps_count).toBe(1);
  }
});

test("a second run applies nothing; a migration added later is applied alone", async () => {
  await addMigration(M1);
  await addMigration(M2);
  await migrate(database.url, { dir });
  const before = await recorded();

  await expect(migrate(database.url, { dir })).resolves.toEqual([]);
  expect(await recorded()).toEqual(before);

  await addMigration(M3);
  await expect(migrate(database.url, { dir })).resolves.toEqual([M3]);
  const after = await recorded();
  expect(after.slice(0, 2)).toEqual(before);
  expect(after.map((row) => row.migration_name)).toEqual([M1, M2, M3]);
  expect(await tables()).toEqual(["Gadget", "Widget", "_prisma_migrations"]);
});

test("refuses an applied migration whose file was edited, and applies nothing further", async () => {
  await addMigration(M1);
  await addMigration(M2);
  await migrate(database.url, { dir });

  await appendFile(path.join(dir, M1, "migration.sql"), "-- an innocent-looking comment\n");
  await addMigration(M3);

  const error = await migrate(database.url, { dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as Error).message).toContain(M1);
  expect((error as Error).message).toMatch(/edited after it was applied/);
  expect(await tables()).not.toContain("Gadget");
  expect((await recorded()).map((row) => row.migration_name)).toEqual([M1, M2]);
});

test("checks every applied migration before applying any pending one", async () => {
  // A pending migration can sort before an applied one (branches merged in the other order):
  // an edited file later in the list must still stop the run before anything is applied.
  await addMigration(M1);
  await addMigration(M3);
  await migrate(database.url, { dir });

  await appendFile(path.join(dir, M3, "migration.sql"), "-- edited\n");
  await addMigration(M2);

  await expect(migrate(database.url, { dir })).rejects.toThrow(M3);
  const { rows } = await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Widget' ORDER BY column_name`);
  expect(rows.map((row) => row.column_name)).toEqual(["id"]);
  expect((await recorded()).map((row) => row.migration_name)).toEqual([M1, M3]);
});

test("rolls back a failing migration entirely and names it in the error", async () => {
  const broken = `CREATE TABLE "Partial" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`;
  await addMigration(M1);
  await addMigration(M2, broken);
  await addMigration(M3);

  const error = await migrate(database.url, { dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as Error).message).toContain(M2);
  expect((error as Error).message).toMatch(/NoSuchTable/);

  // M1 committed in its own transaction; M2 left nothing behind; M3 was not attempted.
  expect(await tables()).toEqual(["Widget", "_prisma_migrations"]);
  expect((await recorded()).map((row) => row.migration_name)).toEqual([M1]);

  // Nothing blocks the fixed file from being applied on the next run.
  await addMigration(M2);
  await expect(migrate(database.url, { dir })).resolves.toEqual([M2, M3]);
});

test("two runs started at once apply each migration exactly once", async () => {
  // pg_sleep widens the window in which the second run would apply M1 a second time.
  await addMigration(M1, `${SQL[M1]}SELECT pg_sleep(0.2);\n`);
  await addMigration(M2);
  await addMigration(M3);

  const [first, second] = await Promise.all([migrate(database.url, { dir }), migrate(database.url, { dir })]);

  expect([...first, ...second].sort()).toEqual([M1, M2, M3]);
  expect((await recorded()).map((row) => row.migration_name).sort()).toEqual([M1, M2, M3]);
});

describe("the real prisma/migrations", () => {
  test("apply cleanly to an empty database", async () => {
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(names.length).toBeGreaterThan(0);
    await expect(migrate(database.url)).resolves.toEqual(names);
    await expect(migrate(database.url)).resolves.toEqual([]);
  });

  test("make AuditEvent append-only: INSERT works, UPDATE, DELETE and TRUNCATE are refused", async () => {
    await migrate(database.url);
    const inserted = await sql(
      `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "after") VALUES ('claim.create', 'Claim', 'c1', '{"state":"DRAFT"}') RETURNING "id"`,
    );
    const id = inserted.rows[0].id;

    await expect(sql(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, [id])).rejects.toMatchObject({
      code: "42501",
      message: expect.stringMatching(/append-only: UPDATE refused/),
    });
    await expect(sql(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [id])).rejects.toMatchObject({
      code: "42501",
      message: expect.stringMatching(/append-only: DELETE refused/),
    });
    await expect(sql(`TRUNCATE "AuditEvent"`)).rejects.toMatchObject({
      code: "42501",
      message: expect.stringMatching(/append-only: TRUNCATE refused/),
    });

    const { rows } = await sql(`SELECT "action" FROM "AuditEvent"`);
    expect(rows).toEqual([{ action: "claim.create" }]);
  });
});
