import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { disconnectPrisma } from "@/lib/db/client";

/**
 * A freshly migrated database of its own for one test file: a new database on the
 * PostgreSQL server in TEST_DATABASE_URL (or DATABASE_URL), dropped afterwards; with
 * neither set, an in-memory embedded PostgreSQL.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean; server?: string } = {}): Promise<TestDatabase> {
  const server = options.server ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let database: TestDatabase;
  if (server) {
    const name = `verity_test_${randomBytes(6).toString("hex")}`;
    await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(server);
    url.pathname = `/${name}`;
    database = {
      url: url.toString(),
      drop: () => withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  } else {
    const embedded = await startEmbeddedPostgres({});
    database = { url: embedded.url, drop: embedded.stop };
  }
  if (options.migrate !== false) await migrate(database.url);
  return database;
}

export async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Jest hooks: gives the test file its own migrated database and points the app's
 * Prisma client (lib/db/client) at it.
 */
export function useTestDatabase(): { readonly url: string } {
  let database: TestDatabase | undefined;
  const handle = {
    get url() {
      if (!database) throw new Error("The test database is only ready inside tests.");
      return database.url;
    },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    // A live route the file called started the process's live hub (lib/live/hub.ts): it stops
    // listening before the database goes, or its reconnection outlives the file.
    await (globalThis as { verityLiveHub?: { close(): Promise<void> } }).verityLiveHub?.close();
    await disconnectPrisma();
    await database?.drop();
  });
  return handle;
}
