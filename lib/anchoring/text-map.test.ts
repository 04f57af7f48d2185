import fc from "fast-check";
import { canonicalText } from "./canonical-text";
import { buildTextMap, offsetToPosition, offsetsToRange, positionToOffset, rangeToOffsets, type Side } from "./text-map";
import { heading, paragraph, type BlockNode, type DocNode, type InlineNode, type ListItemNode, type Mark } from "../documents/schema";

const doc = (...content: BlockNode[]): DocNode => ({ type: "doc", content });
const p = (...content: InlineNode[]): BlockNode => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const text = (t: string, marks?: Mark[]): InlineNode => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });
const br: InlineNode = { type: "hardBreak" };
const li = (...content: BlockNode[]): ListItemNode => ({ type: "listItem", content });

/**
 * An independent model of ProseMirror's positions, from node sizes (a leaf's
 * size is its length or 1, a branch's is 2 + its content's) rather than the
 * module's token counting: each textblock's content start, and the position
 * and character of every UTF-16 unit in it (a hardBreak is "\n").
 */
function reference(d: DocNode) {
  const size = (node: BlockNode | ListItemNode | InlineNode): number =>
    node.type === "text" ? node.text.length : node.type === "hardBreak" ? 1 : 2 + (node.content ?? []).map(size).reduce((a, b) => a + b, 0);
  const blocks: Array<{ start: number; units: Array<{ pos: number; char: string }> }> = [];
  const visit = (nodes: Array<BlockNode | ListItemNode>, contentStart: number) => {
    let pos = contentStart;
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") {
        const units: Array<{ pos: number; char: string }> = [];
        let at = pos + 1;
        for (const inline of node.content ?? []) {
          for (const char of inline.type === "text" ? inline.text.split("") : ["\n"]) units.push({ pos: at++, char });
        }
        blocks.push({ start: pos + 1, units });
      } else {
        visit(node.content, pos + 1);
      }
      pos += size(node);
    }
  };
  visit(d.content, 0);
  return { blocks, size: d.content.map(size).reduce((a, b) => a + b, 0) };
}

/** ProseMirror-like textBetween(from, to, "\n") over the model, keeping empty blocks as the canonical text does. */
function textBetween(d: DocNode, from: number, to: number): string {
  return reference(d)
    .blocks.filter((b) => b.start + b.units.length >= from && b.start <= to)
    .map((b) => b.units.filter((u) => u.pos >= from && u.pos < to).map((u) => u.char).join(""))
    .join("\n");
}

// Text fragments covering the awkward cases: astral emoji (with a skin tone
// modifier and a ZWJ sequence), combining marks, RTL scripts, curly quotes,
// NBSP, dashes.
const FRAGMENTS = ["a", "Z", " ", "word ", "é", "e\u0301", "😀", "👍🏽", "👨‍👩‍👧", "مرحبا", "שָׁלוֹם", "“", "”", "’", "\u00a0", "—", "7", "."];
const textArb = fc.string({ unit: fc.constantFrom(...FRAGMENTS), minLength: 1, maxLength: 5 });
const marksArb = fc.constantFrom<Mark[] | undefined>(undefined, [{ type: "bold" }], [{ type: "italic" }, { type: "link", attrs: { href: "https://example.org" } }]);
const inlineArb: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(textArb, marksArb).map(([t, marks]) => text(t, marks)) },
  { weight: 1, arbitrary: fc.constant(br) },
);
const textblockArb: fc.Arbitrary<BlockNode> = fc
  .tuple(fc.boolean(), fc.array(inlineArb, { maxLength: 4 }))
  .map(([isHeading, content]) => {
    const base = isHeading ? heading(2, "") : paragraph("");
    return content.length ? { ...base, content } : base;
  });

