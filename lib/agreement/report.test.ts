import { agreementReport, agreementScale, type AgreementUnit } from "@/lib/agreement/report";
import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";

const VERITY_SCALE = agreementScale(VERITY_CATALOGUE, []);

/**
 * The agreement page's figures from rounds: how verdicts become reliability data (ordinal on
 * the truth axis, MISLEADING and UNVERIFIABLE left out of it; nominal over all ratings), and the
 * calibration and confusion views. The coefficients themselves are tested on published
 * examples in agreement.test.ts.
 */

const people = { ana: { id: "ana", name: "Ana" }, ben: { id: "ben", name: "Ben" }, cleo: { id: "cleo", name: "Cleo" } };
let serial = 0;
function unit(ratings: Partial<Record<keyof typeof people, string>>, finalVerdict: string | null = null, month = "2026-11"): AgreementUnit {
  serial += 1;
  return {
    roundId: `r${serial}`,
    claimId: `c${serial}`,
    articleId: "a1",
    restatement: `Claim ${serial}`,
    closedAt: new Date(`${month}-15T12:00:00Z`),
    finalVerdict,
    ratings: Object.entries(ratings).map(([who, verdict]) => ({ reviewer: people[who as keyof typeof people], verdict: verdict! })),
  };
}

it("gives 1 for perfect agreement, with an interval at 1", () => {
  const report = agreementReport([unit({ ana: "FALSE", ben: "FALSE" }), unit({ ana: "TRUE", ben: "TRUE" }), unit({ ana: "MIXED", ben: "MIXED" })], VERITY_SCALE);
  expect(report.alphaNominal).toMatchObject({ value: 1, units: 3, interval: { low: 1, high: 1 } });
  expect(report.alphaOrdinal.value).toBe(1);
});

it("computes nominal alpha as Krippendorff's formula does by hand", () => {
  // Two coders, four units: (F,F) (F,MF) (T,T) (MF,MF). Coincidences: F–F 2, F–MF 1, MF–F 1, MF–MF 2, T–T 2; n = 8.
  // Observed disagreement Do = 2/8; expected De = (n² − Σ n_c²) / (n(n−1)) = (64 − (9 + 9 + 4)) / 56 = 42/56.
  // alpha = 1 − Do/De = 1 − (2/8)/(42/56) = 1 − 1/3 = 2/3.
  const report = agreementReport([unit({ ana: "FALSE", ben: "FALSE" }), unit({ ana: "FALSE", ben: "MOSTLY_FALSE" }), unit({ ana: "TRUE", ben: "TRUE" }), unit({ ana: "MOSTLY_FALSE", ben: "MOSTLY_FALSE" })], VERITY_SCALE);
  expect(report.alphaNominal.value).toBeCloseTo(2 / 3, 10);
  // Near misses cost less on the ordinal axis than a False against a True.
  expect(report.alphaOrdinal.value!).toBeGreaterThan(report.alphaNominal.value!);
});

it("leaves MISLEADING and UNVERIFIABLE out of ordinal alpha only", () => {
  const units = [unit({ ana: "FALSE", ben: "FALSE" }), unit({ ana: "TRUE", ben: "TRUE" }), unit({ ana: "MISLEADING", ben: "UNVERIFIABLE" })];
  const report = agreementReport(units, VERITY_SCALE);
  expect(report.alphaOrdinal).toMatchObject({ value: 1, units: 2 });
  expect(report.alphaNominal.units).toBe(3);
  expect(report.alphaNominal.value!).toBeLessThan(1);
});

it("compares each reviewer with the final verdict, and counts the confusion matrix over reconciled rounds", () => {
  const report = agreementReport([
    unit({ ana: "FALSE", ben: "FALSE", cleo: "MOSTLY_FALSE" }, "FALSE"),
    unit({ ana: "TRUE", ben: "MIXED" }, "TRUE"),
    unit({ ana: "MIXED", ben: "MIXED" }),
  ], VERITY_SCALE);
  expect(report.calibration.map((c) => [c.reviewer.name, c.rated, c.compared, c.agreed, c.differed.map((d) => [d.claimId, d.theirs, d.final])])).toEqual([
    ["Ana", 3, 2, 2, []],
    ["Ben", 3, 2, 1, [[expect.any(String), "MIXED", "TRUE"]]],
    ["Cleo", 1, 1, 0, [[expect.any(String), "MOSTLY_FALSE", "FALSE"]]],
  ]);
  // Rows: the reviewer's verdict; columns: the final verdict (FALSE, MOSTLY_FALSE, MIXED, MOSTLY_TRUE, TRUE, …).
  expect(report.confusion[0][0]).toBe(2);
  expect(report.confusion[1][0]).toBe(1);
  expect(report.confusion[2][4]).toBe(1);
  expect(report.confusion[4][4]).toBe(1);
  expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(5);
});

it("gives agreement per month of revealing, oldest first", () => {
  const report = agreementReport([unit({ ana: "FALSE", ben: "TRUE" }, null, "2026-12"), unit({ ana: "TRUE", ben: "FALSE" }, null, "2026-12"), unit({ ana: "FALSE", ben: "FALSE" }, null, "2026-10"), unit({ ana: "TRUE", ben: "TRUE" }, null, "2026-10")], VERITY_SCALE);
  expect(report.overTime).toEqual([
    { month: "2026-10", units: 2, alpha: 1 },
    { month: "2026-12", units: 2, alpha: expect.any(Number) },
  ]);
  expect(report.overTime[1].alpha!).toBeLessThan(0);
});
