/** `npm run db:restore <file>`: restores a backup into the app's database, which must be new and empty. */
import path from "node:path";
import { DATA_DIR } from "@/lib/auth/secret";
import { progressReporter } from "@/lib/cli/progress";
import { NotEmptyError, openDatabaseForBackup, printTableCounts, restoreDatabase } from "@/lib/db/backup";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Name the backup file: npm run db:restore backups/verity-….jsonl.gz");
  const database = await openDatabaseForBackup();
  try {
    const started = Date.now();
    const progress = progressReporter();
    const tables = await restoreDatabase(database.url, path.resolve(file), { log: console.log, onProgress: progress.report }).finally(progress.done);
    printTableCounts(tables);
    console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    if (error instanceof NotEmptyError && database.embedded) {
      error.message += `\nThe embedded database is in ${path.join(DATA_DIR, "pglite")}: restore into a new one with VERITY_DATA_DIR=<new folder>, or move that folder away first.`;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
