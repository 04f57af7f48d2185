import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";
import { withClaimInPassages, type AnsweredClaim } from "@/components/reader/use-reader-claims";
import { testClaimSummary } from "@/components/reader/test-claim-summary";

// This article's passages: two cited by claim c1 (from anywhere), one by claim c2.
function passage(id: string, claimId: string): PassageSummary {
  return {
    id,
    stance: "SUPPORTS",
    startOffset: 0,
    endOffset: 9,
    exact: "Jobs rose",
    prefix: "",
    suffix: ".",
    anchorStatus: "ANCHORED",
    claim: { id: claimId, restatement: "Jobs rose.", verdict: null, state: "DRAFT", articleId: "a2", articleTitle: "Elsewhere" },
  };
}
const passages = [passage("e1", "c1"), passage("e2", "c2"), passage("e3", "c1")];

function answered(overrides: Partial<ClaimSummary>, evidenceIds: string[]): AnsweredClaim {
  return {
    ...testClaimSummary({ restatement: "Jobs rose by 2%.", version: 4, evidenceCount: evidenceIds.length, ...overrides }),
    evidence: evidenceIds.map((id) => ({ id })),
  };
}

describe("withClaimInPassages", () => {
  it("tells the changed claim's restatement, verdict and state on the passages it cites, and leaves the others' alone", () => {
    const next = withClaimInPassages(passages, answered({}, ["e1", "e3", "x9"]));
    expect(next.map((p) => [p.id, p.claim.restatement, p.claim.verdict, p.claim.state])).toEqual([
      ["e1", "Jobs rose by 2%.", "FALSE", "SUBMITTED"],
      ["e2", "Jobs rose.", null, "DRAFT"],
      ["e3", "Jobs rose by 2%.", "FALSE", "SUBMITTED"],
    ]);
    expect(next[1]).toBe(passages[1]);
    expect(next[0].claim.articleTitle).toBe("Elsewhere");
  });

  it("drops the passages the claim no longer cites (its evidence removed)", () => {
    expect(withClaimInPassages(passages, answered({}, ["e3"])).map((p) => p.id)).toEqual(["e2", "e3"]);
  });

  it("returns the same list when no passage here is the claim's", () => {
    expect(withClaimInPassages(passages, answered({ id: "c9" }, []))).toBe(passages);
  });
});
