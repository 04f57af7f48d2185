import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { deskFigures, type DeskFigures } from "@/lib/agreement/desk-figures";

/** How many weeks the desk dashboard looks back. */
export const DESK_WEEKS = 8;

/**
 * The desk dashboard (editors): the claims marked over the last weeks, by the state they are
 * in now; the time from marking to approval; the age of the review queue.
 */
export async function loadDesk(actor: Actor, now = new Date()): Promise<DeskFigures> {
  assertRole(actor, "EDITOR");
  const since = new Date(now.getTime() - DESK_WEEKS * 7 * 24 * 3600 * 1000);
  const [marked, approved, queue] = await Promise.all([
    prisma.claim.findMany({ where: { createdAt: { gte: since }, ...visibleClaimWhere(actor) }, select: { createdAt: true, state: true } }),
    prisma.claim.findMany({ where: { approvedAt: { gte: since }, ...visibleClaimWhere(actor) }, select: { createdAt: true, approvedAt: true } }),
    prisma.claim.findMany({ where: { state: "SUBMITTED", article: { retiredAt: null } }, select: { submittedAt: true } }),
  ]);
  return deskFigures({
    now,
    weeks: DESK_WEEKS,
    marked: marked as { createdAt: Date; state: ClaimState }[],
    approvals: approved.map((claim) => claim.approvedAt!.getTime() - claim.createdAt.getTime()),
    queueSince: queue.flatMap((claim) => (claim.submittedAt ? [claim.submittedAt] : [])),
  });
}
