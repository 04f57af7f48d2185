import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleArticleWhere, visibleClaimWhere, visibleIndependentVerdictWhere } from "@/lib/auth/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementUnit } from "@/lib/agreement/report";
import type { AgreementFilters } from "@/lib/agreement/schemas";

/**
 * The units the agreement page measures (editors): one per revealed round of blind verdicts,
 * its reviewers the coders. Values are read through the blind rule like every other read.
 * A reviewer filter keeps the rounds that reviewer sat on, with all their panel's verdicts.
 */
export async function listAgreementUnits(actor: Actor, filters: AgreementFilters): Promise<AgreementUnit[]> {
  assertRole(actor, "EDITOR");
  const rounds = await prisma.verdictRound.findMany({
    where: roundWhere(actor, filters),
    select: {
      id: true,
      closedAt: true,
      finalVerdict: true,
      claim: { select: { id: true, articleId: true, restatement: true } },
      verdicts: {
        where: { verdict: { not: null }, ...visibleIndependentVerdictWhere(actor) },
        select: { verdict: true, reviewer: { select: { id: true, name: true } } },
        orderBy: { reviewer: { name: "asc" } },
      },
    },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
  });
  return rounds.map((round) => ({
    roundId: round.id,
    claimId: round.claim.id,
    articleId: round.claim.articleId,
    restatement: round.claim.restatement,
    closedAt: round.closedAt!,
    finalVerdict: round.finalVerdict,
    ratings: round.verdicts.map((v) => ({ reviewer: v.reviewer, verdict: v.verdict! })),
  }));
}

function roundWhere(actor: Actor, filters: AgreementFilters): Prisma.VerdictRoundWhereInput {
  return {
    closedAt: revealedWithin(filters),
    claim: {
      ...visibleClaimWhere(actor),
      ...(filters.article ? { articleId: filters.article } : {}),
      ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    },
    ...(filters.reviewer ? { verdicts: { some: { reviewerId: filters.reviewer, verdict: { not: null } } } } : {}),
  };
}

/**
 * Rounds (of verdicts or of marks) revealed within the filters' period, whole UTC days; only
 * revealed ones, whatever the period: an open round is blind.
 */
export function revealedWithin(filters: { from?: string; to?: string }): Prisma.DateTimeNullableFilter {
  const closedAt: Prisma.DateTimeNullableFilter = { not: null };
  if (filters.from) closedAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) closedAt.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 24 * 3600 * 1000);
  return closedAt;
}

/** What the filters offer: reviewers who gave verdicts or marked blind, articles with rounds of either kind, tags of claims with rounds. */
export async function agreementFilterChoices(actor: Actor) {
  assertRole(actor, "EDITOR");
  const [reviewers, articles, tagged] = await Promise.all([
    prisma.user.findMany({
      where: { OR: [{ independentVerdicts: { some: { verdict: { not: null } } } }, { markingSeats: { some: {} } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.article.findMany({
      where: { OR: [{ claims: { some: { verdictRounds: { some: {} } } } }, { markingRounds: { some: {} } }], ...visibleArticleWhere(actor) },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    prisma.claim.findMany({ where: { verdictRounds: { some: {} }, tags: { isEmpty: false } }, select: { tags: true } }),
  ]);
  return { reviewers, articles, tags: [...new Set(tagged.flatMap((claim) => claim.tags))].sort() };
}
