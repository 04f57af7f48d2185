import { anchor } from "./anchor";
import { AMBIGUOUS_FAMILIES, editedCases, peerCases } from "./peer-cases";
import { hypothesisStyleAnchor } from "./peer-cases/hypothesis-style";
import { landing, outcomeOf, rightAnswers, tallyByFamily } from "./peer-cases/outcomes";

// Issue 21's goals on the peers' test data and its edit families (see peer-cases/index.ts).
const cases = [...peerCases(), ...editedCases()];
const verity = tallyByFamily(cases, (c) => landing(anchor(c.text, c.selectors)));
const baseline = tallyByFamily(cases, hypothesisStyleAnchor);
const families = [...verity.keys()];

describe("anchoring on the peers' cases and their edits", () => {
  it("has every family, each with cases", () => {
    expect(families).toEqual(
      expect.arrayContaining([
        "hypothesis cases",
        "annotator cases",
        "character changed",
        "word changed",
        "sentence deleted",
        "word inserted before",
        "quote wrapped",
        "copy elsewhere, original changed",
        "whitespace changed",
        "whole passage copied",
      ]),
    );
    for (const family of families) expect(Object.values(verity.get(family)!).reduce((a, b) => a + b)).toBeGreaterThan(0);
  });

  it.each(families.filter((family) => !AMBIGUOUS_FAMILIES.includes(family)))("never lands on the wrong words: %s", (family) => {
    const misplaced = cases.filter((c) => c.family === family && outcomeOf(c, landing(anchor(c.text, c.selectors))) === "misplaced").map((c) => c.name);
    expect(misplaced).toEqual([]);
  });

  it.each(families)("gets at least as many right answers as the Hypothesis-style matcher: %s", (family) => {
    expect(rightAnswers(verity.get(family)!)).toBeGreaterThanOrEqual(rightAnswers(baseline.get(family)!));
  });

  it("says why a span between two equally good places is orphaned", () => {
    const yada = cases.find((c) => c.name === "annotator text-quote: two matches in one node")!;
    expect(anchor(yada.text, yada.selectors)).toEqual({ status: "orphaned", reason: "ambiguous: 2 places" });
  });
});
