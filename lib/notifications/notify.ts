import "server-only";
import type { Tx } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { mentionedUserIds } from "@/lib/notifications/mentions";

/**
 * Writing notifications, always inside the transaction of the change that causes them, so a
 * notice exists exactly when its change does. Nobody is told of what they did themselves.
 */

export interface Notice {
  kind: Exclude<NotificationKind, "VERDICT_CHANGED" | "TEXT_CHANGED">;
  recipientId: string;
  actorId: string;
  /** What the notice is about: a claim, or (an article's assignment) an article. */
  claimId?: string;
  articleId?: string;
  commentId?: string;
  /** What the recipient reads: the comment or note, or a short description of the change. */
  note: string;
}

export async function notify(tx: Tx, notices: Notice[]): Promise<void> {
  const data = notices.filter((notice) => notice.recipientId !== notice.actorId);
  if (data.length > 0) await tx.notification.createMany({ data });
}

/**
 * Tells each user a text (a comment, a review note) mentions by @name. Returns whom it
 * told, for the audit event. Only users who can sign in are mentionable.
 */
export async function notifyMentions(tx: Tx, mention: { actorId: string; text: string; claimId: string; commentId?: string }): Promise<string[]> {
  if (!mention.text.includes("@")) return [];
  const users = await tx.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, email: true } });
  const mentioned = mentionedUserIds(mention.text, users).filter((id) => id !== mention.actorId);
  await notify(
    tx,
    mentioned.map((recipientId) => ({
      kind: "MENTION" as const,
      recipientId,
      actorId: mention.actorId,
      claimId: mention.claimId,
      commentId: mention.commentId,
      note: mention.text,
    })),
  );
  return mentioned;
}
