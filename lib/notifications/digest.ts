import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { userRef } from "@/lib/claims/shapes";
import { describeNotification } from "@/lib/notifications/describe";
import { readCatalogue } from "@/lib/ratings/catalogue";
import type { RatingCatalogue } from "@/lib/ratings/types";
import { mailSettings, openMailer, type MailSettings } from "@/lib/notifications/mailer";

/**
 * The email digest: each user who turned it on gets, hourly or daily, the notifications that
 * arrived since their last digest and are still unread. Any number of senders (the `npm run
 * digest` script on a timer, on several machines) may run at once: a sender first claims the
 * users whose digest is due in one UPDATE that skips rows another sender holds, so no digest
 * goes out twice.
 */

/** A user whose digest one sender has claimed: covers notifications after `since` up to `until`. */
export interface ClaimedDigest {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: Date;
  until: Date;
}

/** How many users one claim takes at most (a sender claims again until none is due). */
const CLAIM_BATCH = 100;

/**
 * Claims the users whose digest is due at `now` (their last one an hour or a day ago), moving
 * their digest time to `now`, and returns each with the time it covers from.
 */
export async function claimDueDigests(now: Date, limit = CLAIM_BATCH): Promise<ClaimedDigest[]> {
  // Timestamps are stored as UTC without a zone: compared and returned as UTC.
  const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
  const rows = await prisma.$queryRaw<{ id: string; email: string; name: string; role: Role; sinceMs: number }[]>(Prisma.sql`
    UPDATE "User" AS u SET "lastDigestAt" = ${at}
    FROM (
      SELECT id, "lastDigestAt" AS since FROM "User"
      WHERE "digestFrequency" IS NOT NULL AND "disabledAt" IS NULL AND "lastDigestAt" IS NOT NULL
        AND "lastDigestAt" <= ${at} - CASE "digestFrequency" WHEN 'HOURLY' THEN interval '1 hour' ELSE interval '1 day' END
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE u.id = due.id
    RETURNING u.id, u.email, u.name, u.role::text AS role, (extract(epoch FROM due.since) * 1000)::float8 AS "sinceMs"`);
  return rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, role: row.role, since: new Date(row.sinceMs), until: now }));
}

/** A claimed digest's notifications: unread, in its period, about what the user may still see; oldest first. */
async function digestNotifications(digest: ClaimedDigest) {
  const viewer = { role: digest.role };
  return prisma.notification.findMany({
    where: {
      recipientId: digest.userId,
      readAt: null,
      createdAt: { gt: digest.since, lte: digest.until },
      OR: [
        { claimId: { not: null }, claim: { is: visibleClaimWhere(viewer) } },
        { claimId: null, article: { is: visibleArticleWhere(viewer) } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      kind: true,
      fromVerdict: true,
      toVerdict: true,
      note: true,
      actor: userRef,
      claim: { select: { id: true, restatement: true, articleId: true } },
      article: { select: { id: true, title: true } },
    },
  });
}

type DigestItem = Awaited<ReturnType<typeof digestNotifications>>[number];

/** The digest's email: one entry per notification, with its note and a link to it. */
export function digestMail(digest: ClaimedDigest, items: DigestItem[], appUrl: string, ratings: RatingCatalogue) {
  const count = `${items.length} new notification${items.length === 1 ? "" : "s"}`;
  const entries = items.map((item) => {
    const path = item.claim ? `/articles/${item.claim.articleId}?claim=${item.claim.id}` : `/articles/${item.article?.id ?? ""}`;
    const note = item.kind === "APPROVED" ? "" : `\n  “${item.note}”`;
    return `- ${describeNotification(item, ratings)}${note}\n  ${new URL(path, appUrl).href}`;
  });
  return {
    to: digest.email,
    subject: `Verity: ${count}`,
    text: `Hello ${digest.name},\n\nYou have ${count} in Verity:\n\n${entries.join("\n\n")}\n\nAll your notifications: ${new URL("/notifications", appUrl).href}\nTo stop these emails, turn the digest off on your account page: ${new URL("/account", appUrl).href}\n`,
  };
}

/** What one run of the sender did. */
export interface DigestRun {
  sent: number;
  /** Claimed digests with nothing unread in their period: nothing sent. */
  empty: number;
  failed: number;
}

/**
 * Sends every due digest, claiming batch after batch until none is due. A digest that fails
 * to send is given back (its period is sent next time). Without SMTP settings it does nothing.
 */
export async function sendDueDigests(options: { now?: Date; appUrl: string; settings?: MailSettings | null }): Promise<DigestRun> {
  const settings = options.settings === undefined ? mailSettings() : options.settings;
  const run: DigestRun = { sent: 0, empty: 0, failed: 0 };
  if (!settings) return run;
  const now = options.now ?? new Date();
  const mailer = openMailer(settings);
  try {
    for (let batch = await claimDueDigests(now); batch.length > 0; batch = await claimDueDigests(now)) {
      for (const digest of batch) {
        const items = await digestNotifications(digest);
        if (items.length === 0) {
          run.empty += 1;
          continue;
        }
        try {
          await mailer.send(digestMail(digest, items, options.appUrl, await readCatalogue()));
          run.sent += 1;
        } catch (error) {
          console.error(`The digest to ${digest.email} could not be sent; it will be tried again.`, error);
          await giveBack(digest);
          run.failed += 1;
        }
      }
      // A failed digest given back is due again at once: the next round would retry it forever.
      if (run.failed > 0) break;
    }
  } finally {
    mailer.close();
  }
  return run;
}

/** Puts the user's digest time back, unless another run has moved it since. */
async function giveBack(digest: ClaimedDigest) {
  await prisma.user.updateMany({ where: { id: digest.userId, lastDigestAt: digest.until }, data: { lastDigestAt: digest.since } });
}
