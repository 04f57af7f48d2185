import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, HELDOUT_SETS, LABELLERS, QUALITY_DIR, corpus, evidenceItems, heldoutItems, heldoutLabelsOf, labelsOf } from "./files";
import { testHalfDigest } from "./halves";
import { heldoutDigest, recordedHeldoutDigest } from "./heldout";

const texts = new Map(
  readdirSync(path.join(CORPUS_DIR, "texts"))
    .filter((file) => file.endsWith(".txt"))
    .map((file) => [file.replace(/\.txt$/, ""), readFileSync(path.join(CORPUS_DIR, "texts", file), "utf8")]),
);

const unique = (ids: string[]) => new Set(ids).size === ids.length;

describe("the evaluation corpus", () => {
  it("has every sentence verbatim and in order in its text, with unique ids", () => {
    const sentences = corpus.sentences();
    expect(unique(sentences.map((s) => s.id))).toBe(true);
    const read = new Map<string, number>();
    const misplaced = sentences.filter((s) => {
      const at = texts.get(s.text)?.indexOf(s.sentence, read.get(s.text) ?? 0) ?? -1;
      if (at >= 0) read.set(s.text, at + s.sentence.length);
      return at < 0;
    });
    expect(misplaced.map((s) => s.id)).toEqual([]);
    expect([...texts.keys()].filter((text) => !read.has(text))).toEqual([]);
  });

  it("names only passages and claims that exist", () => {
    const passages = new Set(corpus.passages().map((p) => p.id));
    const queries = new Set(corpus.queries().map((q) => q.id));
    const candidates = corpus.candidates();
    expect(unique(corpus.pairs().map((p) => p.id))).toBe(true);
    expect(candidates.filter((c) => !queries.has(c.query)).map((c) => c.query)).toEqual([]);
    expect(candidates.flatMap((c) => c.candidates).filter((id) => !passages.has(id))).toEqual([]);
  });

  it("has a gold label of an allowed value for every item", () => {
    const gold = labelsOf("gold");
    expect(corpus.sentences().filter((s) => !["CFS", "UFS", "NFS"].includes(gold.sentences.get(s.id) ?? ""))).toEqual([]);
    expect(corpus.pairs().filter((p) => typeof gold.pairs.get(p.id) !== "boolean")).toEqual([]);
    expect(evidenceItems().filter((key) => ![0, 1, 2, 3].includes(gold.evidence.get(key) ?? -1))).toEqual([]);
  });

  it("keeps the test half exactly as it was when its hash was recorded, before any tuning", () => {
    const recorded = readFileSync(path.join(QUALITY_DIR, "test-half.sha256"), "utf8").split(/\s/)[0];
    expect(testHalfDigest()).toBe(recorded);
  });
});

describe.each(HELDOUT_SETS)("the held-out set %s", (set) => {
  it("is exactly as it was when its digest was recorded, before any use", () => {
    expect(heldoutDigest(set)).toBe(recordedHeldoutDigest(set));
  });

  it("has both labellers' and the gold label of an allowed value for every sentence and pair", () => {
    const sentences = heldoutItems(set).sentences().map((s) => s.id);
    const pairs = heldoutItems(set).pairs().map((p) => p.id);
    for (const labeller of [...LABELLERS, "gold"]) {
      const labels = heldoutLabelsOf(set, labeller);
      expect(sentences.filter((id) => !["CFS", "UFS", "NFS"].includes(labels.sentences.get(id) ?? ""))).toEqual([]);
      expect(pairs.filter((id) => typeof labels.pairs.get(id) !== "boolean")).toEqual([]);
    }
  });
});
