/**
 * Gwet's AC1 among any number of raters with missing ratings (Gwet, Handbook of
 * Inter-Rater Reliability, 2014). Unlike kappa and alpha, its chance agreement shrinks
 * when one category dominates, so it stays meaningful on fact-check data where "False"
 * is most verdicts (the "kappa paradox").
 */
import { distinctValues, valuesPerUnit, type ReliabilityData } from "@/lib/agreement/reliability-data";

export interface Ac1Result {
  /** Null when fewer than two categories could occur or no unit has two ratings. */
  ac1: number | null;
  /** Percent agreement over units rated at least twice. */
  observed: number;
  /** Chance agreement: Σ π(1−π) / (q−1). */
  expected: number;
  /** Units rated at least twice. */
  units: number;
}

/**
 * `categories` is the scale's full list of possible values: chance agreement depends on
 * how many there are, not only on those that happened to be used.
 */
export function gwetAc1<V>(data: ReliabilityData<V>, categories?: readonly V[]): Ac1Result {
  const rated = valuesPerUnit(data).filter((values) => values.length >= 1);
  const pairable = rated.filter((values) => values.length >= 2);
  const q = (categories ?? distinctValues(rated)).length;

  let observed = 0;
  for (const values of pairable) {
    const r = values.length;
    for (const count of counts(values).values()) observed += (count * (count - 1)) / (r * (r - 1));
  }
  observed = pairable.length === 0 ? 0 : observed / pairable.length;

  // π_k: the share of category k, averaged over units rated at least once.
  const share = new Map<V, number>();
  for (const values of rated) {
    for (const [category, count] of counts(values)) share.set(category, (share.get(category) ?? 0) + count / values.length / rated.length);
  }
  let spread = 0;
  for (const pi of share.values()) spread += pi * (1 - pi);
  const expected = q < 2 ? 1 : spread / (q - 1);

  return {
    ac1: q < 2 || pairable.length === 0 ? null : (observed - expected) / (1 - expected),
    observed,
    expected,
    units: pairable.length,
  };
}

function counts<V>(values: readonly V[]) {
  const result = new Map<V, number>();
  for (const value of values) result.set(value, (result.get(value) ?? 0) + 1);
  return result;
}
