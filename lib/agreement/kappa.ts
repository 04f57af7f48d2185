/**
 * Agreement between two raters who labelled the same items: Cohen's kappa, and its
 * weighted form for ordered labels (grades). Kappa is the agreement beyond what the
 * raters' own label frequencies would give by chance: 1 is perfect, 0 is chance.
 */

export interface Agreement {
  items: number;
  /** The share of items given the same label. */
  observed: number;
  /** The share expected by chance from each rater's label frequencies. */
  expected: number;
  kappa: number;
}

/** Cohen's kappa over paired labels (`first[i]` and `second[i]` are the same item's). */
export function cohensKappa<L>(first: readonly L[], second: readonly L[]): Agreement {
  return weightedAgreement(first, second, (a, b) => (a === b ? 0 : 1));
}

/**
 * Weighted kappa for ordered labels: a disagreement costs its distance on the scale
 * (linear weights), so grades 2 against 3 count less than 0 against 3.
 */
export function linearWeightedKappa(first: readonly number[], second: readonly number[], scale: readonly number[]): Agreement {
  const span = Math.max(...scale) - Math.min(...scale);
  return weightedAgreement(first, second, (a, b) => Math.abs(a - b) / span);
}

function weightedAgreement<L>(first: readonly L[], second: readonly L[], cost: (a: L, b: L) => number): Agreement {
  if (first.length !== second.length) throw new Error(`The raters labelled ${first.length} and ${second.length} items: pair them first.`);
  const items = first.length;
  if (items === 0) throw new Error("No items to compare.");
  const labels = [...new Set([...first, ...second])];
  const share = (ratings: readonly L[], label: L) => ratings.filter((r) => r === label).length / items;
  let observedCost = 0;
  for (let i = 0; i < items; i++) observedCost += cost(first[i], second[i]);
  observedCost /= items;
  let expectedCost = 0;
  for (const a of labels) for (const b of labels) expectedCost += share(first, a) * share(second, b) * cost(a, b);
  // Both raters used one and the same label throughout: agreement is complete, not undefined.
  const kappa = expectedCost === 0 ? 1 : 1 - observedCost / expectedCost;
  return { items, observed: 1 - observedCost, expected: 1 - expectedCost, kappa };
}
