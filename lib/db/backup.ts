import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { Client, type CustomTypesConfig } from "pg";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/db/open";
import type { Progress } from "@/lib/cli/progress";

/**
 * Backups of the database (a PostgreSQL server or the embedded one) without pg_dump: a
 * gzip'd file of JSON lines, written and read as a stream so a database of any size fits.
 *
 *   {"format":"verity-backup","version":1,"createdAt":…,"migrations":[{"name","checksum"}…],…}
 *   {"table":"User","columns":["id","email",…],"primaryKey":["id"]}
 *   ["cm3…","admin@verity.test",…]            one line per row, every value as PostgreSQL's
 *   …                                           text form (or null), in primary-key order
 *   {"tableEnd":"User","rows":4}
 *   …every table, parents before the tables whose foreign keys point at them…
 *   {"end":true,"tables":{"User":4,…},"sequences":[{"table","column","lastValue","isCalled"}]}
 *
 * Values travel as PostgreSQL's own text forms (under fixed DateStyle, TimeZone, …), which
 * the column types read back exactly: timestamps to the microsecond, jsonb, enums, arrays,
 * bytea. Generated columns (the tsvectors) are left out; the database recomputes them.
 * `_prisma_migrations` is not copied: the header names the migrations, and restoring applies
 * the same ones with lib/db/migrate.ts, so the target's schema is the source's.
 */

export const BACKUP_FORMAT = "verity-backup";
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = ".jsonl.gz";

export class BackupError extends Error {}
/** Restoring was refused because the target database has rows. */
export class NotEmptyError extends BackupError {}

export interface TableCount {
  table: string;
  rows: number;
}

/** Told after every batch of rows, for a progress bar. */
export type OnProgress = (progress: Progress) => void;

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: TableCount[];
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  postgres: string;
  migrations: Array<{ name: string; checksum: string }>;
}

interface TableStart {
  table: string;
  columns: string[];
  primaryKey: string[];
}

interface SequenceValue {
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
}

interface Trailer {
  end: true;
  tables: Record<string, number>;
  sequences: SequenceValue[];
}

interface TableInfo {
  name: string;
  /** Every column but the generated ones, in the table's order. */
  columns: string[];
  primaryKey: string[];
}

const MIGRATIONS_TABLE = "_prisma_migrations";
/** Rows per FETCH when writing, and the most rows per INSERT when restoring. */
const BATCH_ROWS = 500;
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 30000;
/** An INSERT is sent once its values reach this many characters (articles are large). */
const MAX_BATCH_CHARS = 4_000_000;

// Fixed for both directions, so text forms are read back as they were written whatever the
// server's or the session's defaults. SET LOCAL: the embedded server runs every connection on
// one backend, so a plain SET would outlive our transaction there.
const SESSION_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
].join("; ");

/** Every value as the text PostgreSQL sent, unparsed. */
const RAW_TEXT: CustomTypesConfig = { getTypeParser: () => (value: string) => value } as unknown as CustomTypesConfig;

/** An error's message (errors from Node's own modules fail `instanceof Error` under Jest). */
const messageOf = (error: unknown) => (typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error));

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The default file of `npm run db:backup`: backups/verity-<UTC time>.jsonl.gz. */
export function defaultBackupFile(now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.join(process.cwd(), "backups", `verity-${stamp}${BACKUP_EXTENSION}`);
}

/**
 * The app's database for a backup or a restore (lib/db/open.ts), with a message saying what
 * to do when the app is running on the embedded one.
 */
export async function openDatabaseForBackup(): Promise<OpenDatabase> {
  try {
    return await openDatabase();
  } catch (error) {
    const message = messageOf(error);
    if (!/already in use/.test(message)) throw error;
    throw new BackupError(`${message}\nStop Verity first (Ctrl-C where \`npm start\` runs), then run this command again.`);
  }
}

// ---------------------------------------------------------------------------------------
// The schema, read from the catalog

/** The tables of the current schema, parents before children, and their serial columns. */
async function readSchema(client: Client): Promise<{ tables: TableInfo[]; serials: Array<{ table: string; column: string }> }> {
  const { rows: columns } = await client.query<{ table: string; column: string; generated: boolean; serial: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL AS serial
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> $1
      ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const { rows: keys } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE con.contype = 'p' AND con.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
      ORDER BY c.relname, k.position`,
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class p ON p.oid = con.confrelid
      WHERE con.contype = 'f' AND con.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.oid <> p.oid`,
  );

  const byName = new Map<string, TableInfo>();
  const table = (name: string) => byName.get(name) ?? byName.set(name, { name, columns: [], primaryKey: [] }).get(name)!;
  for (const row of columns) if (!row.generated) table(row.table).columns.push(row.column);
  for (const row of keys) byName.get(row.table)?.primaryKey.push(row.column);
  const serials = columns.filter((row) => row.serial).map(({ table, column }) => ({ table, column }));
  return { tables: parentsFirst([...byName.values()], references), serials };
}

