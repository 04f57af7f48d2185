/**
 * A percentile bootstrap confidence interval for an agreement coefficient: the units
 * (claims) are resampled with replacement and the coefficient recomputed on each
 * resample. Seeded, so the same data always give the same interval.
 */
import { seededRandom } from "@/lib/seeded-random";

export interface Interval {
  low: number;
  high: number;
  /** Resamples on which the coefficient was defined (alpha is not when a resample has no variation). */
  samples: number;
}

export function bootstrapInterval<U>(
  units: readonly U[],
  coefficient: (sample: readonly U[]) => number | null,
  { samples = 1000, level = 0.95, seed = 1 }: { samples?: number; level?: number; seed?: number } = {},
): Interval | null {
  if (units.length === 0) return null;
  const next = seededRandom(seed);
  const estimates: number[] = [];
  for (let s = 0; s < samples; s++) {
    const sample = Array.from({ length: units.length }, () => units[Math.floor(next() * units.length)]);
    const estimate = coefficient(sample);
    if (estimate !== null && Number.isFinite(estimate)) estimates.push(estimate);
  }
  if (estimates.length === 0) return null;
  estimates.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantile(estimates, tail), high: quantile(estimates, 1 - tail), samples: estimates.length };
}

/** The q-quantile of sorted values, interpolating between neighbours. */
function quantile(sorted: readonly number[], q: number) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
