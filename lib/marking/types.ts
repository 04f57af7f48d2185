import type { UserRef } from "@/lib/claims/types";
import type { PairAgreement } from "@/lib/agreement/spans";

/**
 * A blind marking round as one viewer may see it (lib/marking/reads.ts). Plain types, so
 * client components can import them. Marks are present only where visibleBlindMarkWhere lets
 * the viewer read them: their own while the round is open, everyone's once it is revealed.
 */
export interface MarkView {
  id: string;
  reviewer: UserRef;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  restatement: string;
}

/** Marks that overlap, shown as one claim to reconcile; resolved once an editor decided on it. */
export interface MarkGroup {
  marks: MarkView[];
  resolved: boolean;
  /** The claim the editor made of the group (null: not yet, or set aside). */
  claimId: string | null;
}

export interface MarkingView {
  id: string;
  articleId: string;
  openedBy: UserRef | null;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: UserRef | null;
  seats: Array<{ reviewer: UserRef; finishedAt: Date | null }>;
  /** The viewer's own marks, in text order. */
  mine: MarkView[];
  /** Once revealed: every mark, grouped where they overlap, in text order; null while blind. */
  groups: MarkGroup[] | null;
  /** Once revealed: span agreement between the reviewers (lib/agreement/spans.ts). */
  agreement: { pairs: Array<{ a: UserRef; b: UserRef } & PairAgreement>; overall: PairAgreement } | null;
  mayMark: boolean;
  mayClose: boolean;
  mayReconcile: boolean;
}

/** One mark of a revealed round, as the marks CSV lists it; offsets in Unicode code points. */
export interface RevealedMark {
  roundId: string;
  articleId: string;
  revealedAt: Date;
  /** Its group of overlapping marks in the round, numbered in text order from 1. */
  group: number;
  outcome: "undecided" | "claim" | "set aside";
  claimId: string | null;
  reviewer: UserRef;
  start: number;
  end: number;
  exact: string;
  restatement: string;
}
