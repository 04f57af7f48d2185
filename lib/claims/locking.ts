import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertMayChange } from "@/lib/claims/permissions";
import { userRef } from "@/lib/claims/shapes";
import type { ClaimConflict } from "@/lib/claims/types";

/**
 * Optimistic locking of claims: every change names the version the user read, and a
 * change to an older version is refused with the claim as it is now. Claim writes,
 * evidence, the workflow and same-claim links all go through these.
 */

const CONFLICT =
  "Someone else changed this claim since you opened it. Their version is shown; review it and save again.";

const changeSelect = {
  id: true,
  articleId: true,
  authorId: true,
  state: true,
  version: true,
  restatement: true,
  verdict: true,
  rationale: true,
  claimant: true,
  claimantKind: true,
  claimDate: true,
  appearanceUrl: true,
  exact: true,
  verdictProposedById: true,
} as const satisfies Prisma.ClaimSelect;

/**
 * The claim as the actor may see it, after checking they may make this change and that
 * they are changing the version they read. NotFound, then Forbidden, then Conflict.
 */
export async function claimToChange(
  tx: Tx,
  actor: Actor,
  claimId: string,
  version: number,
  change: Parameters<typeof assertMayChange>[2],
) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, ...visibleClaimWhere(actor) }, select: changeSelect });
  if (!claim) throw new NotFoundError("That claim");
  assertMayChange(actor, claim, change);
  if (claim.version !== version) throw await conflict(tx, actor, claimId);
  return claim;
}

/**
 * Moves the claim to the next version if it is still at the one the user read. A change
 * committed in between (even one that started after our read) makes this match no row.
 */
export async function bumpVersion(
  tx: Tx,
  actor: Actor,
  claimId: string,
  version: number,
  data: Prisma.ClaimUncheckedUpdateManyInput = {},
) {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflict(tx, actor, claimId);
  return version + 1;
}

/** The error for a stale version, carrying the claim as it is now (or NotFound if it was deleted). */
export async function conflict(tx: Tx, actor: Actor, claimId: string) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, ...visibleClaimWhere(actor) },
    select: { version: true, restatement: true, verdict: true, rationale: true, state: true, updatedAt: true },
  });
  if (!claim) return new NotFoundError("That claim");
  const latest = await tx.auditEvent.findFirst({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "desc" },
    select: { actor: userRef },
  });
  const current: ClaimConflict = { ...claim, updatedBy: latest?.actor ?? null };
  return new ConflictError(CONFLICT, current);
}
