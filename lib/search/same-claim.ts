import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { sameClaimCandidatesStatement, similarityThresholdStatement } from "@/lib/search/statements";
import { NotFoundError } from "@/lib/errors";
import type { GroupMember, SameClaimCandidate, SameClaimView } from "@/lib/search/types";
import { SAME_CLAIM_SCORE, sameClaimMatch } from "@/lib/search/same-claim-match";

/**
 * The same claim across articles, as reviewers find it: claims whose restatements or quotes
 * are alike in letters (pg_trgm similarity, the greater of the two, at least
 * SAME_CLAIM_THRESHOLD: the search, through the trigram indexes), then read as claims
 * (same-claim-match.ts: shared figures, no other figure, direction, opposite word or swapped
 * detail) and kept at SAME_CLAIM_SCORE. Linking, unlinking and adopting a verdict are
 * claim writes (lib/claims/same-claim.ts).
 */

/**
 * The search's similarity floor: low, so that a restatement in other words ("Prime-age
 * participation hit 83.5%") is still found; the reading (sameClaimMatch) then decides. On the
 * development half of bench/quality's pairs the search and the reading, at SAME_CLAIM_SCORE, had
 * precision 0.81 at recall 0.81 (the reading's model learnt from them), where similarity at 0.3
 * with the conflict rules had 0.53 at 0.71.
 */
export const SAME_CLAIM_THRESHOLD = 0.15;
export const SAME_CLAIM_CANDIDATES = 5;
const CANDIDATE_HEADROOM = 10;

const memberSelect = {
  id: true,
  restatement: true,
  exact: true,
  verdict: true,
  state: true,
  rationale: true,
  articleId: true,
  article: { select: { title: true } },
} as const satisfies Prisma.ClaimSelect;

function toMember(row: Prisma.ClaimGetPayload<{ select: typeof memberSelect }>): GroupMember {
  return {
    id: row.id,
    restatement: row.restatement,
    exact: row.exact,
    verdict: row.verdict,
    state: row.state,
    rationale: row.rationale,
    articleId: row.articleId,
    articleTitle: row.article.title,
  };
}

/** The claim's group (without the claim) and the likely same claims elsewhere. */
export async function sameClaimView(actor: Actor, claimId: string): Promise<SameClaimView> {
  const claim = await prisma.claim.findFirst({
    where: { id: claimId, ...visibleClaimWhere(actor) },
    select: { id: true, articleId: true, restatement: true, exact: true, groupId: true },
  });
  if (!claim) throw new NotFoundError("That claim");
  const [group, candidates] = await Promise.all([
    claim.groupId
      ? prisma.claim.findMany({
          where: { groupId: claim.groupId, id: { not: claim.id }, ...visibleClaimWhere(actor) },
          select: memberSelect,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
    sameClaimCandidates(actor, claim),
  ]);
  return { group: group.map(toMember), candidates };
}

/**
 * Claims in other articles, not in this claim's group, at least SAME_CLAIM_THRESHOLD similar
 * and read as the same claim (SAME_CLAIM_SCORE); the likeliest first. The reading drops rows
 * after the search, so it asks for CANDIDATE_HEADROOM times as many.
 */
export async function sameClaimCandidates(
  actor: Actor,
  claim: { id: string; articleId: string; restatement: string; exact: string; groupId: string | null },
  limit = SAME_CLAIM_CANDIDATES,
): Promise<SameClaimCandidate[]> {
  // `%` (through the trigram indexes) finds the claims at pg_trgm.similarity_threshold or above; set for this transaction.
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw(similarityThresholdStatement(SAME_CLAIM_THRESHOLD)),
    prisma.$queryRaw<Array<SameClaimCandidate>>(sameClaimCandidatesStatement(actor, claim, SAME_CLAIM_THRESHOLD, limit * CANDIDATE_HEADROOM)),
  ]);
  return rows
    .map((row) => ({ row, score: sameClaimMatch(claim, row) }))
    .filter(({ score }) => score >= SAME_CLAIM_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ row }) => row);
}
