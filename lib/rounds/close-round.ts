import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isOpen } from "@/lib/rounds/rules";
import { lockRound, revealRound } from "@/lib/rounds/reveal";
import type { CloseRoundInput } from "@/lib/rounds/schemas";

/** An editor closes a round before every verdict is in: what was given is revealed; the missing seats stay empty. */
export async function closeRound(actor: Actor, input: CloseRoundInput): Promise<{ claimId: string; articleId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    await lockRound(tx, input.roundId);
    const round = await tx.verdictRound.findFirst({
      where: { id: input.roundId, claim: visibleClaimWhere(actor) },
      select: { id: true, claimId: true, closedAt: true, claim: { select: { articleId: true } } },
    });
    if (!round) throw new NotFoundError("That round");
    if (!isOpen(round)) throw new ForbiddenError("This round is already closed.");
    await revealRound(tx, round, actor.id, actor.id);
    return { claimId: round.claimId, articleId: round.claim.articleId };
  });
}