/** Orders tables so that every table comes after the tables its foreign keys refer to. */
function parentsFirst(tables: TableInfo[], references: Array<{ child: string; parent: string }>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const pending = new Map(tables.map((t) => [t.name, t]));
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => !references.some((r) => r.child === t.name && pending.has(r.parent)));
    if (ready.length === 0) {
      throw new BackupError(`The foreign keys of ${[...pending.keys()].join(", ")} form a cycle, which backups do not handle.`);
    }
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

/**
 * Rows the migrations write themselves (the rating presets, migration 20261206010000_rating_scales):
 * a new database has them and every backup carries them, so they do not make a database
 * "not empty", and a restore replaces them with the backup's. Children first.
 */
export const MIGRATION_ROWS: ReadonlyArray<{ table: string; where: string }> = [
  { table: "Rating", where: `"scaleId" IN (SELECT "id" FROM "RatingScale" WHERE "preset" IS NOT NULL)` },
  { table: "RatingScale", where: `"preset" IS NOT NULL` },
];

async function nonEmptyTables(client: Client, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of tables) {
    const made = MIGRATION_ROWS.find((rows) => rows.table === name);
    const { rows } = await client.query(`SELECT 1 FROM ${quote(name)}${made ? ` WHERE NOT (${made.where})` : ""} LIMIT 1`);
    if (rows.length > 0) found.push(name);
  }
  return found;
}

async function connect(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

// ---------------------------------------------------------------------------------------
// Backup

/**
 * Writes every row of the database at `url` to `file` (gzip'd JSON lines, above), from one
 * consistent snapshot. The file appears only when complete; an existing file is not replaced.
 */
export async function backupDatabase(url: string, file: string, options: { onProgress?: OnProgress } = {}): Promise<BackupSummary> {
  if (await access(file).then(() => true, () => false)) {
    throw new BackupError(`${file} already exists: choose another file name.`);
  }
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const client = await connect(url);
  const counts: TableCount[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query(SESSION_SETTINGS);
    const header = await readHeader(client);
    const { tables, serials } = await readSchema(client);
    const sequences = await readSequences(client, serials);
    const totalRows = options.onProgress ? await countRows(client, tables) : 0;
    let rowsDone = 0;

    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        let rows = 0;
        const start: TableStart = { table: table.name, columns: table.columns, primaryKey: table.primaryKey };
        yield `${JSON.stringify(start)}\n`;
        for await (const batch of tableRows(client, table)) {
          rows += batch.length;
          rowsDone += batch.length;
          options.onProgress?.({ fraction: rowsDone / totalRows, label: `Backing up ${table.name}`, rows: rowsDone, totalRows });
          yield batch.map((row) => `${JSON.stringify(row)}\n`).join("");
        }
        yield `${JSON.stringify({ tableEnd: table.name, rows })}\n`;
        counts.push({ table: table.name, rows });
      }
      const trailer: Trailer = { end: true, tables: Object.fromEntries(counts.map((c) => [c.table, c.rows])), sequences };
      yield `${JSON.stringify(trailer)}\n`;
    }

    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
    await client.query("COMMIT");
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
  return { file, bytes: (await stat(file)).size, tables: counts };
}

async function readHeader(client: Client): Promise<Header> {
  const { rows: exists } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [quote(MIGRATIONS_TABLE)]);
  if (!exists[0].found) throw new BackupError("This database has no Verity schema (no migrations were ever applied): there is nothing to back up.");
  const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quote(MIGRATIONS_TABLE)}
      WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    postgres: version[0].server_version,
    migrations,
  };
}