function blockArb(depth: number): fc.Arbitrary<BlockNode> {
  if (depth === 0) return textblockArb;
  const child = blockArb(depth - 1);
  const children = fc.array(child, { minLength: 1, maxLength: 3 });
  const items = fc.array(children.map((content) => li(...content)), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: textblockArb },
    { weight: 1, arbitrary: children.map((content): BlockNode => ({ type: "blockquote", content })) },
    { weight: 1, arbitrary: items.map((content): BlockNode => ({ type: "bulletList", content })) },
    { weight: 1, arbitrary: items.map((content): BlockNode => ({ type: "orderedList", attrs: { start: 2 }, content })) },
  );
}

const docArb = fc.array(blockArb(3), { maxLength: 6 }).map((content) => doc(...content));
const RUNS = { numRuns: 400 };

describe("buildTextMap", () => {
  it("maps two paragraphs, with the separator going forward or back by side", () => {
    const map = buildTextMap(doc(paragraph("ab"), paragraph("cd"))); // "ab\ncd"; contents at 1..3 and 5..7
    expect(map.size).toBe(8);
    expect(map.textLength).toBe(5);
    expect([0, 1, 2].map((o) => offsetToPosition(map, o))).toEqual([1, 2, 5]);
    expect(offsetToPosition(map, 2, "end")).toBe(3);
    expect(offsetToPosition(map, 3, "end")).toBe(3);
    expect(offsetToPosition(map, 3, "start")).toBe(5);
    expect(offsetToPosition(map, 5, "end")).toBe(7);
    expect(offsetsToRange(map, 1, 4)).toEqual({ from: 2, to: 6 }); // "b\nc"
    expect(offsetsToRange(map, 2, 5)).toEqual({ from: 5, to: 7 }); // "\ncd": the separator has nothing to highlight
    expect(offsetsToRange(map, 2, 3)).toEqual({ from: 5, to: 5 }); // "\n" alone: empty
  });

  it("maps structural positions to the nearest text, or by side", () => {
    const map = buildTextMap(doc(paragraph("ab"), { type: "blockquote", content: [paragraph("cd")] })); // contents 1..3 and 6..8
    expect(positionToOffset(map, 0)).toBe(0);
    expect(positionToOffset(map, 4)).toBe(2); // after </p>: 1 from "ab"'s end, 2 from "cd"'s start
    expect(positionToOffset(map, 5)).toBe(3); // inside <blockquote>: nearer "cd"
    expect(positionToOffset(map, 4, "start")).toBe(3);
    expect(positionToOffset(map, 5, "end")).toBe(2);
    expect(positionToOffset(map, 10)).toBe(5);
    expect(rangeToOffsets(map, 4, 10)).toEqual({ start: 3, end: 5 }); // the whole blockquote: just "cd"
    expect(rangeToOffsets(map, 4, 5)).toEqual({ start: 3, end: 3 }); // no text in between
  });

  it("descends nested lists and blockquotes, counting a hardBreak as one position and one \\n", () => {
    const d = doc(
      paragraph("Intro"),
      {
        type: "bulletList",
        content: [li(paragraph("a"), { type: "blockquote", content: [paragraph("quoted")] }), li({ type: "orderedList", content: [li(paragraph("nested"))] })],
      },
      { type: "blockquote", content: [p(text("line", [{ type: "bold" }]), br, text("next", [{ type: "italic" }]))] },
      heading(3, "End"),
    );
    const t = canonicalText(d);
    expect(t).toBe("Intro\na\nquoted\nnested\nline\nnext\nEnd");
    const map = buildTextMap(d);
    expect(map.positions).toEqual([1, 10, 14, 27, 40, 52]);
    expect(map.size).toBe(56);
    expect(offsetToPosition(map, t.indexOf("quoted"))).toBe(14);
    expect(offsetToPosition(map, t.indexOf("line\n") + 4)).toBe(44); // the hardBreak
    expect(offsetToPosition(map, t.indexOf("xt"))).toBe(47);
    expect(positionToOffset(map, 44)).toBe(t.indexOf("line\n") + 4);
    expect(offsetsToRange(map, t.indexOf("quoted"), t.indexOf("nested") + 6)).toEqual({ from: 14, to: 33 });
    expect(rangeToOffsets(map, 7, 38)).toEqual({ start: t.indexOf("a\n"), end: t.indexOf("nested") + 6 }); // the whole bullet list
  });

  it("keeps empty paragraphs as one offset each", () => {
    const map = buildTextMap(doc(paragraph("a"), paragraph(""), paragraph("b"))); // "a\n\nb"; contents at 1..2, 4, 6..7
    expect(map.positions).toEqual([1, 4, 6]);
    expect(offsetToPosition(map, 1, "start")).toBe(4);
    expect(offsetToPosition(map, 2, "start")).toBe(6);
    expect(offsetToPosition(map, 2, "end")).toBe(2);
    expect(positionToOffset(map, 4)).toBe(2);
    expect(offsetsToRange(map, 0, 4)).toEqual({ from: 1, to: 7 });
  });

  it("joins text nodes split by marks without gaps", () => {
    const map = buildTextMap(doc(p(text("bo", [{ type: "bold" }]), text("ld"), text("!", [{ type: "link", attrs: { href: "https://x.org" } }]))));
    expect([0, 2, 4, 5].map((o) => offsetToPosition(map, o))).toEqual([1, 3, 5, 6]);
  });

  it("counts UTF-16 units: emoji, combining marks, RTL text, curly quotes and NBSP", () => {
    const t = "😀 e\u0301 مرحبا “שלום”\u00a0!";
    const map = buildTextMap(doc(paragraph(t), paragraph("x")));
    expect(map.textLength).toBe(t.length + 2);
    expect(offsetToPosition(map, 2)).toBe(3); // after the two units of 😀
    expect(offsetToPosition(map, t.length + 1)).toBe(t.length + 3);
    expect(positionToOffset(map, t.length + 1)).toBe(t.length);
  });

  it("handles a document without textblocks", () => {
    const map = buildTextMap(doc());
    expect(map.size).toBe(0);
    expect(positionToOffset(map, 0)).toBe(0);
    expect(offsetToPosition(map, 0)).toBe(0);
  });

  it("rejects positions and offsets outside the document", () => {
    const map = buildTextMap(doc(paragraph("ab")));
    expect(() => positionToOffset(map, 5)).toThrow(RangeError);
    expect(() => positionToOffset(map, -1)).toThrow(RangeError);
    expect(() => offsetToPosition(map, 3)).toThrow(RangeError);
    expect(() => offsetToPosition(map, 0.5)).toThrow(RangeError);
    expect(() => rangeToOffsets(map, 2, 1)).toThrow(RangeError);
    expect(() => offsetsToRange(map, 2, 1)).toThrow(RangeError);
  });

  it("handles a 20,000-word document", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const paragraphs = Array.from({ length: 1000 }, (_, i) => paragraph(words.slice(i * 20, i * 20 + 20).join(" ")));
    const d = doc(...paragraphs.map((para, i): BlockNode => (i % 3 ? para : { type: "blockquote", content: [para] })));
    const t = canonicalText(d);
    const map = buildTextMap(d);
    const { blocks } = reference(d);
    const units = blocks.flatMap((b) => b.units);
    const offsets = [...t].flatMap((c, o) => (c === "\n" ? [] : [o]));
    expect(offsets.every((o, k) => offsetToPosition(map, o) === units[k].pos && positionToOffset(map, units[k].pos) === o)).toBe(true);
  });
});

