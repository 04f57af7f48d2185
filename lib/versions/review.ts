import type { ClaimState } from "@/lib/generated/prisma/enums";
import { wordParts, type WordPart } from "@/lib/claims/history";
import { stateAfterTextChange } from "@/lib/workflow/rules";
import { reanchorSpans, type Placement, type StoredSpan } from "@/lib/versions/reanchor";

/**
 * What a new version does to an article's annotations, before anything is written: every
 * claim and evidence passage re-anchored (reanchor.ts), and which claims go back to their
 * reviewer. The review screen shows it; confirming writes exactly it.
 */
export interface AnnotatedSpan extends StoredSpan {
  id: string;
}

export interface ReviewClaim extends AnnotatedSpan {
  state: ClaimState;
}

export interface ReviewEvidence extends AnnotatedSpan {
  claimId: string;
}

export interface SpanOutcome {
  id: string;
  old: StoredSpan;
  placement: Placement;
  /** The quote's words, old against new (only where they changed). */
  parts: WordPart[] | null;
}

export interface ClaimOutcome extends SpanOutcome {
  /** Its words changed or it was orphaned: its reviewer must look at it again. */
  needsReview: boolean;
  stateBefore: ClaimState;
  stateAfter: ClaimState;
}

export interface VersionPlan {
  claims: ClaimOutcome[];
  evidence: SpanOutcome[];
}

export function planVersion(oldText: string, newText: string, claims: ReviewClaim[], evidence: ReviewEvidence[]): VersionPlan {
  const placements = reanchorSpans(oldText, newText, [...claims, ...evidence]);
  const outcome = (span: AnnotatedSpan, placement: Placement): SpanOutcome => ({
    id: span.id,
    old: { startOffset: span.startOffset, endOffset: span.endOffset, exact: span.exact, prefix: span.prefix, suffix: span.suffix },
    placement,
    parts: placement.kind === "changed" || placement.kind === "retyped" ? wordParts(span.exact, placement.span.exact) : null,
  });
  return {
    claims: claims.map((claim, i) => {
      const placement = placements[i];
      const needsReview = placement.kind === "changed" || placement.kind === "orphaned";
      return { ...outcome(claim, placement), needsReview, stateBefore: claim.state, stateAfter: needsReview ? stateAfterTextChange(claim.state) : claim.state };
    }),
    evidence: evidence.map((span, i) => outcome(span, placements[claims.length + i])),
  };
}

/** Whether the outcome changes the stored span (its offsets, quote or status). */
export function spanChanges({ old, placement }: SpanOutcome): boolean {
  if (placement.kind === "orphaned") return true;
  const { span } = placement;
  return span.startOffset !== old.startOffset || span.endOffset !== old.endOffset || span.exact !== old.exact || span.prefix !== old.prefix || span.suffix !== old.suffix;
}
