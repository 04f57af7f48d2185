/**
 * Fails when `work` takes more CPU time than `limitMs`. For inputs built to make a super-linear
 * regex backtrack: the limit is far above the linear time (0.1 to 3 s for 2 MB), and far below
 * the hours the quadratic or cubic search takes on the same input. CPU time, not the clock: on a
 * machine shared with other jobs the clock also counts the time this process waited for a core
 * (in one CI run at load average 18, a linear 2 MB check took 18 s by the clock).
 */
export function expectWithin(limitMs: number, work: () => unknown) {
  const started = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(started);
  expect((user + system) / 1000).toBeLessThan(limitMs);
}

/** The time limit for one pathological input of the largest size accepted. */
export const HOSTILE_INPUT_LIMIT_MS = 10_000;
