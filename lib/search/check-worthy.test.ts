import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorthiness, SUGGEST_THRESHOLD } from "@/lib/search/check-worthy";

/**
 * The scorer against every sentence of the seed articles, labelled by hand (see the
 * fixture's "about"). The figures are in-sample: the weights were set looking at these
 * sentences, so they say how well the features describe this set, not a guarantee for
 * other news. The floors are the measured values less 0.03.
 */
const { labels } = JSON.parse(
  readFileSync(path.join(__dirname, "__fixtures__", "check-worthy-labels.json"), "utf8"),
) as { labels: Array<{ seed: number; ordinal: number; checkWorthy: boolean; text: string }> };

const MEASURED = { precision: 0.877, recall: 0.827 };

describe("check-worthiness on the labelled seed sentences", () => {
  it("has enough labels on every seed article, both ways", () => {
    expect(labels.length).toBeGreaterThanOrEqual(60);
    expect(new Set(labels.map((l) => l.seed))).toEqual(new Set([0, 1, 2, 3]));
    expect(labels.filter((l) => l.checkWorthy).length).toBeGreaterThan(20);
    expect(labels.filter((l) => !l.checkWorthy).length).toBeGreaterThan(20);
  });

  it(`keeps precision and recall at the threshold ${SUGGEST_THRESHOLD}`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const label of labels) {
      const suggested = checkWorthiness(label.text).score >= SUGGEST_THRESHOLD;
      if (suggested && label.checkWorthy) tp++;
      else if (suggested) fp++;
      else if (label.checkWorthy) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `Suggested claims on ${labels.length} labelled seed sentences: precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn})`,
    );
    expect(precision).toBeGreaterThanOrEqual(MEASURED.precision - 0.03);
    expect(recall).toBeGreaterThanOrEqual(MEASURED.recall - 0.03);
  });
});

describe("checkWorthiness", () => {
  it("scores a sentence with a figure and an attribution high, and says why", () => {
    const result = checkWorthiness("Russia currently occupies roughly 20% of Ukraine’s territory, the ministry said on Monday.");
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.reasons).toEqual(expect.arrayContaining(["a percentage", "an attribution: said", "a date", "a comparison: roughly"]));
  });

  it("scores speculation and vague reactions low", () => {
    expect(checkWorthiness("Critics fear that this lack of clarity could undermine stability in Europe.").score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(checkWorthiness("The move has raised concerns and sparked a heated debate among observers.").score).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it("never suggests headings or fragments", () => {
    expect(checkWorthiness("A Question of Leverage")).toEqual({ score: 0, reasons: [] });
    expect(checkWorthiness("Minerals for Security")).toEqual({ score: 0, reasons: [] });
    expect(checkWorthiness("")).toEqual({ score: 0, reasons: [] });
  });

  it("gives each reason once", () => {
    const { reasons } = checkWorthiness("He said 5 and she said 7, and they said 9 on Monday and Tuesday.");
    expect(reasons.length).toBe(new Set(reasons).size);
  });
});
