import { describeSpan } from "@/lib/anchoring";
import { EDIT_CASES, EDIT_FAMILIES, runEditCase, seedText, type EditOutcome } from "@/lib/versions/edit-cases";
import { reanchorSpans, typographyOnly, type StoredSpan } from "@/lib/versions/reanchor";
import { mapOffset, textChanges } from "@/lib/versions/text-changes";

function spanOf(text: string, quote: string): StoredSpan {
  const start = text.indexOf(quote);
  const { quote: q } = describeSpan(text, start, start + quote.length);
  return { startOffset: start, endOffset: start + quote.length, exact: q.exact, prefix: q.prefix, suffix: q.suffix };
}

describe("mapOffset", () => {
  const changes = textChanges("The port will create 2,000 jobs next year.", "The new port will create 3,000 jobs next year.");

  it("moves offsets in shared text by what was inserted before them", () => {
    expect(mapOffset(changes, 4, "start")).toBe(8); // "port"
    expect(mapOffset(changes, 42, "end")).toBe(46); // the end
  });

  it("takes a span's edges inside changed text to the edges of the change", () => {
    const old = "The port will create 2,000 jobs next year.";
    const replaced = textChanges(old, "The new port will create some jobs next year.");
    const start = old.indexOf("2,000");
    // "2,000" was replaced by "some": a start inside it goes to the change's start, an end to its end.
    expect(mapOffset(replaced, start + 1, "start")).toBe("The new port will create ".length);
    expect(mapOffset(replaced, start + 3, "end")).toBe("The new port will create some".length);
  });
});

describe("reanchorSpans", () => {
  const old = seedText("003_2e21b0443b55ba82.txt");

  it("keeps every span of an unchanged text where it was", () => {
    const spans = ["Everything is on the table", "a rare public show of disunity"].map((q) => spanOf(old, q));
    expect(reanchorSpans(old, old, spans)).toEqual(spans.map((span) => ({ kind: "unchanged", span, method: "position" })));
  });

  it("places a claim and an evidence span of one text at once, each with new context", () => {
    const edited = `Editor’s note: updated.\n${old.replace("a rare public show of disunity", "a rare public show of division")}`;
    const [claim, evidence] = reanchorSpans(old, edited, [spanOf(old, "a rare public show of disunity"), spanOf(old, "Everything is on the table")]);
    expect(claim).toMatchObject({ kind: "changed", span: { exact: "a rare public show of division" } });
    expect(evidence).toMatchObject({ kind: "unchanged", method: "position", span: { exact: "Everything is on the table", prefix: expect.stringMatching(/borders\.\n“$/) } });
    if (evidence.kind === "orphaned") throw new Error("placed above");
    expect(edited.slice(evidence.span.startOffset, evidence.span.endOffset)).toBe("Everything is on the table");
  });

  it("says a claim whose words were all deleted is orphaned, with the reason", () => {
    const edited = old.replace("The Pentagon didn’t immediately respond to a request for comment.\n", "");
    expect(reanchorSpans(old, edited, [spanOf(old, "The Pentagon didn’t immediately respond to a request for comment.")])).toEqual([
      { kind: "orphaned", reason: "not found" },
    ]);
  });

  it("calls a span whose only change is typography retyped, not changed", () => {
    expect(typographyOnly("“a  deadly trap” — she said…")).toBe('"a deadly trap" - she said...');
    const edited = old.replaceAll("“", '"').replaceAll("”", '"');
    const [placement] = reanchorSpans(old, edited, [spanOf(old, "leaving the negotiations to Trump and Putin alone would be a “deadly trap.”")]);
    expect(placement).toMatchObject({ kind: "retyped", span: { exact: 'leaving the negotiations to Trump and Putin alone would be a "deadly trap."' } });
  });
});

describe("the edit set", () => {
  it("has at least 40 cases in every family of edit, each labelled once in its texts", () => {
    expect(EDIT_CASES.length).toBeGreaterThanOrEqual(40);
    for (const family of EDIT_FAMILIES) expect([family, EDIT_CASES.filter((c) => c.family === family).length >= 5]).toEqual([family, true]);
    for (const c of EDIT_CASES) expect([c.name, c.newText !== c.oldText]).toEqual([c.name, true]);
  });

  it.each(EDIT_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { outcome, placement } = runEditCase(c, reanchorSpans);
    const right: EditOutcome[] = c.expected === null ? ["orphaned"] : ["exact", "fuzzy"];
    // The placement is printed beside a wrong outcome.
    expect({ right: right.includes(outcome), outcome, placement }).toEqual({ right: true, outcome, placement });
  });

  afterAll(() => {
    const tally: Record<EditOutcome, number> = { exact: 0, fuzzy: 0, orphaned: 0, "wrongly orphaned": 0, misplaced: 0 };
    for (const c of EDIT_CASES) tally[runEditCase(c, reanchorSpans).outcome] += 1;
    console.log(`re-anchoring edit set: ${EDIT_CASES.length} claims: ${Object.entries(tally).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  });
});
