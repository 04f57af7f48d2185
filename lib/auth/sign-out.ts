import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";

/**
 * Signing out revokes the session token, not only its cookie: the user's session version
 * goes up, so a copy of the token (which stays valid for its lifetime) stops counting on
 * its next request. The version is per user, so this ends the user's other sessions too.
 * A token that no longer counts changes nothing.
 */
export async function endSessions(db: Db, session: { uid?: string; sv?: number } | null) {
  if (typeof session?.uid !== "string" || typeof session.sv !== "number") return;
  const { uid, sv } = session;
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: uid, sessionVersion: sv }, data: { sessionVersion: { increment: 1 } } });
    if (count === 1) await recordAudit(tx, { actorId: uid, action: "user.sign_out", entityType: "User", entityId: uid });
  });
}
