import type { ClaimState, EvidenceStance, Verdict } from "@/lib/generated/prisma/enums";

/**
 * The verdict scale (ClaimReview-compatible). Each verdict has a colour and an icon,
 * so colour is never the only signal; the colours are checked for WCAG AA contrast
 * against white text in globals.css (--verdict-*).
 */
export const VERDICTS = {
  FALSE: { label: "False", ratingValue: 1, icon: "✗" },
  MOSTLY_FALSE: { label: "Mostly false", ratingValue: 2, icon: "≠" },
  MIXED: { label: "Mixed", ratingValue: 3, icon: "◐" },
  MOSTLY_TRUE: { label: "Mostly true", ratingValue: 4, icon: "≈" },
  TRUE: { label: "True", ratingValue: 5, icon: "✓" },
  MISLEADING: { label: "Misleading", ratingValue: null, icon: "⚠" },
  UNVERIFIABLE: { label: "Unverifiable", ratingValue: null, icon: "?" },
} as const satisfies Record<Verdict, { label: string; ratingValue: number | null; icon: string }>;

export const VERDICT_ORDER = Object.keys(VERDICTS) as Verdict[];

/** A claim without a verdict is UNRATED. */
export const UNRATED = { label: "Unrated", icon: "○" } as const;

export function verdictLabel(verdict: Verdict | null) {
  return verdict ? VERDICTS[verdict].label : UNRATED.label;
}

export function verdictIcon(verdict: Verdict | null) {
  return verdict ? VERDICTS[verdict].icon : UNRATED.icon;
}

export const STATE_LABELS: Record<ClaimState, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
};

/** How evidence relates to its claim, in the words each place needs. */
export const STANCES: Record<EvidenceStance, { label: string; noun: string; verb: string; choice: string }> = {
  SUPPORTS: { label: "Supports", noun: "supporting evidence", verb: "supports", choice: "supports the claim" },
  CONTRADICTS: { label: "Contradicts", noun: "contradicting evidence", verb: "contradicts", choice: "contradicts the claim" },
  CONTEXT: { label: "Context", noun: "context", verb: "gives context to", choice: "gives context" },
};

export const STANCE_ORDER = Object.keys(STANCES) as EvidenceStance[];
