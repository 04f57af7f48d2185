"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The header's link to the notifications page, named with the unread count ("Notifications, 3 unread"). */
export function NotificationsLink({ unread }: { unread: number }) {
  const current = usePathname() === "/notifications";
  return (
    <Link
      href="/notifications"
      className="notifications-link"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread"}
      aria-current={current ? "page" : undefined}
      data-testid="notifications-link"
      title="Notifications"
    >
      {/* A bell; the link's name (aria-label) says what it is and how many are unread. */}
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 && (
        <span className="notifications-link__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
