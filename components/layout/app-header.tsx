import Link from "next/link";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import { Brand } from "@/components/layout/brand";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SearchBox } from "@/components/search/search-box";
import { HeaderMenu } from "@/components/layout/header-menu";
import { NotificationsLink } from "@/components/notifications/notifications-link";

export function AppHeader({ user, unread }: { user: Actor; unread: number }) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Brand />
        <HeaderMenu>
          <nav className="app-nav" aria-label="Main">
            <NavLink href="/articles">Articles</NavLink>
            <NavLink href="/home">My work</NavLink>
            <NavLink href="/search">Search</NavLink>
            {hasRole(user, "EDITOR") && <NavLink href="/queue">Review queue</NavLink>}
            {hasRole(user, "EDITOR") && <NavLink href="/agreement">Agreement</NavLink>}
            {hasRole(user, "ADMIN") && <NavLink href="/admin/users">Users</NavLink>}
            {hasRole(user, "ADMIN") && <NavLink href="/admin/organisation">Organisation</NavLink>}
          </nav>
          <SearchBox />
          <div className="user-box">
            <NotificationsLink unread={unread} />
            <Link className="user-box__name" href="/account" data-testid="current-user" title="Your account and API tokens">
              {user.name}
            </Link>
            <span className="role-badge" data-testid="current-role">
              {ROLE_LABELS[user.role]}
            </span>
            <SignOutButton />
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
