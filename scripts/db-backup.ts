/** `npm run db:backup [file]`: writes the app's database (DATABASE_URL or the embedded one) to a backup file. */
import path from "node:path";
import { progressReporter } from "@/lib/cli/progress";
import { backupDatabase, defaultBackupFile, openDatabaseForBackup, printTableCounts } from "@/lib/db/backup";

/** Relative to the current folder when inside it. */
function displayPath(file: string) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

async function main() {
  const file = path.resolve(process.argv[2] ?? defaultBackupFile());
  const database = await openDatabaseForBackup();
  try {
    const started = Date.now();
    const progress = progressReporter();
    const backup = await backupDatabase(database.url, file, { onProgress: progress.report });
    progress.done();
    printTableCounts(backup.tables);
    console.log(`Backup written to ${displayPath(backup.file)} (${(backup.bytes / 1024).toFixed(1)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
