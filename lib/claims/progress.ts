import type { ClaimState, Verdict } from "@/lib/generated/prisma/enums";

/** How far an article's fact-check has come: claims by workflow state and by verdict. */
export type ClaimCounts = Record<ClaimState, number> & { total: number };
export type VerdictCounts = Record<Verdict | "UNRATED", number>;

export interface ClaimProgress {
  byState: ClaimCounts;
  byVerdict: VerdictCounts;
}

/** Counts rows of { state, verdict } (each standing for `count` claims, 1 if not given). */
export function countClaims(rows: Iterable<{ state: ClaimState; verdict: Verdict | null; count?: number }>): ClaimProgress {
  const byState: ClaimCounts = { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, total: 0 };
  const byVerdict: VerdictCounts = {
    FALSE: 0,
    MOSTLY_FALSE: 0,
    MIXED: 0,
    MOSTLY_TRUE: 0,
    TRUE: 0,
    MISLEADING: 0,
    UNVERIFIABLE: 0,
    UNRATED: 0,
  };
  for (const { state, verdict, count = 1 } of rows) {
    byState[state] += count;
    byState.total += count;
    byVerdict[verdict ?? "UNRATED"] += count;
  }
  return { byState, byVerdict };
}
