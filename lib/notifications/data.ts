import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { userRef } from "@/lib/claims/shapes";
import type { MarkNotificationReadInput } from "@/lib/notifications/schemas";

/**
 * Notifications tell a user that someone else changed the verdict they proposed, with that
 * person's note. Each belongs to its recipient: nobody else lists or marks it.
 */

/** How many unread notifications My work shows at most. */
export const NOTIFICATIONS_LIMIT = 50;

/** Writes a notification inside the transaction that changes the verdict (whose audit event names the recipient). */
export async function notifyVerdictChanged(
  tx: Tx,
  notice: { recipientId: string; actorId: string; claimId: string; fromVerdict: Verdict | null; toVerdict: Verdict | null; note: string },
) {
  await tx.notification.create({ data: notice, select: { id: true } });
}

/** The signed-in user's unread notifications, newest first, on claims they may still see. */
export async function listUnreadNotifications(actor: Actor) {
  return prisma.notification.findMany({
    where: { recipientId: actor.id, readAt: null, claim: visibleClaimWhere(actor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_LIMIT,
    select: {
      id: true,
      fromVerdict: true,
      toVerdict: true,
      note: true,
      createdAt: true,
      actor: userRef,
      claim: { select: { id: true, restatement: true, articleId: true } },
    },
  });
}

/** Marks one of the actor's own notifications read (reading it twice changes nothing). */
export async function markNotificationRead(actor: Actor, input: MarkNotificationReadInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const notification = await tx.notification.findFirst({
      where: { id: input.notificationId, recipientId: actor.id },
      select: { id: true, readAt: true },
    });
    if (!notification) throw new NotFoundError("That notification");
    if (notification.readAt) return;
    await tx.notification.update({ where: { id: notification.id }, data: { readAt: new Date() }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "notification.read",
      entityType: "User",
      entityId: actor.id,
      after: { notificationId: notification.id },
    });
  });
}
