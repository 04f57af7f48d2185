import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { rethrowUnavailable } from "@/lib/db/unavailable";

function createClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // A database that does not answer fails the request instead of holding it forever.
      connectionTimeoutMillis: 10_000,
    }),
    // Password hashes are never read unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
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
const holder = globalThis as unknown as { verityPrisma?: Db };

function client(): Db {
  if (!holder.verityPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Verity with `npm start`, which provides one.");
    holder.verityPrisma = createClient(url);
  }
  return holder.verityPrisma;
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
  holder.verityPrisma = undefined;
  await current?.$disconnect();
}
