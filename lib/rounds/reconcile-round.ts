import { assertChoosable } from "@/lib/ratings/rules";
import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { bumpVersion, conflict } from "@/lib/claims/locking";
import { isOpen, isUnderway } from "@/lib/rounds/rules";
import { lockRound } from "@/lib/rounds/reveal";
import type { ReconcileRoundInput } from "@/lib/rounds/schemas";

/**
 * An editor weighs a revealed round's verdicts and sets the claim's final verdict and
 * rationale, with a note. The claim goes to the review queue with the reconciling editor as
 * the verdict's proposer, so another editor approves it (four-eyes rule, lib/workflow/rules.ts).
 */
export async function reconcileRound(actor: Actor, input: ReconcileRoundInput): Promise<{ version: number; claimId: string; articleId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    await lockRound(tx, input.roundId);
    const round = await tx.verdictRound.findFirst({
      where: { id: input.roundId, claim: visibleClaimWhere(actor) },
      select: {
        id: true,
        closedAt: true,
        reconciledAt: true,
        claim: { select: { id: true, articleId: true, version: true, state: true, verdict: true, rationale: true, submittedAt: true, _count: { select: { evidence: true } } } },
      },
    });
    if (!round) throw new NotFoundError("That round");
    if (isOpen(round)) throw new ForbiddenError("This round is still open: close it, or wait for every verdict, before reconciling.");
    if (!isUnderway(round)) throw new ForbiddenError("This round has already been reconciled.");
    const { claim } = round;
    if (claim.version !== input.version) throw await conflict(tx, actor, claim.id);
    if (claim.state === "APPROVED") throw new ForbiddenError("This claim is approved: reopen it before reconciling.");
    if (claim._count.evidence === 0) throw new ForbiddenError("Add at least one evidence item to the claim first: the reconciled verdict goes to the review queue.");

    await assertChoosable(tx, "verdict", input.verdict, claim.verdict);
    const now = new Date();
    const submitted = claim.state === "SUBMITTED";
    const version = await bumpVersion(tx, actor, claim.id, claim.version, {
      verdict: input.verdict,
      rationale: input.rationale,
      state: "SUBMITTED",
      submittedAt: submitted ? claim.submittedAt : now,
      reviewNote: null,
      verdictProposedById: actor.id,
      contentChangedById: actor.id,
    });
    await tx.verdictRound.update({ where: { id: round.id }, data: { reconciledAt: now, reconciledById: actor.id, finalVerdict: input.verdict, reconcileNote: input.note } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "round.reconcile",
      entityType: "Claim",
      entityId: claim.id,
      before: { verdict: claim.verdict, rationale: claim.rationale, state: claim.state, version: claim.version },
      after: { roundId: round.id, verdict: input.verdict, rationale: input.rationale, state: "SUBMITTED", version, note: input.note },
    });
    return { version, claimId: claim.id, articleId: claim.articleId };
  });
}
