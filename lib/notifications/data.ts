import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import type { RatingId } from "@/lib/ratings/types";
import { userRef } from "@/lib/claims/shapes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MarkAllNotificationsReadInput, MarkNotificationReadInput } from "@/lib/notifications/schemas";
import { emailLocalPart } from "@/lib/notifications/mentions";

/**
 * Notifications tell a user what others did that concerns them: changed the verdict they
 * proposed, mentioned them, requested changes on or approved their claim, assigned them work,
 * corrected their published claim (lib/notifications/notify.ts writes those). Each belongs to
 * its recipient: nobody else lists or marks it. A notice about a claim or an article the
 * recipient may no longer see (a retired article) is not shown.
 */

/** How many unread notifications My work shows at most. */
export const NOTIFICATIONS_LIMIT = 50;

/** Writes a notification inside the transaction that changes the verdict (whose audit event names the recipient). */
export async function notifyVerdictChanged(
  tx: Tx,
  notice: { recipientId: string; actorId: string; claimId: string; fromVerdict: RatingId | null; toVerdict: RatingId | null; note: string },
) {
  await tx.notification.create({ data: notice, select: { id: true } });
}

/** Tells reviewers (and approving editors) that a new version changed or lost the words their claim quotes; inside the version's transaction. */
export async function notifyTextChanged(tx: Tx, notices: Array<{ recipientId: string; actorId: string; claimId: string; verdict: RatingId | null; note: string }>) {
  await tx.notification.createMany({
    data: notices.map(({ verdict, ...notice }) => ({ ...notice, kind: "TEXT_CHANGED" as const, fromVerdict: verdict, toVerdict: verdict })),
  });
}

/** The actor's own notifications about what they may see. */
function ownNotificationWhere(actor: Actor): Prisma.NotificationWhereInput {
  return {
    recipientId: actor.id,
    OR: [
      { claimId: { not: null }, claim: { is: visibleClaimWhere(actor) } },
      { claimId: null, article: { is: visibleArticleWhere(actor) } },
    ],
  };
}

/** What every list of notifications shows of each. */
const notificationFields = {
  id: true,
  kind: true,
  fromVerdict: true,
  toVerdict: true,
  note: true,
  createdAt: true,
  actor: userRef,
  claim: { select: { id: true, restatement: true, articleId: true } },
} as const;

/** How many unread notifications the user has: the header's count (and what live updates refresh). */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return prisma.notification.count({ where: { ...ownNotificationWhere(actor), readAt: null } });
}

/** The user's latest notifications, read and unread, newest first: the notifications page. */
export async function listNotifications(actor: Actor) {
  return prisma.notification.findMany({
    where: ownNotificationWhere(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_LIMIT,
    select: { ...notificationFields, readAt: true, article: { select: { id: true, title: true, dueOn: true } } },
  });
}

/** Where opening a notification takes its recipient: the claim (at the comment that mentions them) or the article. */
export async function notificationTarget(actor: Actor, notificationId: string): Promise<string> {
  const notification = await prisma.notification.findFirst({
    where: { id: notificationId, ...ownNotificationWhere(actor) },
    select: { claim: { select: { id: true, articleId: true } }, articleId: true, commentId: true },
  });
  if (!notification) throw new NotFoundError("That notification");
  if (!notification.claim) return `/articles/${notification.articleId}`;
  const comment = notification.commentId ? `#comment-${notification.commentId}` : "";
  return `/articles/${notification.claim.articleId}?claim=${notification.claim.id}${comment}`;
}

/** The signed-in user's unread notices of changed verdicts and article text, newest first: My work's list. */
export async function listUnreadNotifications(actor: Actor) {
  const notifications = await prisma.notification.findMany({
    where: { ...ownNotificationWhere(actor), readAt: null, kind: { in: ["VERDICT_CHANGED", "TEXT_CHANGED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_LIMIT,
    select: notificationFields,
  });
  // Notices of these kinds are always about a claim.
  return notifications.flatMap(({ claim, kind, ...notification }) => (claim && (kind === "VERDICT_CHANGED" || kind === "TEXT_CHANGED") ? [{ ...notification, kind, claim }] : []));
}

/** Marks one of the actor's own notifications read (reading it twice changes nothing). */
export async function markNotificationRead(actor: Actor, input: MarkNotificationReadInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const notification = await tx.notification.findFirst({
      where: { id: input.notificationId, ...ownNotificationWhere(actor) },
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

/** Marks the actor's unread notifications read, up to the one named (the newest they were shown); one audit event saying how many. */
export async function markAllNotificationsRead(actor: Actor, input: MarkAllNotificationsReadInput): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const newest = await tx.notification.findFirst({ where: { id: input.upToId, ...ownNotificationWhere(actor) }, select: { createdAt: true } });
    if (!newest) throw new NotFoundError("That notification");
    const { count } = await tx.notification.updateMany({
      where: { recipientId: actor.id, readAt: null, createdAt: { lte: newest.createdAt } },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      await recordAudit(tx, { actorId: actor.id, action: "notification.read_all", entityType: "User", entityId: actor.id, after: { count } });
    }
    return count;
  });
}

/** Whom the actor's comments and review notes can mention: everyone else who can sign in, by name and email local part (the @name suggestions). */
export async function listMentionable(actor: Actor): Promise<{ id: string; name: string; handle: string }[]> {
  const users = await prisma.user.findMany({ where: { disabledAt: null, id: { not: actor.id } }, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return users.map((user) => ({ id: user.id, name: user.name, handle: emailLocalPart(user.email) }));
}
