/**
 * Fails when `work` takes longer than `limitMs`. For inputs built to make a super-linear
 * regex backtrack: the limit is far above the linear time (0.1 to 3 s for 2 MB on a busy
 * machine), and far below the hours the quadratic or cubic search takes on the same input.
 */
export function expectWithin(limitMs: number, work: () => unknown) {
  const started = performance.now();
  work();
  expect(performance.now() - started).toBeLessThan(limitMs);
}

/** The time limit for one pathological input of the largest size accepted. */
export const HOSTILE_INPUT_LIMIT_MS = 10_000;
