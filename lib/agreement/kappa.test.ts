import { cohensKappa, linearWeightedKappa } from "./kappa";

function ratings(pairs: Array<[string, string, number]>): [string[], string[]] {
  const first: string[] = [];
  const second: string[] = [];
  for (const [a, b, count] of pairs) {
    for (let i = 0; i < count; i++) {
      first.push(a);
      second.push(b);
    }
  }
  return [first, second];
}

describe("cohensKappa", () => {
  it("gives 0.4 on the textbook table (20 both yes, 15 both no, 5 and 10 split)", () => {
    const [a, b] = ratings([["yes", "yes", 20], ["yes", "no", 5], ["no", "yes", 10], ["no", "no", 15]]);
    const agreement = cohensKappa(a, b);
    expect(agreement.items).toBe(50);
    expect(agreement.observed).toBeCloseTo(0.7);
    expect(agreement.expected).toBeCloseTo(0.5);
    expect(agreement.kappa).toBeCloseTo(0.4);
  });

  it("is 1 for identical labels, and 0 when agreement is only what chance gives", () => {
    expect(cohensKappa(["CFS", "NFS", "UFS"], ["CFS", "NFS", "UFS"]).kappa).toBe(1);
    const [a, b] = ratings([["x", "x", 25], ["x", "y", 25], ["y", "x", 25], ["y", "y", 25]]);
    expect(cohensKappa(a, b).kappa).toBeCloseTo(0);
  });

  it("refuses unpaired ratings", () => {
    expect(() => cohensKappa(["a"], ["a", "b"])).toThrow(/pair them/);
    expect(() => cohensKappa([], [])).toThrow(/No items/);
  });
});

describe("linearWeightedKappa", () => {
  it("counts a near miss as part agreement, so it is above the unweighted kappa", () => {
    const first = [0, 1, 2, 3, 3, 2, 1, 0];
    const second = [0, 1, 3, 3, 2, 2, 0, 0];
    const weighted = linearWeightedKappa(first, second, [0, 1, 2, 3]);
    expect(weighted.kappa).toBeGreaterThan(cohensKappa(first, second).kappa);
    expect(weighted.kappa).toBeLessThan(1);
  });

  it("equals the unweighted kappa on a two-point scale", () => {
    const first = [0, 1, 1, 0, 1, 0, 1, 1];
    const second = [0, 1, 0, 0, 1, 1, 1, 1];
    expect(linearWeightedKappa(first, second, [0, 1]).kappa).toBeCloseTo(cohensKappa(first, second).kappa);
  });
});
