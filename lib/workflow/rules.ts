import { hasRole } from "@/lib/auth/roles";
import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";

/**
 * The editorial workflow as pure rules: DRAFT → SUBMITTED → APPROVED,
 * SUBMITTED → CHANGES_REQUESTED → SUBMITTED, and APPROVED → SUBMITTED (reopen).
 * The data layer applies them; the UI asks them which buttons to show.
 */
export const WORKFLOW_ACTIONS = ["submit", "approve", "request_changes", "reopen"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const TRANSITIONS: Record<WorkflowAction, { from: ClaimState[]; to: ClaimState; verb: string }> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED", verb: "submitted" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", verb: "approved" },
  request_changes: { from: ["SUBMITTED"], to: "CHANGES_REQUESTED", verb: "sent back with changes requested" },
  reopen: { from: ["APPROVED"], to: "SUBMITTED", verb: "reopened" },
};

/**
 * Where a claim goes when a new version of its article changes or loses the text it quotes:
 * a submitted claim goes back to its reviewer (changes requested); a draft or a claim with
 * changes requested stays with them. An approved claim stays approved, so nothing leaves a
 * public page silently: its reviewer and approving editor are told instead (lib/versions).
 */
export function stateAfterTextChange(state: ClaimState): ClaimState {
  return state === "SUBMITTED" ? TRANSITIONS.request_changes.to : state;
}

/**
 * How long the queue offers Undo after an approval. The server allows a little longer, for
 * the round trip of a click made in the last second.
 */
export const UNDO_APPROVAL_SECONDS = 8;
export const UNDO_APPROVAL_GRACE_SECONDS = 5;

export interface WorkflowActor {
  id: string;
  role: Role;
}

export interface WorkflowClaim {
  state: ClaimState;
  authorId: string;
  verdictProposedById: string | null;
  /** Who last changed what the claim publishes (restatement, verdict, rationale, evidence). */
  contentChangedById: string | null;
  verdict: RatingId | null;
  rationale: string | null;
  evidenceCount: number;
  /** Whether the claim's article has a public page: reopening an approved claim then is a public correction. */
  articlePublic: boolean;
}

export interface Refusal {
  /** The form field the message belongs to, when the user can fix it there. */
  field?: "note" | "correctionNote";
  message: string;
}

/** What a claim still needs before it can be submitted, in words ("a verdict", …). */
export function missingForSubmit(claim: WorkflowClaim): string[] {
  const missing: string[] = [];
  if (!claim.verdict) missing.push("a verdict");
  if (!claim.rationale?.trim()) missing.push("a rationale");
  if (claim.evidenceCount === 0) missing.push("at least one evidence item");
  return missing;
}

// How a refusal names the claim's state ("This claim is a draft; only approved claims can be reopened.").
const STATE_PHRASES: Record<ClaimState, { is: string; which: string }> = {
  DRAFT: { is: "is a draft", which: "drafts" },
  SUBMITTED: { is: "is submitted", which: "submitted claims" },
  CHANGES_REQUESTED: { is: "has changes requested", which: "claims with changes requested" },
  APPROVED: { is: "is approved", which: "approved claims" },
};

/** Why this step is not open to the actor at all (wrong state or role), or null. */
function stepRefusal(actor: WorkflowActor, claim: WorkflowClaim, action: WorkflowAction): Refusal | null {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(claim.state)) {
    const allowed = transition.from.map((state) => STATE_PHRASES[state].which).join(" or ");
    return { message: `This claim ${STATE_PHRASES[claim.state].is}; only ${allowed} can be ${transition.verb}.` };
  }
  if (action === "submit") {
    return claim.authorId === actor.id || hasRole(actor, "EDITOR") ? null : { message: "Only the claim's author or an editor can submit it." };
  }
  return hasRole(actor, "EDITOR") ? null : { message: "Only editors can approve, request changes or reopen claims." };
}

/** Why the step cannot be taken yet although it is open to the actor (missing content, four-eyes rule). */
function blocker(actor: WorkflowActor, claim: WorkflowClaim, action: WorkflowAction): Refusal | null {
  if (action === "submit") {
    const missing = missingForSubmit(claim);
    return missing.length > 0 ? { message: `Before submitting, add ${joinWords(missing)}.` } : null;
  }
  if (action === "approve" && claim.verdictProposedById === actor.id) {
    return { message: "You proposed this verdict, so another editor must approve it (four-eyes rule)." };
  }
  // Editors may edit a submitted claim: approving needs what submitting needed (no unrated or unsupported verdicts).
  if (action === "approve") {
    const missing = missingForSubmit(claim);
    if (missing.length > 0) return { message: `Before approving, add ${joinWords(missing)}.` };
  }
  // Whoever last changed what the claim publishes (restatement, rationale, evidence) is a writer of it too.
  if (action === "approve" && claim.contentChangedById === actor.id) {
    return { message: "You made the latest change to what this claim publishes, so another editor must approve it (four-eyes rule)." };
  }
  return null;
}

/** Whether taking this step is a public correction: reopening an approved claim of a published article. */
export function isCorrection(claim: WorkflowClaim, action: WorkflowAction) {
  return action === "reopen" && claim.articlePublic;
}

/** Why the actor may not take this step now, or null when they may. */
export function workflowRefusal(
  actor: WorkflowActor,
  claim: WorkflowClaim,
  action: WorkflowAction,
  note?: string | null,
  correctionNote?: string | null,
): Refusal | null {
  const refusal = stepRefusal(actor, claim, action) ?? blocker(actor, claim, action);
  if (refusal) return refusal;
  if ((action === "request_changes" || action === "reopen") && !note?.trim()) {
    return { field: "note", message: action === "reopen" ? "Say why the claim is reopened." : "Say what should change." };
  }
  if (isCorrection(claim, action) && !correctionNote?.trim()) {
    return {
      field: "correctionNote",
      message: "This verdict is published: write the correction note readers will see (the claim shows as withdrawn until it is approved again).",
    };
  }
  return null;
}

/** The steps open to the actor on this claim, each with what still blocks it (for the buttons). */
export function workflowOptions(actor: WorkflowActor, claim: WorkflowClaim) {
  return WORKFLOW_ACTIONS.filter((action) => stepRefusal(actor, claim, action) === null).map((action) => ({
    action,
    blockedBy: blocker(actor, claim, action)?.message ?? null,
  }));
}

function joinWords(words: string[]) {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
