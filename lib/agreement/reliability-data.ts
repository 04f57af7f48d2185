/**
 * Reliability data: one row per unit (a claim), one column per coder (a reviewer), `null`
 * where a coder gave no value. Values are compared with `===`, so pass rating ids or
 * positions, never objects.
 */
export type ReliabilityData<V> = readonly (readonly (V | null)[])[];

/** Each unit's values without the gaps. */
export function valuesPerUnit<V>(data: ReliabilityData<V>): V[][] {
  return data.map((row) => row.filter((value): value is V => value !== null));
}

/** The distinct values in the data, in first-seen order. */
export function distinctValues<V>(units: readonly (readonly V[])[]): V[] {
  return [...new Set(units.flat())];
}
