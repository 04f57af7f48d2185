import type { ClaimState } from "@/lib/generated/prisma/enums";
import { UNRATED, type RatingId } from "@/lib/ratings/types";

/** How far an article's fact-check has come: claims by workflow state and by verdict. */
export type ClaimCounts = Record<ClaimState, number> & { total: number };
/** Claims per rating id (UNRATED.id for none); a rating no claim has is left out. */
export type VerdictCounts = Record<RatingId, number>;

export interface ClaimProgress {
  byState: ClaimCounts;
  byVerdict: VerdictCounts;
}

/** Counts rows of { state, verdict } (each standing for `count` claims, 1 if not given). */
export function countClaims(rows: Iterable<{ state: ClaimState; verdict: RatingId | null; count?: number }>): ClaimProgress {
  const byState: ClaimCounts = { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, total: 0 };
  const byVerdict: VerdictCounts = {};
  for (const { state, verdict, count = 1 } of rows) {
    byState[state] += count;
    byState.total += count;
    const key = verdict ?? UNRATED.id;
    byVerdict[key] = (byVerdict[key] ?? 0) + count;
  }
  return { byState, byVerdict };
}
