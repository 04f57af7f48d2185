import path from "node:path";
import { DATA_DIR } from "@/lib/auth/secret";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database the app runs on: the server in DATABASE_URL when set, otherwise the
 * embedded PostgreSQL with its data in .data/pglite (or $VERITY_DATA_DIR/pglite).
 */
export async function openDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: false, close: async () => undefined };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "pglite"),
    port: Number(process.env.VERITY_DB_PORT ?? 0),
  });
  return { url: embedded.url, embedded: true, close: embedded.stop };
}
