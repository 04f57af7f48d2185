import { strength } from "@/lib/search/strength";

describe("strength", () => {
  it.each([
    ["check-worthiness", 0.5, 1, "Possibly check-worthy"],
    ["check-worthiness", 0.71, 2, "Likely check-worthy"],
    ["check-worthiness", 0.992, 3, "Very likely check-worthy"],
    ["evidence-match", 0.4, 1, "Partial match"],
    ["evidence-match", 1.2, 2, "Good match"],
    ["evidence-match", 1.98, 3, "Strong match"],
    ["same-claim", 0.31, 1, "Some wording in common"],
    ["same-claim", 0.55, 2, "Similar wording"],
    ["same-claim", 0.9, 3, "Nearly the same wording"],
  ] as const)("puts a %s score of %p at level %p: %s", (kind, score, level, words) => {
    expect(strength(kind, score)).toMatchObject({ level, words });
  });

  it("says what each kind of score measures, in words with no number", () => {
    for (const kind of ["check-worthiness", "evidence-match", "same-claim"] as const) {
      expect(strength(kind, 1).explanation).not.toMatch(/\d/);
    }
  });
});
