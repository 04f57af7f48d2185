import type { ClaimSummary } from "@/lib/claims/types";

/** A claim as the reader lists it, for the reader's unit tests: a submitted claim on "Jobs rose", changed by `overrides`. */
export function testClaimSummary(overrides: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    id: "c1",
    restatement: "Jobs rose.",
    verdict: "FALSE",
    state: "SUBMITTED",
    version: 3,
    startOffset: 0,
    endOffset: 9,
    anchorStatus: "ANCHORED",
    author: { id: "u1", name: "Rita Reviewer" },
    assignee: null,
    tags: [],
    evidenceCount: 0,
    commentCount: 0,
    ...overrides,
  };
}
