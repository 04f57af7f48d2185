import { hasRole } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import type { ClaimPermissions } from "@/lib/claims/types";

interface ClaimActor {
  id: string;
  role: Role;
}

interface ClaimOwnership {
  authorId: string;
  state: ClaimState;
}

/**
 * Who may change a claim (its text, verdict, evidence, or delete it): its author while it
 * is a draft or has changes requested; editors and admins while it is not approved (an
 * approved claim is reopened first). Everyone signed in may read and comment on claims
 * they can see.
 */
export function claimPermissions(actor: ClaimActor, claim: ClaimOwnership): ClaimPermissions {
  const canChange = mayChange(actor, claim);
  return {
    canEdit: canChange,
    canDelete: canChange,
    canAddEvidence: canChange,
    canComment: true,
    ...organisePermissions(actor, claim),
  };
}

function mayChange(actor: ClaimActor, claim: ClaimOwnership) {
  return hasRole(actor, "EDITOR")
    ? claim.state !== "APPROVED"
    : claim.authorId === actor.id && (claim.state === "DRAFT" || claim.state === "CHANGES_REQUESTED");
}

/**
 * Who may organise a claim (its tags and assignee, which change nothing it publishes):
 * editors and admins any claim they can see, assigned to anyone; a reviewer the claims they
 * may change, assigned only to themselves.
 */
function organisePermissions(actor: ClaimActor, claim: ClaimOwnership): Pick<ClaimPermissions, "canTag" | "canAssign"> {
  if (hasRole(actor, "EDITOR")) return { canTag: true, canAssign: "anyone" };
  return mayChange(actor, claim) ? { canTag: true, canAssign: "self" } : { canTag: false, canAssign: "nobody" };
}

/** Throws ForbiddenError unless the actor may set these tags on the claim. */
export function assertMayTag(actor: ClaimActor, claim: ClaimOwnership) {
  if (!organisePermissions(actor, claim).canTag) {
    throw new ForbiddenError("You can only tag your own claims while they are drafts or have changes requested.");
  }
}

/**
 * Throws ForbiddenError unless the actor may give the claim this assignee (null: nobody). A
 * reviewer may take a claim or give it back, never hand it to someone else.
 */
export function assertMayAssign(actor: ClaimActor, claim: ClaimOwnership & { assigneeId: string | null }, assigneeId: string | null) {
  const may = organisePermissions(actor, claim).canAssign;
  if (may === "anyone") return;
  if (may === "nobody") throw new ForbiddenError("You can only assign your own claims while they are drafts or have changes requested.");
  const toSelf = assigneeId === actor.id || (assigneeId === null && claim.assigneeId === actor.id);
  if (!toSelf) throw new ForbiddenError("Reviewers can assign claims only to themselves.");
}

type Change = "edit" | "delete" | "evidence";

const REFUSALS: Record<Change, { permission: keyof ClaimPermissions; own: string; approved: string }> = {
  edit: {
    permission: "canEdit",
    own: "You can only edit your own claims while they are drafts or have changes requested.",
    approved: "This claim is approved: reopen it before editing it.",
  },
  delete: {
    permission: "canDelete",
    own: "You can only delete your own claims while they are drafts or have changes requested.",
    approved: "This claim is approved: reopen it before deleting it.",
  },
  evidence: {
    permission: "canAddEvidence",
    own: "You can only change the evidence of your own claims while they are drafts or have changes requested.",
    approved: "This claim is approved: reopen it before changing its evidence.",
  },
};

/** Throws ForbiddenError, with a sentence saying why, unless the actor may make this change. */
export function assertMayChange(actor: ClaimActor, claim: ClaimOwnership, change: Change) {
  const refusal = REFUSALS[change];
  if (claimPermissions(actor, claim)[refusal.permission]) return;
  throw new ForbiddenError(hasRole(actor, "EDITOR") ? refusal.approved : refusal.own);
}

/**
 * Changing a verdict someone else proposed needs a note saying why, and they are told
 * (lib/claims/writes.ts). A claim with no verdict yet has nobody to tell.
 */
export function verdictChangeNeedsNote(actor: ClaimActor, verdictProposedById: string | null): verdictProposedById is string {
  return verdictProposedById !== null && verdictProposedById !== actor.id;
}
