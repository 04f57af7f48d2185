"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import {
  addComment,
  addEvidence,
  articleIdsOfClaim,
  createClaim,
  deleteClaim,
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

// The reader adds the new claim from the answer: re-rendering the whole article page into
// it would cost more than the write itself (issue #7's write benchmark).
export const createClaimAction = formAction(createClaimSchema, async (actor, input) => {
  const claim = await createClaim(actor, input);
  return { message: "Claim marked.", data: { claim } };
});

export const updateClaimAction = formAction(updateClaimSchema, async (actor, input) => {
  const articleIds = await articleIdsOfClaim(actor, { claimId: input.claimId });
  const version = await updateClaim(actor, input);
  revalidateArticles(articleIds);
  return { message: "Claim saved.", data: { version } };
});

export const deleteClaimAction = formAction(deleteClaimSchema, async (actor, input) => {
  const articleIds = await articleIdsOfClaim(actor, { claimId: input.claimId });
  await deleteClaim(actor, input);
  revalidateArticles(articleIds);
  return { message: "Claim deleted.", data: { id: input.claimId } };
});

export const addEvidenceAction = formAction(addEvidenceSchema, async (actor, input) => {
  const articleIds = await articleIdsOfClaim(actor, { claimId: input.claimId });
  const { id, version } = await addEvidence(actor, input);
  revalidateArticles(input.kind === "PASSAGE" ? [...articleIds, input.sourceArticleId] : articleIds);
  return { message: "Evidence added.", data: { id, version } };
});

export const removeEvidenceAction = formAction(removeEvidenceSchema, async (actor, input) => {
  const articleIds = await articleIdsOfClaim(actor, { evidenceId: input.evidenceId });
  const version = await removeEvidence(actor, input);
  revalidateArticles(articleIds);
  return { message: "Evidence removed.", data: { version } };
});

export const addCommentAction = formAction(addCommentSchema, async (actor, input) => {
  const articleIds = await articleIdsOfClaim(actor, { claimId: input.claimId });
  const { id } = await addComment(actor, input);
  revalidateArticles(articleIds);
  return { message: "Comment added.", data: { id } };
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
