import type { AnchorResult } from "../anchor";
import type { AnchoringCase, Span } from "./index";

export const OUTCOMES = ["exact", "fuzzily right", "rightly orphaned", "wrongly orphaned", "misplaced"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where a matcher put a case's span, or that it orphaned it. */
export type Landing = Span | "orphaned";

export function landing(result: AnchorResult): Landing {
  return result.status === "anchored" ? { start: result.start, end: result.end } : "orphaned";
}

/**
 * Right on an expected span's offsets is "exact"; sharing at least half of the
 * two spans' union with one is "fuzzily right"; anything else is a misplacement.
 */
export function outcomeOf(c: AnchoringCase, found: Landing): Outcome {
  if (found === "orphaned") return c.expected.length === 0 || c.orphanAllowed ? "rightly orphaned" : "wrongly orphaned";
  if (c.expected.some((e) => e.start === found.start && e.end === found.end)) return "exact";
  const overlap = (e: Span) => Math.max(0, Math.min(e.end, found.end) - Math.max(e.start, found.start));
  const union = (e: Span) => Math.max(e.end, found.end) - Math.min(e.start, found.start);
  return c.expected.some((e) => overlap(e) * 2 >= union(e)) ? "fuzzily right" : "misplaced";
}

export type Tally = Record<Outcome, number>;

/** Each family's counts of each outcome, in the cases' order. */
export function tallyByFamily(cases: AnchoringCase[], find: (c: AnchoringCase) => Landing): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const c of cases) {
    const tally = tallies.get(c.family) ?? (Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Tally);
    tally[outcomeOf(c, find(c))] += 1;
    tallies.set(c.family, tally);
  }
  return tallies;
}

/** Exact, fuzzily right and rightly orphaned: the answers a reviewer can rely on. */
export function rightAnswers(tally: Tally): number {
  return tally.exact + tally["fuzzily right"] + tally["rightly orphaned"];
}
