import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { rethrowUnavailable } from "@/lib/db/unavailable";
import { TRANSACTION_LIMITS } from "@/lib/db/transaction-limits";

function createClient(pool: Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Password hashes are never read unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    transactionOptions: TRANSACTION_LIMITS.default,
  }).$extends({
    // A database that is down or went away is a DatabaseUnavailableError (users are asked to
    // retry). The pool drops a connection that failed, so the next query opens a new one.
    query: { $allOperations: ({ args, query }) => query(args).catch(rethrowUnavailable) },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client handed to `prisma.$transaction(async (tx) => ...)` callbacks. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process (dev hot reloads would otherwise open a pool each time).
const holder = globalThis as unknown as { verityPrisma?: Db; verityPool?: Pool };

function client(): Db {
  if (!holder.verityPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Verity with `npm start`, which provides one.");
    holder.verityPool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // A database that does not answer fails the request instead of holding it forever.
      connectionTimeoutMillis: 10_000,
      // A scan of a large table starts at its first page, not where the last scan of it stopped
      // (synchronize_seqscans, on by default): a search of a word in a few percent of the
      // passages reads them until RANKED_CANDIDATES match (lib/search/statements.ts), so it
      // ranks the same first matches each time, page 2 continues page 1, and it reads the same
      // pages, which stay cached. Synchronised, each such search read a part of the table the
      // last one had not, at 4,000,000 passages often from disk: 30 to 370 ms instead of 30 (bench/README.md).
      onConnect: (connection) => connection.query("SET synchronize_seqscans = off"),
    });
    holder.verityPrisma = createClient(holder.verityPool);
  }
  return holder.verityPrisma;
}

/**
 * Runs one statement straight on Prisma's connection pool, skipping its query engine and
 * result mapping. Only for the statements on the busiest paths (the signed-in user on
 * every request, search, suggested evidence, marking a claim), where Prisma costs 1 to 2
 * ms a query (bench/README.md). A statement is its own transaction. Values come back as `pg` parses them: int4 and floats as numbers, json
 * parsed, timestamps as Dates, int8 and numeric as strings.
 */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  client();
  const { rows } = await holder.verityPool!.query(statement.text, statement.values).catch(rethrowUnavailable);
  return rows as T[];
}

/**
 * The process's Prisma client, created on first use so that tests and scripts
 * can choose DATABASE_URL before anything connects.
 */
export const prisma: Db = new Proxy({} as Db, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

/** Closes the process's client (scripts and tests call this before exiting). */
export async function disconnectPrisma() {
  const current = holder.verityPrisma;
  const pool = holder.verityPool;
  holder.verityPrisma = undefined;
  holder.verityPool = undefined;
  await current?.$disconnect();
  // The adapter ends the pool when it was used (disposeExternalPool); a pool only queryRows used is ended here.
  if (pool && !pool.ended) await pool.end();
}
