import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import { decodeSessionToken } from "@/lib/auth/session-token";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The session, read straight from its cookie (next-auth's getToken). getServerSession would
 * also make a CSRF token and encrypt a renewed session into a cookie that pages cannot set
 * anyway, on every request. Only the cookies are handed over: only a cookie carries a session.
 * A cookie is decoded once per process (decodeSessionToken).
 */
const getSession = cache(async (): Promise<{ uid?: string; sv?: number } | null> => {
  const cookieValues = Object.fromEntries((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
  const request = { cookies: cookieValues, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  return getToken({ req: request, secret: authOptions.secret, decode: decodeSessionToken });
});

/**
 * The signed-in user, read from the database on every request: a disabled user, or a
 * session older than the user's last password reset or role change, is signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getSession();
  if (!session?.uid) return null;
  // Every request asks this: one plain read (see queryRows).
  const [user] = await queryRows<Actor & { disabledAt: Date | null; sessionVersion: number }>(Prisma.sql`
    SELECT id, name, email, role, "disabledAt", "sessionVersion" FROM "User" WHERE id = ${session.uid}`);
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

/** Whether the session's cookie (valid, but no longer counting) belongs to a user who has been disabled. */
export async function isSessionUserDisabled(): Promise<boolean> {
  const session = await getSession();
  if (!session?.uid) return false;
  const [user] = await queryRows<{ disabledAt: Date | null }>(Prisma.sql`SELECT "disabledAt" FROM "User" WHERE id = ${session.uid}`);
  return Boolean(user?.disabledAt);
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (user) return user;
  // A session that no longer counts (disabled, reset, role changed) gets an explanation.
  redirect((await getSession()) ? "/session-ended" : "/login");
}