describe("buildTextMap properties (random documents)", () => {
  it("maps every character to the position holding the same character, and back", () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const t = canonicalText(d);
        const map = buildTextMap(d);
        const { blocks, size } = reference(d);
        expect(map.size).toBe(size);
        // Expected and actual, per offset, as rows compared once per document.
        const expected: unknown[] = [];
        const actual: unknown[] = [];
        let offset = 0;
        blocks.forEach((block, b) => {
          if (b > 0) {
            // The separator: forward to this block's start, or back to the previous block's end.
            const previousEnd = blocks[b - 1].start + blocks[b - 1].units.length;
            expected.push(["\n", block.start, previousEnd]);
            actual.push([t[offset], offsetToPosition(map, offset, "start"), offsetToPosition(map, offset + 1, "end")]);
            offset += 1;
          }
          for (const unit of block.units) {
            expected.push([unit.char, unit.pos, unit.pos + 1, offset]);
            actual.push([t[offset], offsetToPosition(map, offset, "start"), offsetToPosition(map, offset + 1, "end"), positionToOffset(map, unit.pos)]);
            offset += 1;
          }
          expected.push(offset);
          actual.push(positionToOffset(map, block.start + block.units.length));
        });
        expect(actual).toEqual(expected);
        expect(offset).toBe(t.length);
      }),
      RUNS,
    );
  });

  it("round-trips every offset, except a separator's edge which moves to the adjacent block", () => {
    fc.assert(
      fc.property(docArb, fc.constantFrom<Side>("start", "end"), (d, side) => {
        const map = buildTextMap(d);
        const blockStarts = new Set(map.offsets);
        const expected: number[] = [];
        const actual: number[] = [];
        for (let o = 0; o <= map.textLength; o++) {
          actual.push(positionToOffset(map, offsetToPosition(map, o, side)));
          // "start" moves an offset on a separator (just before a block's start) forward; "end" moves a block's start back.
          expected.push(side === "start" && blockStarts.has(o + 1) ? o + 1 : side === "end" && o > 0 && blockStarts.has(o) ? o - 1 : o);
        }
        expect(actual).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("maps every position, structural ones to the nearest text or by side", () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const map = buildTextMap(d);
        // Every position inside a textblock's content, with its offset.
        const textPositions = new Map<number, number>();
        reference(d).blocks.forEach((block, b) => {
          for (let k = 0; k <= block.units.length; k++) textPositions.set(block.start + k, map.offsets[b] + k);
        });
        // One sweep each way finds the nearest text position before and after every position.
        const before: Array<number | undefined> = [];
        const after: Array<number | undefined> = [];
        for (let pos = 0, last: number | undefined; pos <= map.size; pos++) {
          before.push(last);
          if (textPositions.has(pos)) last = pos;
        }
        for (let pos = map.size, last: number | undefined; pos >= 0; pos--) {
          after[pos] = last;
          if (textPositions.has(pos)) last = pos;
        }
        const expected: number[][] = [];
        const actual: number[][] = [];
        for (let pos = 0; pos <= map.size; pos++) {
          const exact = textPositions.get(pos);
          const [prev, next] = [before[pos], after[pos]];
          const forward = next !== undefined ? textPositions.get(next)! : prev !== undefined ? textPositions.get(prev)! : 0;
          const backward = prev !== undefined ? textPositions.get(prev)! : forward;
          const nearest = next === undefined || (prev !== undefined && pos - prev < next - pos) ? backward : forward;
          expected.push([exact ?? forward, exact ?? backward, exact ?? nearest]);
          actual.push([positionToOffset(map, pos, "start"), positionToOffset(map, pos, "end"), positionToOffset(map, pos)]);
        }
        expect(actual).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("turns a span into a range whose text is the span's, less separators at its edges", () => {
    const docAndSpan = docArb.chain((d) => {
      const n = canonicalText(d).length;
      return fc.tuple(fc.constant(d), fc.nat(n), fc.nat(n));
    });
    fc.assert(
      fc.property(docAndSpan, ([d, a, b]) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const t = canonicalText(d);
        const map = buildTextMap(d);
        const { from, to } = offsetsToRange(map, start, end);
        const separators = new Set(map.offsets.slice(1).map((o) => o - 1));
        const visibleStart = separators.has(start) ? start + 1 : start;
        const visibleEnd = separators.has(end - 1) && end - 1 >= visibleStart ? end - 1 : end;
        expect(textBetween(d, from, to)).toBe(t.slice(visibleStart, Math.max(visibleStart, visibleEnd)));
        // And back: the range covers the same visible text.
        expect(rangeToOffsets(map, from, to)).toEqual({ start: visibleStart, end: Math.max(visibleStart, visibleEnd) });
      }),
      RUNS,
    );
  });
});
