import { readFileSync } from "node:fs";
import path from "node:path";
import { anchor } from "./anchor";
import { canonicalText } from "./canonical-text";
import { describeSpan } from "./selectors";
import { buildTextMap, offsetsToRange, rangeToOffsets } from "./text-map";
import { importPlainText, splitSentences } from "../import/plain-text";

// A real article as the seed importer reads it: every sentence is a span a reviewer could mark.
const raw = readFileSync(path.join(__dirname, "../../seeds/001_73626d045f155711.txt"), "utf8");
const { doc } = importPlainText(raw);
const text = canonicalText(doc);
const sentences = splitSentences(text);

describe("baseline: seeds/001_73626d045f155711.txt", () => {
  it("has the sentences the cases below rely on", () => {
    expect(doc.content.length).toBeGreaterThan(5);
    expect(sentences.length).toBeGreaterThan(20);
  });

  it("re-anchors every sentence where it was, by position", () => {
    for (const { start, end } of sentences) {
      expect(anchor(text, describeSpan(text, start, end))).toMatchObject({ status: "anchored", start, end, method: "position" });
    }
  });

  it("maps every sentence to a ProseMirror range and back", () => {
    const map = buildTextMap(doc);
    for (const { start, end } of sentences) {
      const { from, to } = offsetsToRange(map, start, end);
      expect(rangeToOffsets(map, from, to)).toEqual({ start, end });
    }
  });

  it("after the first paragraph is removed, finds every later sentence by quote at its shifted offsets", () => {
    const [first, ...rest] = doc.content;
    const removed = canonicalText({ type: "doc", content: [first] }).length + 1; // its text and its "\n"
    const edited = canonicalText({ type: "doc", content: rest });
    const later = sentences.filter(({ start }) => start >= removed);
    expect(later.length).toBe(sentences.length - splitSentences(text.slice(0, removed)).length);
    for (const { start, end } of later) {
      expect(anchor(edited, describeSpan(text, start, end))).toMatchObject({
        status: "anchored",
        start: start - removed,
        end: end - removed,
        method: "quote",
      });
    }
  });
});
