/** `npm run db:migrate`: applies pending migrations to the app's database. */
import { openDatabase } from "@/lib/db/open";
import { migrate } from "@/lib/db/migrate";

async function main() {
  const database = await openDatabase();
  try {
    const applied = await migrate(database.url, { log: console.log });
    if (applied.length === 0) console.log("The database is up to date.");
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
