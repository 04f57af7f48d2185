import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user, read from the database on every request: a disabled user, or a
 * session older than the user's last password reset or role change, is signed out at once.
 */
const getSession = cache(() => getServerSession(authOptions));

export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getSession();
  if (!session?.uid) return null;
  // Every request asks this: one plain read (see queryRows).
  const [user] = await queryRows<Actor & { disabledAt: Date | null; sessionVersion: number }>(Prisma.sql`
    SELECT id, name, email, role, "disabledAt", "sessionVersion" FROM "User" WHERE id = ${session.uid}`);
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (user) return user;
  // A session that no longer counts (disabled, reset, role changed) gets an explanation.
  redirect((await getSession()) ? "/session-ended" : "/login");
}
