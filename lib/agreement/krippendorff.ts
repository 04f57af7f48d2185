/**
 * Krippendorff's alpha: the agreement among any number of coders on units they coded,
 * with missing values allowed, as 1 − observed disagreement / disagreement expected by
 * chance. Computed from the coincidence matrix, as in Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability" (2011): each pairable unit (two or more values)
 * adds 1/(m−1) for every ordered pair of its m values.
 */
import { distinctValues, valuesPerUnit, type ReliabilityData } from "@/lib/agreement/reliability-data";

export type Metric = "nominal" | "ordinal" | "interval" | "ratio";

export interface AlphaResult {
  /** Null when the data hold no variation (every value the same): alpha is 0/0 there. */
  alpha: number | null;
  /** Units with at least two values: the only ones that count. */
  pairableUnits: number;
  /** The number of pairable values (n in Krippendorff's notation). */
  pairableValues: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

/**
 * Alpha for nominal values (any keys), or for numbers with the ordinal, interval or ratio
 * metric. Ordinal ranks the values by number; only the order matters.
 */
export function krippendorffAlpha(data: ReliabilityData<number>, metric: Metric): AlphaResult;
export function krippendorffAlpha<V>(data: ReliabilityData<V>, metric: "nominal"): AlphaResult;
export function krippendorffAlpha<V>(data: ReliabilityData<V>, metric: Metric): AlphaResult {
  const units = valuesPerUnit(data).filter((values) => values.length >= 2);
  const values = distinctValues(units);
  if (metric !== "nominal") (values as number[]).sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const size = values.length;

  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unitValues of units) {
    const weight = 1 / (unitValues.length - 1);
    for (let i = 0; i < unitValues.length; i++) {
      for (let j = 0; j < unitValues.length; j++) {
        if (i !== j) coincidences[index.get(unitValues[i])!][index.get(unitValues[j])!] += weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, count) => sum + count, 0));
  const n = marginals.reduce((sum, count) => sum + count, 0);
  const distance = squaredDistance(metric, values as unknown as number[], marginals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance(c, k);
      observed += coincidences[c][k] * delta;
      expected += marginals[c] * marginals[k] * delta;
    }
  }
  const observedDisagreement = n === 0 ? 0 : observed / n;
  const expectedDisagreement = n <= 1 ? 0 : expected / (n * (n - 1));
  return {
    alpha: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
    pairableUnits: units.length,
    pairableValues: n,
    observedDisagreement,
    expectedDisagreement,
  };
}

/** The metric's squared difference δ² between the c-th and k-th of the sorted values. */
function squaredDistance(metric: Metric, values: readonly number[], marginals: readonly number[]) {
  switch (metric) {
    case "nominal":
      return (c: number, k: number) => (c === k ? 0 : 1);
    case "interval":
      return (c: number, k: number) => (values[c] - values[k]) ** 2;
    case "ratio":
      return (c: number, k: number) => {
        const sum = values[c] + values[k];
        return sum === 0 ? 0 : ((values[c] - values[k]) / sum) ** 2;
      };
    case "ordinal": {
      // The distance between two ranks is the mass of values between them, counting
      // half of each end: rare values in between count for little.
      const cumulative = [0];
      for (const count of marginals) cumulative.push(cumulative[cumulative.length - 1] + count);
      return (c: number, k: number) => {
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = cumulative[high + 1] - cumulative[low];
        return (between - (marginals[low] + marginals[high]) / 2) ** 2;
      };
    }
  }
}
