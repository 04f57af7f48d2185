"use client";

import { useRouter } from "next/navigation";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";
import { markAllNotificationsReadAction, markNotificationReadAction, openNotificationAction } from "@/lib/notifications/actions";
import { describeNotification } from "@/lib/notifications/describe";
import { useRatings } from "@/components/ratings/ratings-provider";
import { formatDateTime } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  fromVerdict: RatingId | null;
  toVerdict: RatingId | null;
  note: string;
  createdAt: Date;
  readAt: Date | null;
  actor: { id: string; name: string } | null;
  claim: { id: string; restatement: string; articleId: string } | null;
  article: { id: string; title: string } | null;
}

/** The notifications page: newest first, unread ones marked, each opened (and so read) with one button. */
export function NotificationList({ notifications, unread }: { notifications: NotificationItem[]; unread: number }) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(markAllNotificationsReadAction);
  useOnSuccess(state, () => router.refresh());
  if (notifications.length === 0) {
    return (
      <div className="card empty">
        <p>No notifications yet. You are told here when someone mentions you, assigns you work, or reviews your claims.</p>
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="notification-list-heading">
      <div className="notification-list__head">
        <h2 id="notification-list-heading">Latest</h2>
        {unread > 0 && (
          <form action={action}>
            <input type="hidden" name="upToId" value={notifications[0].id} />
            <button type="submit" className="button button--quiet button--small" disabled={pending}>
              {pending ? "Saving…" : "Mark all as read"}
            </button>
          </form>
        )}
        <FormMessage state={state} />
      </div>
      <ul className="notification-list">
        {notifications.map((notification) => (
          <NotificationRow key={notification.id} notification={notification} />
        ))}
      </ul>
    </section>
  );
}

function NotificationRow({ notification }: { notification: NotificationItem }) {
  const ratings = useRatings();
  const router = useRouter();
  const [openState, open, opening] = useFormAction(openNotificationAction);
  const [readState, markRead, marking] = useFormAction(markNotificationReadAction);
  useOnSuccess(readState, () => router.refresh());
  const unread = notification.readAt === null;
  const showNote = notification.kind !== "APPROVED";
  return (
    <li className={`notification-item${unread ? " notification-item--unread" : ""}`} data-testid="notification-item">
      <form action={open} className="notification-item__open">
        <input type="hidden" name="notificationId" value={notification.id} />
        <button type="submit" className="link-button" disabled={opening}>
          {unread && <span className="sr-only">Unread: </span>}
          {describeNotification(notification, ratings)}
        </button>
      </form>
      {showNote && <p className="notification-item__note">{notification.note}</p>}
      <div className="notification__actions">
        <span className="muted">{formatDateTime(notification.createdAt)}</span>
        {unread ? (
          <form action={markRead}>
            <input type="hidden" name="notificationId" value={notification.id} />
            <button type="submit" className="button button--quiet button--small" disabled={marking}>
              {marking ? "Saving…" : "Mark as read"}
            </button>
          </form>
        ) : (
          <span className="muted">Read</span>
        )}
        <FormMessage state={openState.status === "error" ? openState : readState.status === "error" ? readState : { status: "idle" }} />
      </div>
    </li>
  );
}
