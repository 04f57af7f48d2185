import "server-only";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";

/**
 * Reveals a round: from now on everyone who may see its claim reads its verdicts
 * (lib/auth/visibility.ts). The audit event is the first to carry the verdicts' values, so
 * neither the history nor the audit log held them while the round was blind.
 * `closedById` is the editor who closed it early, or null when the last verdict came in.
 */
export async function revealRound(tx: Tx, round: { id: string; claimId: string }, actorId: string, closedById: string | null) {
  const closedAt = new Date();
  await tx.verdictRound.update({ where: { id: round.id }, data: { closedAt, closedById } });
  const seats = await tx.independentVerdict.findMany({
    where: { roundId: round.id },
    select: { verdict: true, reviewer: { select: { id: true, name: true } } },
    orderBy: { reviewer: { name: "asc" } },
  });
  await recordAudit(tx, {
    actorId,
    action: "round.reveal",
    entityType: "Claim",
    entityId: round.claimId,
    after: { roundId: round.id, closedEarly: closedById !== null, verdicts: seats.map((seat) => ({ reviewer: seat.reviewer, verdict: seat.verdict })) },
  });
}

/** Holds the round's row until the transaction ends, so two last verdicts (or a verdict and a close) cannot both reveal it. */
export async function lockRound(tx: Tx, roundId: string) {
  await tx.$queryRaw`SELECT id FROM "VerdictRound" WHERE id = ${roundId} FOR UPDATE`;
}
