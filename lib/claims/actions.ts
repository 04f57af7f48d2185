"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import {
  addComment,
  addEvidence,
  createClaim,
  deleteClaim,
  getClaimDetail,
  removeEvidence,
  updateClaim,
} from "@/lib/claims/data";
import { assignClaims, tagClaims } from "@/lib/claims/organise";
import {
  addCommentSchema,
  assignClaimsSchema,
  tagClaimsSchema,
  addEvidenceSchema,
  createClaimSchema,
  deleteClaimSchema,
  removeEvidenceSchema,
  updateClaimSchema,
} from "@/lib/claims/schemas";

// The reader takes what changed from the answer (the new claim, or the changed claim as its
// panel shows it, with the version this write made: the claim may be newer by the time it is
// read, if someone else changed it in between): re-rendering the whole article page into the answer would cost more than
// the write itself (issue #7's write benchmark; issue #19 for the panel's actions).
export const createClaimAction = formAction(createClaimSchema, async (actor, input) => {
  const claim = await createClaim(actor, input);
  return { message: "Claim marked.", data: { claim } };
});

export const updateClaimAction = formAction(updateClaimSchema, async (actor, input) => {
  const version = await updateClaim(actor, input);
  return { message: "Claim saved.", data: { version, claim: await getClaimDetail(actor, input.claimId) } };
});

export const deleteClaimAction = formAction(deleteClaimSchema, async (actor, input) => {
  await deleteClaim(actor, input);
  return { message: "Claim deleted.", data: { id: input.claimId } };
});

export const addEvidenceAction = formAction(addEvidenceSchema, async (actor, input) => {
  const { id, version } = await addEvidence(actor, input);
  return { message: "Evidence added.", data: { id, version, claim: await getClaimDetail(actor, input.claimId) } };
});

export const removeEvidenceAction = formAction(removeEvidenceSchema, async (actor, input) => {
  const { claimId, version } = await removeEvidence(actor, input);
  return { message: "Evidence removed.", data: { version, claim: await getClaimDetail(actor, claimId) } };
});

export const addCommentAction = formAction(addCommentSchema, async (actor, input) => {
  const { id } = await addComment(actor, input);
  return { message: "Comment added.", data: { id, claim: await getClaimDetail(actor, input.claimId) } };
});

export const assignClaimsAction = formAction(assignClaimsSchema, async (actor, input) => {
  const result = await assignClaims(actor, input);
  revalidateArticles(result.articleIds);
  return { message: organisedMessage(result.changed.length, input.assigneeId ? "Assigned" : "Unassigned"), data: result };
});

export const tagClaimsAction = formAction(tagClaimsSchema, async (actor, input) => {
  const result = await tagClaims(actor, input);
  revalidateArticles(result.articleIds);
  return { message: organisedMessage(result.changed.length, "Tagged"), data: result };
});

function organisedMessage(changed: number, done: string) {
  if (changed === 0) return "Nothing to change: the claims were already so.";
  return `${done} ${changed === 1 ? "1 claim" : `${changed.toLocaleString("en")} claims`}.`;
}
