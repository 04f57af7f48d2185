import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import fc from "fast-check";
import { canonicalText, describeSpan, isValidSpan } from "@/lib/anchoring";
import { unicodeText } from "@/lib/anchoring/test-fixtures";
import type { DocNode } from "@/lib/documents/schema";
import type { ExportModel } from "@/lib/export/model";
import { fixtureModel } from "@/lib/export/test-fixture";
import { planAnnotationImport } from "@/lib/export/import-annotations";
import { toAnnotationCollection } from "@/lib/export/web-annotation";

/**
 * W3C positions count code points, Verity's offsets UTF-16 code units: an export read back
 * lands on the very span it was made from, in text full of emoji, astral CJK and combining
 * marks; and a file counting in code units (as Hypothesis writes them) lands there too.
 */

/** An article of paragraphs of such text, and a span of it (given as code-point offsets, so it never cuts a character). */
const articleWithSpan = fc
  .array(unicodeText({ lines: false, minLength: 1 }), { minLength: 1, maxLength: 4 })
  .chain((paragraphs) => {
    const doc: DocNode = { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
    const text = canonicalText(doc);
    const length = [...text].length;
    return fc.tuple(fc.constant(doc), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }));
  })
  .map(([doc, a, b]) => {
    const text = canonicalText(doc);
    const units = (codePoints: number) => [...text].slice(0, codePoints).join("").length;
    return { doc, text, start: units(Math.min(a, b - 1)), end: units(Math.max(a + 1, b)) };
  })
  .filter(({ text, start, end }) => isValidSpan(text, start, end));

function modelWithClaim(doc: DocNode, text: string, start: number, end: number): ExportModel {
  const model = fixtureModel();
  const { quote } = describeSpan(text, start, end);
  const claim = { ...model.claims[0], startOffset: start, endOffset: end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, evidence: [], sameClaim: [] };
  return { ...model, article: { ...model.article, body: doc, text }, claims: [claim] };
}

/** The export as a file: JSON text, read back. */
const asFile = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("positions at the export and import boundary", () => {
  it("exports positions in code points that select the claim's text", () => {
    fc.assert(
      fc.property(articleWithSpan, ({ doc, text, start, end }) => {
        const collection = toAnnotationCollection(modelWithClaim(doc, text, start, end));
        const [annotation] = (collection.first as { items: Array<{ target: { selector: Array<{ start: number; end: number }> } }> }).items;
        const [position] = annotation.target.selector;
        expect([...text].slice(position.start, position.end).join("")).toBe(text.slice(start, end));
      }),
    );
  });

  it("reads an export back onto the same span, by its position", async () => {
    await fc.assert(
      fc.asyncProperty(articleWithSpan, async ({ doc, text, start, end }) => {
        const plan = await planAnnotationImport(text, asFile(toAnnotationCollection(modelWithClaim(doc, text, start, end))), VERITY_CATALOGUE.choices);
        expect(plan.claims.map((claim) => [claim.start, claim.end, claim.method])).toEqual([[start, end, "position"]]);
      }),
    );
  });

  it("reads positions in UTF-16 code units too, when only they select the quote", async () => {
    await fc.assert(
      fc.asyncProperty(articleWithSpan, async ({ doc, text, start, end }) => {
        const file = asFile(toAnnotationCollection(modelWithClaim(doc, text, start, end)));
        file.first.items[0].target.selector[0] = { type: "TextPositionSelector", start, end };
        const plan = await planAnnotationImport(text, file, VERITY_CATALOGUE.choices);
        expect(plan.claims.map((claim) => [claim.start, claim.end, claim.method])).toEqual([[start, end, "position"]]);
      }),
    );
  });

  it("reads a code-unit position by its quote's context when both readings select the same word", async () => {
    // Hypothesis counts code units: [2, 3) is the first "Z"; read as code points it is the second "Z".
    const doc: DocNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "𠀀ZZZ 😀" }] }] };
    const text = canonicalText(doc);
    const file = asFile(toAnnotationCollection(modelWithClaim(doc, text, 2, 3)));
    file.first.items[0].target.selector[0] = { type: "TextPositionSelector", start: 2, end: 3 };
    const plan = await planAnnotationImport(text, file, VERITY_CATALOGUE.choices);
    expect(plan.claims.map((claim) => [claim.start, claim.end, claim.prefix, claim.method])).toEqual([[2, 3, "𠀀", "position"]]);
  });

  it("lands a claim after an emoji exactly, where a code-unit reading of its position would be one off", async () => {
    const doc: DocNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Ships 🚢 sail. Ships 🚢 sail." }] }] };
    const text = canonicalText(doc);
    const start = text.lastIndexOf("Ships");
    const collection = asFile(toAnnotationCollection(modelWithClaim(doc, text, start, start + "Ships 🚢 sail.".length)));
    expect(collection.first.items[0].target.selector[0]).toEqual({ type: "TextPositionSelector", start: 14, end: 27 });
    expect(text.slice(14, 27)).not.toBe("Ships 🚢 sail.");
    const plan = await planAnnotationImport(text, collection, VERITY_CATALOGUE.choices);
    expect(plan.claims).toEqual([expect.objectContaining({ start: 15, end: 29, exact: "Ships 🚢 sail.", method: "position" })]);
  });
});
