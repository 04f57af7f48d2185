import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { visibleClaimWhere, visibleIndependentVerdictWhere } from "@/lib/auth/visibility";
import { userRef } from "@/lib/claims/shapes";
import { isOpen, isUnderway } from "@/lib/rounds/rules";
import type { Disagreement, RoundView } from "@/lib/rounds/types";

/**
 * Reading rounds. Who sits on a panel and who has submitted is read by anyone who may see
 * the claim; the verdicts' values only through visibleIndependentVerdictWhere (the blind rule).
 */

/** The rounds of a claim the actor may see, newest first, as the claim panel shows them. */
export async function listRoundsOfClaim(actor: Actor, claimId: string): Promise<RoundView[]> {
  const [rounds, readable] = await Promise.all([
    prisma.verdictRound.findMany({
      where: { claimId, claim: visibleClaimWhere(actor) },
      select: {
        id: true,
        requiredCount: true,
        openedAt: true,
        closedAt: true,
        reconciledAt: true,
        finalVerdict: true,
        reconcileNote: true,
        openedBy: userRef,
        closedBy: userRef,
        reconciledBy: userRef,
        verdicts: { select: { reviewer: userRef, submittedAt: true }, orderBy: { reviewer: { name: "asc" } } },
      },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    }),
    prisma.independentVerdict.findMany({
      where: { round: { claimId }, submittedAt: { not: null }, ...visibleIndependentVerdictWhere(actor) },
      select: { roundId: true, reviewerId: true, verdict: true, rationale: true },
    }),
  ]);
  const editor = hasRole(actor, "EDITOR");
  return rounds.map(({ verdicts, ...round }) => {
    const seats = verdicts.map(({ reviewer, submittedAt }) => {
      const value = readable.find((v) => v.roundId === round.id && v.reviewerId === reviewer.id);
      return { reviewer, submittedAt, verdict: value?.verdict ?? null, rationale: value?.rationale ?? null };
    });
    const mine = seats.find((seat) => seat.reviewer.id === actor.id);
    return {
      ...round,
      seats,
      mayGiveVerdict: isOpen(round) && mine !== undefined && mine.submittedAt === null,
      mayClose: editor && isOpen(round),
      mayReconcile: editor && !isOpen(round) && isUnderway(round),
    };
  });
}

/**
 * For the review queue: of these claims, those whose latest revealed round has verdicts that
 * differ, with each verdict's count ("False ×2, Mostly false ×1").
 */
export async function disagreementsOf(actor: Actor, claimIds: string[]): Promise<Map<string, Disagreement>> {
  const verdicts = await prisma.independentVerdict.findMany({
    where: { round: { claimId: { in: claimIds }, closedAt: { not: null } }, verdict: { not: null }, ...visibleIndependentVerdictWhere(actor) },
    select: { verdict: true, round: { select: { id: true, claimId: true, closedAt: true } } },
  });
  const latest = new Map<string, { roundId: string; closedAt: Date }>();
  for (const { round } of verdicts) {
    const seen = latest.get(round.claimId);
    if (!seen || round.closedAt! > seen.closedAt) latest.set(round.claimId, { roundId: round.id, closedAt: round.closedAt! });
  }
  const result = new Map<string, Disagreement>();
  for (const [claimId, { roundId }] of latest) {
    const counts = new Map<string, number>();
    for (const v of verdicts) if (v.round.id === roundId) counts.set(v.verdict!, (counts.get(v.verdict!) ?? 0) + 1);
    if (counts.size < 2) continue;
    result.set(claimId, { roundId, counts: [...counts].map(([verdict, count]) => ({ verdict, count })).sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)) });
  }
  return result;
}

/** The rounds under way on a claim (in a transaction that is about to change its verdict). */
export function roundsUnderwayOf(tx: Pick<typeof prisma, "verdictRound">, claimId: string) {
  return tx.verdictRound.findMany({ where: { claimId, reconciledAt: null }, select: { closedAt: true, reconciledAt: true } });
}