/** Every table's rows, counted in the backup's snapshot: the total its progress bar counts towards. */
async function countRows(client: Client, tables: TableInfo[]): Promise<number> {
  let total = 0;
  for (const { name } of tables) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${quote(name)}`);
    total += Number(rows[0].count);
  }
  return total;
}

async function readSequences(client: Client, serials: Array<{ table: string; column: string }>): Promise<SequenceValue[]> {
  const values: SequenceValue[] = [];
  for (const { table, column } of serials) {
    const { rows } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence($1, $2) AS sequence`, [quote(table), column]);
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${rows[0].sequence}`,
    );
    values.push({ table, column, lastValue: state[0].last_value, isCalled: state[0].is_called });
  }
  return values;
}

/** A table's rows in primary-key order, a batch at a time, through a cursor. */
async function* tableRows(client: Client, table: TableInfo): AsyncGenerator<Array<Array<string | null>>> {
  const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quote).join(", ")}` : "";
  await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${table.columns.map(quote).join(", ")} FROM ${quote(table.name)}${order}`);
  for (;;) {
    const { rows } = await client.query<Array<string | null>>({ text: `FETCH FORWARD ${BATCH_ROWS} FROM backup_rows`, rowMode: "array", types: RAW_TEXT });
    if (rows.length === 0) break;
    yield rows;
  }
  await client.query("CLOSE backup_rows");
}

// ---------------------------------------------------------------------------------------
// Restore

/**
 * Restores `file` into the database at `url`, which must be empty: no tables at all, or
 * migrated with no rows in any table (a database that a failed restore left behind is
 * such a one). Refuses a non-empty database before writing anything. Applies the
 * migrations (which must be exactly the backup's), then loads every row in one transaction:
 * a damaged or incomplete file leaves the database without a row.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { log?: (line: string) => void; onProgress?: OnProgress } = {},
): Promise<TableCount[]> {
  const client = await connect(url);
  try {
    await refuseNonEmpty(client);
    let counts: TableCount[] | undefined;
    try {
      const input = createReadStream(file);
      const fileBytes = options.onProgress ? (await stat(file)).size : 0;
      // The file's total rows are only written at its end, so the bar follows the bytes read.
      const progress = options.onProgress && ((table: string, rows: number) =>
        options.onProgress!({ fraction: fileBytes === 0 ? 1 : input.bytesRead / fileBytes, label: `Restoring ${table}`, rows }));
      await pipeline(input, createGunzip(), async (source: AsyncIterable<Buffer>) => {
        counts = await load(client, url, jsonLines(source), { log: options.log, progress });
      });
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw describeReadError(error, file);
    }
    if (!counts) throw damaged(file, "it holds no backup");
    return counts;
  } finally {
    await client.end();
  }
}

async function refuseNonEmpty(client: Client) {
  const { tables } = await readSchema(client);
  const filled = await nonEmptyTables(client, tables);
  if (filled.length > 0) {
    throw new NotEmptyError(
      `The database is not empty (${filled.join(", ")} ${filled.length === 1 ? "has" : "have"} rows): a backup is only restored into a new, empty database. Nothing was changed.`,
    );
  }
}

/** Marks what comes from reading the file, as against what the database refused. */
class DamagedFile extends Error {}

function damaged(file: string, reason: string) {
  return new BackupError(`The backup file ${file} is damaged or incomplete (${reason}). Nothing was restored.`);
}

function describeReadError(error: unknown, file: string): Error {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = messageOf(error);
  if (code === "ENOENT") return new BackupError(`There is no backup file ${file}.`);
  if (error instanceof DamagedFile || code?.startsWith("Z_")) return damaged(file, message);
  return new BackupError(`Restoring failed: ${message}. Nothing was restored.`);
}

/** The file's lines, parsed. JSON.stringify escapes newlines, so a line is one value. */
async function* jsonLines(source: AsyncIterable<Buffer>): AsyncGenerator<unknown> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let number = 0;
  const parse = (line: string) => {
    number++;
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new DamagedFile(`line ${number} is not JSON`);
    }
  };
  for await (const chunk of source) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop()!;
    for (const line of lines) yield parse(line);
  }
  rest += decoder.end();
  if (rest !== "") yield parse(rest);
}

async function load(
  client: Client,
  url: string,
  lines: AsyncGenerator<unknown>,
  { log, progress }: { log?: (line: string) => void; progress?: (table: string, rowsSoFar: number) => void },
): Promise<TableCount[]> {
  const first = await lines.next();
  const header = checkHeader(first.done ? undefined : first.value);
  await checkMigrations(header);
  await migrate(url, { log });

  await client.query("BEGIN");
  await client.query(SESSION_SETTINGS);
  // Restored audit events are history, not changes: no live events for them (the trigger of
  // migration 20261205040000_live_updates reads this), and the backup's own LiveEvent rows are kept.
  await client.query("SET LOCAL verity.restoring = 'on'");
  const { tables } = await readSchema(client);
  // No app should run during a restore; should one write anyway, it waits or we refuse.
  if (tables.length > 0) await client.query(`LOCK TABLE ${tables.map((t) => quote(t.name)).join(", ")} IN EXCLUSIVE MODE`);
  await refuseNonEmpty(client);
  for (const { table, where } of MIGRATION_ROWS) await client.query(`DELETE FROM ${quote(table)} WHERE ${where}`);

  const counts: TableCount[] = [];
  let rowsDone = 0;
  let current: { start: TableStart; batch: Array<Array<string | null>>; chars: number; rows: number } | undefined;
  const flush = async () => {
    if (!current || current.batch.length === 0) return;
    await insertRows(client, current.start, current.batch);
    current.rows += current.batch.length;
    rowsDone += current.batch.length;
    progress?.(current.start.table, rowsDone);
    current.batch = [];
    current.chars = 0;
  };

  for await (const value of lines) {
    if (Array.isArray(value)) {
      if (!current) throw new DamagedFile("a row comes before its table");
      if (value.length !== current.start.columns.length) throw new DamagedFile(`a row of ${current.start.table} has ${value.length} values for ${current.start.columns.length} columns`);
      current.batch.push(value as Array<string | null>);
      current.chars += value.reduce((sum: number, v) => sum + (typeof v === "string" ? v.length : 0), 0);
      const limit = Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / current.start.columns.length));
      if (current.batch.length >= limit || current.chars >= MAX_BATCH_CHARS) await flush();
    } else if (isObject(value) && typeof value.table === "string" && Array.isArray(value.columns)) {
      if (current) throw new DamagedFile(`table ${value.table} starts before ${current.start.table} ends`);
      current = { start: value as unknown as TableStart, batch: [], chars: 0, rows: 0 };
    } else if (isObject(value) && typeof value.tableEnd === "string") {
      if (!current || current.start.table !== value.tableEnd) throw new DamagedFile(`unexpected end of table ${value.tableEnd}`);
      await flush();
      if (current.rows !== value.rows) throw new DamagedFile(`${current.rows} rows of ${value.tableEnd} for the ${String(value.rows)} written`);
      counts.push({ table: current.start.table, rows: current.rows });
      current = undefined;
    } else if (isObject(value) && value.end === true) {
      if (current) throw new DamagedFile(`the end comes inside table ${current.start.table}`);
      const trailer = value as unknown as Trailer;
      for (const { table, rows } of counts) {
        if (trailer.tables[table] !== rows) throw new DamagedFile(`the table counts at the end do not match ${table}`);
      }
      if (Object.keys(trailer.tables).length !== counts.length) throw new DamagedFile("tables are missing");
      await restoreSequences(client, trailer.sequences);
      const rest = await lines.next();
      if (!rest.done) throw new DamagedFile("there is more after the end");
      await client.query("COMMIT");
      return counts;
    } else {
      throw new DamagedFile("a line is neither a row nor a table marker");
    }
  }
  throw new DamagedFile("the file ends before its last table");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkHeader(value: unknown): Header {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new DamagedFile("it is not a Verity backup");
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError(`This backup has format version ${String(value.version)}; this Verity reads version ${BACKUP_VERSION}.`);
  }
  return value as unknown as Header;
}

/** The backup's migrations must be the repository's, so that the schema is the same. */
async function checkMigrations(header: Header) {
  const repository = await readMigrations();
  const key = (m: { name: string; checksum: string }) => `${m.name} ${m.checksum}`;
  const ours = new Set(repository.map(key));
  const theirs = new Set(header.migrations.map(key));
  const onlyBackup = header.migrations.filter((m) => !ours.has(key(m))).map((m) => m.name);
  const onlyHere = repository.filter((m) => !theirs.has(key(m))).map((m) => m.name);
  if (onlyBackup.length === 0 && onlyHere.length === 0) return;
  const parts = [
    onlyBackup.length > 0 ? `the backup has migrations this version lacks or has in another form: ${onlyBackup.join(", ")}` : "",
    onlyHere.length > 0 ? `this version has migrations the backup lacks or has in another form: ${onlyHere.join(", ")}` : "",
  ].filter(Boolean);
  throw new BackupError(
    `The backup was made by another version of Verity's schema (${parts.join("; ")}). Restore it with the version of Verity that made it; ` +
      "a newer version then brings the database up to date when it starts. Nothing was restored.",
  );
}

