import { prisma } from "@/lib/db/client";

/**
 * The whole database as a row count and a hash of the rows of every table, to show that a
 * refused request changed nothing at all. The tables are read from information_schema, so
 * a table added by a later migration is covered without changing the tests; Prisma's own
 * bookkeeping (`_prisma_migrations`) is left out.
 */
export type DatabaseState = Record<string, { rows: number; hash: string }>;

export async function databaseTables(): Promise<string[]> {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`;
  return tables.map((table) => table.name);
}

/** Every table's row count and the md5 of its rows (as text, in a fixed order), read in one statement. */
export async function databaseState(): Promise<DatabaseState> {
  const tables = await databaseTables();
  if (tables.length === 0) throw new Error("The test database has no tables: is it migrated?");
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const literal = (name: string) => `'${name.replaceAll("'", "''")}'`;
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string; rows: number; hash: string }>>(
    tables
      .map(
        (table) =>
          `SELECT ${literal(table)} AS name, count(*)::int AS rows, ` +
          `md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${ident(table)} t`,
      )
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map(({ name, ...state }) => [name, state]));
}
