import type { UserRef } from "@/lib/claims/types";

/**
 * A blind round as one viewer may see it (lib/rounds/read-rounds.ts). Plain types, so the
 * claim panel's client components can import them. A seat's verdict and rationale are
 * present only where lib/auth/visibility.ts lets the viewer read them.
 */
export interface RoundSeat {
  reviewer: UserRef;
  submittedAt: Date | null;
  /** The rating id; null until submitted, and for everyone else until the round is revealed. */
  verdict: string | null;
  rationale: string | null;
}

export interface RoundView {
  id: string;
  requiredCount: number;
  openedBy: UserRef | null;
  openedAt: Date;
  /** When the verdicts were revealed (null: the round is open). */
  closedAt: Date | null;
  /** The editor who closed the round early; null when the last verdict closed it. */
  closedBy: UserRef | null;
  reconciledAt: Date | null;
  reconciledBy: UserRef | null;
  finalVerdict: string | null;
  reconcileNote: string | null;
  seats: RoundSeat[];
  /** What the viewer may do with the round now. */
  mayGiveVerdict: boolean;
  mayClose: boolean;
  mayReconcile: boolean;
}

/** Revealed verdicts that differ, as the queue flags them: each verdict with how many reviewers gave it. */
export interface Disagreement {
  roundId: string;
  counts: { verdict: string; count: number }[];
}
