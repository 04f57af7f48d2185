/** `npm run seed`: demo users and sample articles; running it again adds nothing. */
import { openDatabase } from "@/lib/db/open";
import { migrate } from "@/lib/db/migrate";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { seed } from "@/lib/seed/seed";

async function main() {
  const database = await openDatabase();
  try {
    await migrate(database.url, { log: console.log });
    process.env.DATABASE_URL = database.url;
    const created = await seed(prisma);
    console.log(`Seed: ${created.users} users and ${created.articles} articles added.`);
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
