import type { ClaimState } from "@/lib/generated/prisma/enums";

/** The desk dashboard's numbers from its raw rows (lib/agreement/desk.ts reads them). Pure. */

export const STATES: ClaimState[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"];
const DAY = 24 * 3600 * 1000;

/** The queue's age bands, in days: a claim waiting 2.5 days is in the "1–3 days" band. */
export const QUEUE_BANDS = [
  { label: "Under 1 day", below: 1 },
  { label: "1–3 days", below: 3 },
  { label: "3–7 days", below: 7 },
  { label: "A week or more", below: Infinity },
] as const;

export interface DeskFigures {
  /** Oldest week first; each week's claims by their state now. */
  weeks: { start: string; counts: Record<ClaimState, number> }[];
  /** Median hours from marking to approval over the period (null: nothing approved). */
  medianHoursToApproval: number | null;
  approvals: number;
  queue: { band: string; count: number }[];
  oldestQueueDays: number | null;
}

export function deskFigures(input: { now: Date; weeks: number; marked: { createdAt: Date; state: ClaimState }[]; approvals: number[]; queueSince: Date[] }): DeskFigures {
  const start = input.now.getTime() - input.weeks * 7 * DAY;
  const weeks = Array.from({ length: input.weeks }, (_, i) => ({
    start: new Date(start + i * 7 * DAY).toISOString().slice(0, 10),
    counts: Object.fromEntries(STATES.map((state) => [state, 0])) as Record<ClaimState, number>,
  }));
  for (const claim of input.marked) {
    const week = Math.floor((claim.createdAt.getTime() - start) / (7 * DAY));
    if (week >= 0 && week < input.weeks) weeks[week].counts[claim.state] += 1;
  }
  const ages = input.queueSince.map((since) => (input.now.getTime() - since.getTime()) / DAY);
  return {
    weeks,
    medianHoursToApproval: median(input.approvals) === null ? null : median(input.approvals)! / 3600_000,
    approvals: input.approvals.length,
    queue: QUEUE_BANDS.map((band, i) => ({
      band: band.label,
      count: ages.filter((age) => age < band.below && (i === 0 || age >= QUEUE_BANDS[i - 1].below)).length,
    })),
    oldestQueueDays: ages.length === 0 ? null : Math.max(...ages),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
