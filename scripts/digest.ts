/**
 * `npm run digest`: sends the email digests that are due, then exits. Run it from a timer
 * (cron, a systemd timer) every few minutes; several at once never send a digest twice.
 * Needs VERITY_SMTP_URL and VERITY_MAIL_FROM; links point at NEXTAUTH_URL.
 */
import { openDatabase } from "@/lib/db/open";
import { migrate } from "@/lib/db/migrate";
import { disconnectPrisma } from "@/lib/db/client";
import { mailSettings } from "@/lib/notifications/mailer";
import { sendDueDigests } from "@/lib/notifications/digest";

async function main() {
  if (!mailSettings()) {
    console.log("Email is not set up (VERITY_SMTP_URL and VERITY_MAIL_FROM): no digest sent.");
    return;
  }
  const database = await openDatabase();
  try {
    await migrate(database.url, { log: console.log });
    process.env.DATABASE_URL = database.url;
    const run = await sendDueDigests({ appUrl: process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}` });
    console.log(`Digests: ${run.sent} sent, ${run.empty} with nothing new, ${run.failed} failed.`);
    if (run.failed > 0) process.exitCode = 1;
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
