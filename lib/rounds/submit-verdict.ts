import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isOpen } from "@/lib/rounds/rules";
import { assertChoosable } from "@/lib/ratings/rules";
import { lockRound, revealRound } from "@/lib/rounds/reveal";
import type { SubmitIndependentVerdictInput } from "@/lib/rounds/schemas";

/**
 * A reviewer on a round's panel gives their verdict and rationale, once. The audit event
 * records that they did, not what they said (lib/rounds/reveal.ts records that). The last
 * verdict reveals the round. Returns whether it did, and the claim's article.
 */
export async function submitIndependentVerdict(actor: Actor, input: SubmitIndependentVerdictInput): Promise<{ revealed: boolean; claimId: string; articleId: string }> {
  return prisma.$transaction(async (tx) => {
    await lockRound(tx, input.roundId);
    const round = await tx.verdictRound.findFirst({
      where: { id: input.roundId, claim: visibleClaimWhere(actor) },
      select: { id: true, claimId: true, closedAt: true, reconciledAt: true, claim: { select: { articleId: true } }, verdicts: { select: { id: true, reviewerId: true, submittedAt: true } } },
    });
    if (!round) throw new NotFoundError("That round");
    const seat = round.verdicts.find((v) => v.reviewerId === actor.id);
    if (!seat) throw new ForbiddenError("You are not on this claim's panel.");
    if (!isOpen(round)) throw new ForbiddenError("This round is closed: its verdicts have been revealed.");
    if (seat.submittedAt) throw new ForbiddenError("You have already given your verdict in this round.");

    await assertChoosable(tx, "verdict", input.verdict);
    await tx.independentVerdict.update({ where: { id: seat.id }, data: { verdict: input.verdict, rationale: input.rationale, submittedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "round.submit_verdict", entityType: "Claim", entityId: round.claimId, after: { roundId: round.id } });
    const revealed = round.verdicts.every((v) => v.id === seat.id || v.submittedAt !== null);
    if (revealed) await revealRound(tx, round, actor.id, null);
    return { revealed, claimId: round.claimId, articleId: round.claim.articleId };
  });
}
