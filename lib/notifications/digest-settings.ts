import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/record";
import type { SetDigestInput } from "@/lib/notifications/schemas";
import { FieldError } from "@/lib/errors";
import { isMailConfigured } from "@/lib/notifications/mailer";
import { MAIL_NOT_SET_UP } from "@/lib/notifications/mail-messages";

/** The user's own digest choice, for the account page. */
export async function getDigest(actor: Actor) {
  return prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { digestFrequency: true, lastDigestAt: true } });
}

/**
 * Turns the actor's email digest on (hourly or daily) or off. Turning it on starts it from now:
 * the first digest covers what arrives from here on, not the whole unread past. Without SMTP
 * settings a digest cannot be turned on (turning it off still works).
 */
export async function setDigest(actor: Actor, input: SetDigestInput): Promise<void> {
  if (input.digest && !isMailConfigured()) throw new FieldError("digest", MAIL_NOT_SET_UP);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { digestFrequency: true } });
    if (user.digestFrequency === input.digest) return;
    await tx.user.update({
      where: { id: actor.id },
      data: { digestFrequency: input.digest, ...(user.digestFrequency === null ? { lastDigestAt: new Date() } : {}) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "notification.digest_set",
      entityType: "User",
      entityId: actor.id,
      before: { digest: user.digestFrequency },
      after: { digest: input.digest },
    });
  });
}
