import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { sameClaimCandidatesStatement, similarityThresholdStatement } from "@/lib/search/statements";
import { NotFoundError } from "@/lib/errors";
import type { GroupMember, SameClaimCandidate, SameClaimView } from "@/lib/search/types";
import { claimsConflict } from "@/lib/search/claim-conflict";

/**
 * The same claim across articles, as reviewers find it: claims whose restatements or
 * quotes are similar enough (pg_trgm similarity, the greater of the two, at least
 * SAME_CLAIM_THRESHOLD) and that do not conflict with it (other figures, the opposite
 * direction: claim-conflict.ts) are offered as candidates. Linking, unlinking and adopting a
 * verdict are claim writes (lib/claims/same-claim.ts).
 */

/**
 * Tuned on lib/search/__fixtures__/same-claims.json (40 claims on the seed articles, 21
 * pairs across articles that say the same thing, 572 that do not): at 0.30 precision is
 * 0.59 and recall 0.81. The F1 optimum (0.36: 0.88 and 0.71) misses a third more of the
 * true pairs; a candidate costs the reviewer a glance, a missed one a whole check, so the
 * threshold leans to recall. It is also pg_trgm's default similarity_threshold.
 */
export const SAME_CLAIM_THRESHOLD = 0.3;
export const SAME_CLAIM_CANDIDATES = 5;
const CONFLICT_HEADROOM = 3;

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
 * and not in conflict with it; most similar first. Conflicting claims are dropped after the
 * search, so it asks for CONFLICT_HEADROOM times as many.
 */
export async function sameClaimCandidates(
  actor: Actor,
  claim: { id: string; articleId: string; restatement: string; exact: string; groupId: string | null },
  limit = SAME_CLAIM_CANDIDATES,
): Promise<SameClaimCandidate[]> {
  // `%` (through the trigram indexes) finds the claims at pg_trgm.similarity_threshold or above; set for this transaction.
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw(similarityThresholdStatement(SAME_CLAIM_THRESHOLD)),
    prisma.$queryRaw<Array<SameClaimCandidate>>(sameClaimCandidatesStatement(actor, claim, SAME_CLAIM_THRESHOLD, limit * CONFLICT_HEADROOM)),
  ]);
  const stated = `${claim.restatement} ${claim.exact}`;
  return rows.filter((row) => !claimsConflict(stated, `${row.restatement} ${row.exact}`)).slice(0, limit);
}
