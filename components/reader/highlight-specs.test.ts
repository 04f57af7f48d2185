import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { buildTextMap } from "@/lib/anchoring";
import type { PassageSummary } from "@/lib/claims/types";
import { paragraph, type DocNode } from "@/lib/documents/schema";
import { highlightSpecs } from "@/components/reader/highlight-specs";
import { testClaimSummary } from "@/components/reader/test-claim-summary";

// Canonical text "Jobs rose.\nThe minister said so.": the second paragraph's text starts at
// offset 11 and at ProseMirror position 13 (two paragraph boundaries before it).
const doc: DocNode = { type: "doc", content: [paragraph("Jobs rose."), paragraph("The minister said so.")] };
const textMap = buildTextMap(doc);

const claim = testClaimSummary;

function passage(overrides: Partial<PassageSummary>): PassageSummary {
  return {
    id: "p1",
    stance: "CONTRADICTS",
    startOffset: 15,
    endOffset: 23,
    exact: "minister",
    prefix: "",
    suffix: "",
    anchorStatus: "ANCHORED",
    claim: { id: "c9", restatement: "No minister spoke.", verdict: null, state: "DRAFT", articleId: "a2", articleTitle: "Elsewhere" },
    ...overrides,
  };
}

describe("highlightSpecs", () => {
  it("gives nothing for an article without claims, passages or suggestions", () => {
    expect(highlightSpecs([], [], [], textMap, VERITY_CATALOGUE)).toEqual([]);
  });

  it("draws a claim by its verdict and state, with a marker naming both and the claim", () => {
    expect(highlightSpecs([claim({})], [], [], textMap, VERITY_CATALOGUE)).toEqual([
      {
        key: "claim-c1-3",
        from: 1,
        to: 10,
        className: "hl hl-claim v-rated v-FALSE hl-pending",
        style: `--v: #b42318; --v-tint: ${VERITY_CATALOGUE.ratings.FALSE.tint}`,
        marker: { text: "✗", className: "hl-marker v-rated v-FALSE", style: `--v: #b42318; --v-tint: ${VERITY_CATALOGUE.ratings.FALSE.tint}`, label: "False, submitted: Jobs rose.", data: { claim: "c1" } },
      },
    ]);
  });

  it("draws an approved claim solid and a claim without a verdict as unrated", () => {
    const [approved, unrated] = highlightSpecs([claim({ state: "APPROVED" }), claim({ id: "c2", verdict: null, state: "DRAFT" })], [], [], textMap, VERITY_CATALOGUE);
    expect(approved.className).toBe("hl hl-claim v-rated v-FALSE hl-approved");
    expect(unrated.className).toBe("hl hl-claim v-UNRATED hl-pending");
    // Unrated's colours come from its class in the stylesheet.
    expect(unrated.style).toBeUndefined();
    expect(unrated.marker).toMatchObject({ text: "○", label: "Unrated, draft: Jobs rose." });
  });

  it("keys a claim's highlight by its version, so an edited claim's marker is drawn anew", () => {
    expect(highlightSpecs([claim({ version: 4 })], [], [], textMap, VERITY_CATALOGUE)[0].key).toBe("claim-c1-4");
  });

  it("maps offsets in later blocks to their ProseMirror positions", () => {
    const [spec] = highlightSpecs([claim({ startOffset: 15, endOffset: 23 })], [], [], textMap, VERITY_CATALOGUE);
    expect({ from: spec.from, to: spec.to }).toEqual({ from: 17, to: 25 });
  });

  it("draws suggested sentences without a marker", () => {
    expect(highlightSpecs([], [], [{ start: 11, end: 32 }], textMap, VERITY_CATALOGUE)).toEqual([{ key: "suggestion-11", from: 13, to: 34, className: "hl hl-suggestion" }]);
  });

  it("draws an anchored evidence passage by its stance, with a marker naming the claim it serves", () => {
    expect(highlightSpecs([], [passage({})], [], textMap, VERITY_CATALOGUE)).toEqual([
      {
        key: "passage-p1",
        from: 17,
        to: 25,
        className: "hl hl-passage stance-CONTRADICTS",
        marker: { text: "❝", className: "hl-marker hl-marker--passage", label: "Evidence for: No minister spoke.", data: { passage: "p1" } },
      },
    ]);
  });

  it("leaves out an evidence passage that could not be placed on the text", () => {
    expect(highlightSpecs([], [passage({ anchorStatus: "ORPHANED" })], [], textMap, VERITY_CATALOGUE)).toEqual([]);
  });

  it("puts claims first, then suggestions, then passages (the later colour wins where they overlap)", () => {
    const specs = highlightSpecs([claim({})], [passage({})], [{ start: 11, end: 32 }], textMap, VERITY_CATALOGUE);
    expect(specs.map((spec) => spec.key)).toEqual(["claim-c1-3", "suggestion-11", "passage-p1"]);
  });
});

describe("sentences checked before", () => {
  it("marks the sentence with the approved verdict, said in words with where it was checked", () => {
    const [spec] = highlightSpecs([], [], [], textMap, VERITY_CATALOGUE, [
      { start: 11, end: 32, text: "The minister said so.", claimId: "c7", restatement: "The minister said so", verdict: "MOSTLY_TRUE", articleId: "a3", articleTitle: "Earlier report" },
    ]);
    expect(spec).toMatchObject({ from: 13, to: 34, className: "hl hl-checked-before v-rated v-MOSTLY_TRUE", style: `--v: #3d7a1f; --v-tint: ${VERITY_CATALOGUE.ratings.MOSTLY_TRUE.tint}` });
    expect(spec.marker).toMatchObject({
      className: "hl-marker hl-marker--checked-before v-rated v-MOSTLY_TRUE",
      label: "Checked before: Mostly true in “Earlier report”: The minister said so",
      data: { checkedBefore: "c7" },
    });
  });
});
