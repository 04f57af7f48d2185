import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { countUnreadNotifications, listNotifications, NOTIFICATIONS_LIMIT } from "@/lib/notifications/data";
import { NotificationList } from "@/components/notifications/notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const [notifications, unread] = await Promise.all([listNotifications(user), countUnreadNotifications(user)]);
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <div className="page-head__side">
          <p className="muted">
            {unread === 0 ? "Nothing unread." : `${unread} unread.`} The latest {NOTIFICATIONS_LIMIT} are shown.
          </p>
        </div>
      </div>
      <NotificationList notifications={notifications} unread={unread} />
    </>
  );
}
