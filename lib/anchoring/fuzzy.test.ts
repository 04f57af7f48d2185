import search from "approx-string-match";
import { contextSimilarity, Work } from "./fuzzy";
import { noise } from "./test-fixtures";

/** What contextSimilarity gave when it read approx-string-match's best matches (its start included). */
function withLibrarySearch(context: string, beside: string, side: "prefix" | "suffix", gapCost: number): number {
  const room = Math.min(beside.length, context.length);
  const compared = side === "prefix" ? context.slice(context.length - room) : context.slice(0, room);
  if (compared.length === 0) return 0.5;
  let cost = compared.length;
  for (const match of search(beside, compared, compared.length)) {
    cost = Math.min(cost, match.errors + gapCost * (side === "prefix" ? beside.length - match.end : match.start));
  }
  return Math.max(0, compared.length - cost + 0.5 * (context.length - compared.length)) / context.length;
}

describe("context similarity", () => {
  it("weighs a context beside a candidate as the library's best matches do", () => {
    for (let seed = 1; seed <= 400; seed++) {
      // Few letters, so that contexts have many approximate matches; some edited copies of the context.
      const context = noise(1 + (seed % 40), seed).replace(/[^abc ]/g, "a");
      const other = noise(seed % 60, seed + 1000).replace(/[^abc ]/g, "b");
      const cut = seed % (other.length + 1);
      const beside = seed % 3 === 0 ? other : other.slice(0, cut) + context.slice(seed % 4) + other.slice(cut);
      for (const side of ["prefix", "suffix"] as const) {
        for (const gapCost of [0.25, 1]) {
          expect([seed, side, gapCost, contextSimilarity(context, beside, side, new Work(1e9), gapCost)]).toEqual([seed, side, gapCost, withLibrarySearch(context, beside, side, gapCost)]);
        }
      }
    }
  });
});
