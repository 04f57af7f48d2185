import { useTestDatabase, withClient } from "@/test/db";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * The app's Prisma client when the database goes away: its errors become
 * DatabaseUnavailableError, and its pool replaces the connections the server ended.
 */
const database = useTestDatabase();
// Ending the client's connections from the server side needs a PostgreSQL server.
const onServer = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);

/** Ends every other connection to the test database, as a restarting server does (57P01). */
async function endConnections() {
  await withClient(database.url, async (client) => {
    const { rows } = await client.query(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(rows.length).toBeGreaterThan(0);
  });
}

/** The first query after the connections ended may meet a dead one (an unavailable error); the next ones must not. */
async function queriesRecover() {
  const first = await prisma.user.count().catch((error: unknown) => error);
  if (typeof first !== "number") expect(isDatabaseUnavailable(first)).toBe(true);
  for (let i = 0; i < 3; i++) expect(typeof (await prisma.user.count())).toBe("number");
}

it("turns a refused connection into a DatabaseUnavailableError", async () => {
  const url = process.env.DATABASE_URL;
  await disconnectPrisma();
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nothing_listens_here";
  try {
    await expect(prisma.user.count()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(prisma.$queryRaw`SELECT 1`).rejects.toBeInstanceOf(DatabaseUnavailableError);
  } finally {
    await disconnectPrisma();
    process.env.DATABASE_URL = url;
  }
  expect(await prisma.user.count()).toBe(0);
});

(onServer ? it : it.skip)("replaces idle connections the server ended", async () => {
  await Promise.all(Array.from({ length: 4 }, () => prisma.user.count())); // several pooled connections
  await endConnections();
  await queriesRecover();
});

(onServer ? it : it.skip)("fails a transaction whose connection the server ended as unavailable, and the next ones work", async () => {
  const interrupted = prisma
    .$transaction(async (tx) => {
      await tx.user.count();
      await endConnections();
      await tx.user.count();
    })
    .catch((error: unknown) => error);
  expect(isDatabaseUnavailable(await interrupted)).toBe(true);
  await queriesRecover();
  expect(await prisma.$transaction(async (tx) => tx.user.count())).toBe(0);
});
