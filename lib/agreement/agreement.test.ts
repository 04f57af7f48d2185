import fc from "fast-check";
import { bootstrapInterval } from "@/lib/agreement/bootstrap";
import { gwetAc1 } from "@/lib/agreement/gwet";
import { krippendorffAlpha, type Metric } from "@/lib/agreement/krippendorff";
import type { ReliabilityData } from "@/lib/agreement/reliability-data";

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, gaps. */
const _ = null;
const byObserver = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const fourObservers: ReliabilityData<number> = byObserver[0].map((_value, unit) => byObserver.map((row) => row[unit]));

/** irrCAC's cont3x3abstractors: two abstractors' 100 classifications as a contingency table. */
function fromContingencyTable(categories: string[], table: number[][]): ReliabilityData<string> {
  const units: string[][] = [];
  table.forEach((row, i) => row.forEach((count, j) => units.push(...Array.from({ length: count }, () => [categories[i], categories[j]]))));
  return units;
}
const abstractors = fromContingencyTable(["Ectopic", "AIU", "NIU"], [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
]);

describe("Krippendorff's alpha on the published worked examples", () => {
  it.each<[Metric, number]>([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ])("gives Krippendorff's own %s value for his 4-observer data", (metric, expected) => {
    const result = krippendorffAlpha(fourObservers, metric);
    expect(result.alpha!.toFixed(3)).toBe(expected.toFixed(3));
    // Unit 12 has a single value: it cannot be paired and does not count.
    expect(result.pairableUnits).toBe(11);
    expect(result.pairableValues).toBe(40);
  });

  it("gives 0.095 for Krippendorff's two coders of ten binary units", () => {
    const first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(first.map((value, i) => [value, second[i]]), "nominal").alpha!.toFixed(3)).toBe("0.095");
  });

  it("matches irrCAC's value for the 3×3 abstractors table (0.7972585)", () => {
    expect(krippendorffAlpha(abstractors, "nominal").alpha).toBeCloseTo(0.7972585, 6);
  });

  it("is undefined, not 1 or 0, when every value is the same", () => {
    expect(krippendorffAlpha([["FALSE", "FALSE"], ["FALSE", "FALSE"]], "nominal").alpha).toBeNull();
  });
});

describe("Gwet's AC1", () => {
  it("matches irrCAC's value for the 3×3 abstractors table (0.8493305, percent agreement 0.89)", () => {
    const result = gwetAc1(abstractors);
    expect(result.ac1).toBeCloseTo(0.8493305, 6);
    expect(result.observed).toBeCloseTo(0.89, 10);
  });

  it("stays high where kappa-like coefficients collapse: one dominant verdict, rare disagreement", () => {
    // 48 claims both rate FALSE, 2 where they split: alpha is dragged down by the dominant category, AC1 is not.
    const data = [...Array.from({ length: 48 }, () => ["FALSE", "FALSE"]), ["FALSE", "TRUE"], ["TRUE", "FALSE"]];
    const alpha = krippendorffAlpha(data, "nominal").alpha!;
    const ac1 = gwetAc1(data, ["FALSE", "TRUE"]).ac1!;
    expect(alpha).toBeLessThan(0);
    expect(ac1).toBeGreaterThan(0.9);
  });

  it("counts the scale's unused categories in chance agreement when given them", () => {
    const data = [["A", "A"], ["B", "B"], ["A", "B"]];
    expect(gwetAc1(data, ["A", "B", "C", "D"]).expected).toBeLessThan(gwetAc1(data).expected);
  });
});

/** Reliability data of 2–4 coders on 2–15 units over values 1–5, each unit coded by at least two. */
const reliabilityData = fc
  .integer({ min: 2, max: 4 })
  .chain((coders) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: coders, maxLength: coders }).filter((row) => row.filter((v) => v !== null).length >= 2),
      { minLength: 2, maxLength: 15 },
    ),
  );

describe("agreement properties", () => {
  it("perfect agreement gives 1 for every metric and for AC1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 20 }), fc.integer({ min: 2, max: 4 }), (values, coders) => {
        fc.pre(new Set(values).size >= 2);
        const data = values.map((value) => Array.from({ length: coders }, () => value));
        for (const metric of ["nominal", "ordinal", "interval", "ratio"] as const) expect(krippendorffAlpha(data, metric).alpha).toBeCloseTo(1, 10);
        expect(gwetAc1(data).ac1).toBeCloseTo(1, 10);
      }),
    );
  });

  it("permuting the coders or the units changes nothing", () => {
    fc.assert(
      fc.property(reliabilityData, fc.integer(), (data, seed) => {
        const coders = data[0].length;
        const order = Array.from({ length: coders }, (_v, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        const permuted = [...data].reverse().map((row) => order.map((i) => row[i]));
        for (const metric of ["nominal", "ordinal", "interval", "ratio"] as const) {
          const before = krippendorffAlpha(data, metric).alpha;
          const after = krippendorffAlpha(permuted, metric).alpha;
          if (before === null) expect(after).toBeNull();
          else expect(after).toBeCloseTo(before, 10);
        }
        const ac1 = gwetAc1(data).ac1;
        if (ac1 === null) expect(gwetAc1(permuted).ac1).toBeNull();
        else expect(gwetAc1(permuted).ac1).toBeCloseTo(ac1, 10);
      }),
    );
  });

  it("alpha never exceeds 1", () => {
    fc.assert(
      fc.property(reliabilityData, (data) => {
        const alpha = krippendorffAlpha(data, "ordinal").alpha;
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe("bootstrap interval", () => {
  const nominal = (sample: readonly (readonly (number | null)[])[]) => krippendorffAlpha(sample, "nominal").alpha;

  it("brackets the estimate on Krippendorff's data, and the same seed gives the same interval", () => {
    const interval = bootstrapInterval(fourObservers, nominal)!;
    expect(interval.low).toBeLessThan(0.743);
    expect(interval.high).toBeGreaterThan(0.743);
    expect(interval.high).toBeLessThanOrEqual(1);
    expect(bootstrapInterval(fourObservers, nominal)).toEqual(interval);
    expect(bootstrapInterval(fourObservers, nominal, { seed: 2 })).not.toEqual(interval);
  });

  it("narrows as the data grow", () => {
    const many = Array.from({ length: 10 }, () => fourObservers).flat();
    const small = bootstrapInterval(fourObservers, nominal)!;
    const large = bootstrapInterval(many, nominal)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("has nothing to say about no data", () => {
    expect(bootstrapInterval([], nominal)).toBeNull();
  });
});