async function insertRows(client: Client, table: TableStart, rows: Array<Array<string | null>>) {
  const width = table.columns.length;
  const values = rows.map((_, r) => `(${table.columns.map((_, c) => `$${r * width + c + 1}`).join(", ")})`);
  // OVERRIDING SYSTEM VALUE keeps the backup's values in identity columns; it changes nothing elsewhere.
  const sql = `INSERT INTO ${quote(table.table)} (${table.columns.map(quote).join(", ")}) OVERRIDING SYSTEM VALUE VALUES ${values.join(", ")}`;
  try {
    await client.query(sql, rows.flat());
  } catch (error) {
    throw new BackupError(`Restoring the rows of ${table.table} failed: ${messageOf(error)}. Nothing was restored.`);
  }
}

async function restoreSequences(client: Client, sequences: SequenceValue[]) {
  for (const { table, column, lastValue, isCalled } of sequences) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3::bigint, $4)`, [quote(table), column, lastValue, isCalled]);
  }
}

/** The table and row-count lines both commands print. */
export function printTableCounts(tables: TableCount[], print: (line: string) => void = console.log) {
  const width = Math.max(...tables.map((t) => t.table.length));
  for (const { table, rows } of tables) print(`  ${table.padEnd(width)}  ${rows.toLocaleString("en")} rows`);
}
