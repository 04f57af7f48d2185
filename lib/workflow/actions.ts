"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { getClaimDetail } from "@/lib/claims/data";
import { submitClaims, transitionClaim } from "@/lib/workflow/data";
import { submitClaimsSchema, transitionSchema, undoApprovalSchema } from "@/lib/workflow/schemas";
import { undoApproval } from "@/lib/workflow/undo-approval";

const DONE = {
  submit: "Submitted for review.",
  approve: "Approved.",
  request_changes: "Sent back to the reviewer with your note.",
  reopen: "Reopened: the claim is back in the editors' queue.",
} as const;

// A step on one claim answers with the claim as its panel shows it; nothing is revalidated,
// since Next would then render the page the step was taken on into the answer (whichever path
// is named). The reader shows the answer; the queue renders itself again; the other pages are
// dynamic and read the change when next requested.
export const transitionClaimAction = formAction(transitionSchema, async (actor, input) => {
  const version = await transitionClaim(actor, input);
  return { message: DONE[input.action], data: { version, claim: await getClaimDetail(actor, input.claimId) } };
});

export const undoApprovalAction = formAction(undoApprovalSchema, async (actor, input) => {
  const version = await undoApproval(actor, input);
  return { message: "Approval undone: the claim is back in the queue.", data: { version, claim: await getClaimDetail(actor, input.claimId) } };
});

export const submitClaimsAction = formAction(submitClaimsSchema, async (actor, input) => {
  const result = await submitClaims(actor, input);
  revalidateWorkflowPages(result.articleIds);
  const count = result.changed.length;
  return { message: `Submitted ${count === 1 ? "1 claim" : `${count.toLocaleString("en")} claims`} for review.`, data: result };
});

function revalidateWorkflowPages(articleIds: string[]) {
  revalidateArticles(articleIds);
  revalidatePath("/queue");
  revalidatePath("/home");
  revalidatePath("/articles");
}
