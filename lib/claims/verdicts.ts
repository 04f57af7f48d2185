import type { ClaimState, EvidenceStance } from "@/lib/generated/prisma/enums";

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
