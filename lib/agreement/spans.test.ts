import fc from "fast-check";
import { overlapF1, overlapGroups, overlapMatches, panelOverlapF1, type Span } from "@/lib/agreement/spans";

const span = (start: number, end: number): Span => ({ start, end });
const spans = fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, length]) => span(start, start + length)), { maxLength: 12 });

describe("overlap F1 between two reviewers' marks", () => {
  it("is 1 when both marked the same claims, even with different edges", () => {
    expect(overlapF1([span(0, 10), span(20, 30)], [span(2, 12), span(25, 28)])).toEqual({ matches: 2, marks: 4, f1: 1 });
  });

  it("counts a worked example: 3 marks against 2, one shared", () => {
    // A: [0,10) [20,30) [40,50); B: [5,8) [60,70). Only [0,10)–[5,8) touch: F1 = 2·1 / 5.
    expect(overlapF1([span(0, 10), span(20, 30), span(40, 50)], [span(5, 8), span(60, 70)])).toEqual({ matches: 1, marks: 5, f1: 0.4 });
  });

  it("matches each mark once: one long mark over two short ones is one match", () => {
    expect(overlapF1([span(0, 100)], [span(10, 20), span(50, 60)]).f1).toBeCloseTo(2 / 3, 10);
  });

  it("finds the most matches, not the first that come", () => {
    // Taking the first overlap, A[0,30) pairs with B[2,4) and leaves A[1,3) none; the best is 2.
    expect(overlapMatches([span(0, 30), span(1, 3)], [span(2, 4), span(20, 40)])).toBe(2);
  });

  it("finds as many matches as trying every one-to-one pairing does (an independent count, on small sets)", () => {
    const small = fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 25 })).map(([start, length]) => span(start, start + length)), { maxLength: 5 });
    const everyPairing = (a: readonly Span[], b: readonly Span[]): number => {
      if (a.length === 0) return 0;
      const [first, ...rest] = a;
      let best = everyPairing(rest, b); // the first mark left unmatched
      b.forEach((other, j) => {
        if (first.start < other.end && other.start < first.end) best = Math.max(best, 1 + everyPairing(rest, b.filter((_, k) => k !== j)));
      });
      return best;
    };
    fc.assert(fc.property(small, small, (a, b) => expect(overlapMatches(a, b)).toBe(everyPairing(a, b))), { numRuns: 500 });
  });

  it("is 0 when no mark touches the other's, and undefined when neither marked anything", () => {
    expect(overlapF1([span(0, 5)], [span(5, 9)]).f1).toBe(0);
    expect(overlapF1([], []).f1).toBeNull();
  });

  it("is the same whichever reviewer is named first, and 1 against itself", () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        expect(overlapF1(a, b)).toEqual(overlapF1(b, a));
        const self = overlapF1(a, a).f1;
        expect(self).toBe(a.length === 0 ? null : 1);
      }),
    );
  });

  it("gives a panel the same figure whatever order its reviewers are listed in", () => {
    fc.assert(
      fc.property(spans, spans, spans, (a, b, c) => {
        const one = panelOverlapF1(new Map([["a", a], ["b", b], ["c", c]])).overall;
        const other = panelOverlapF1(new Map([["c", c], ["a", a], ["b", b]])).overall;
        expect(other).toEqual(one);
      }),
    );
  });
});

describe("groups of overlapping marks", () => {
  it("joins marks that overlap directly or through another, and keeps touching ones apart", () => {
    const groups = overlapGroups([span(30, 40), span(0, 10), span(8, 20), span(19, 25), span(25, 28)]);
    expect(groups).toEqual([[span(0, 10), span(8, 20), span(19, 25)], [span(25, 28)], [span(30, 40)]]);
  });

  it("puts every mark in exactly one group, and no mark overlaps a mark of another group", () => {
    fc.assert(
      fc.property(spans, (marks) => {
        const groups = overlapGroups(marks);
        expect(groups.flat()).toHaveLength(marks.length);
        groups.forEach((group, i) =>
          groups.slice(i + 1).forEach((other) => group.forEach((x) => other.forEach((y) => expect(x.start < y.end && y.start < x.end).toBe(false)))),
        );
      }),
    );
  });
});
