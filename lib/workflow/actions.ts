"use server";

import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/current-user";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { articleIdsOfClaim } from "@/lib/claims/data";
import { submitClaims, transitionClaim } from "@/lib/workflow/data";
import { submitClaimsSchema, transitionSchema, undoApprovalSchema } from "@/lib/workflow/schemas";
import { undoApproval } from "@/lib/workflow/undo-approval";

const DONE = {
  submit: "Submitted for review.",
  approve: "Approved.",
  request_changes: "Sent back to the reviewer with your note.",
  reopen: "Reopened: the claim is back in the editors' queue.",
} as const;

export const transitionClaimAction = formAction(transitionSchema, async (actor, input) => {
  const version = await transitionClaim(actor, input);
  await revalidateWorkflow(actor, input.claimId);
  return { message: DONE[input.action], data: { version } };
});

export const undoApprovalAction = formAction(undoApprovalSchema, async (actor, input) => {
  const version = await undoApproval(actor, input);
  await revalidateWorkflow(actor, input.claimId);
  return { message: "Approval undone: the claim is back in the queue.", data: { version } };
});

export const submitClaimsAction = formAction(submitClaimsSchema, async (actor, input) => {
  const result = await submitClaims(actor, input);
  revalidateWorkflowPages(result.articleIds);
  const count = result.changed.length;
  return { message: `Submitted ${count === 1 ? "1 claim" : `${count.toLocaleString("en")} claims`} for review.`, data: result };
});

async function revalidateWorkflow(actor: Actor, claimId: string) {
  revalidateWorkflowPages(await articleIdsOfClaim(actor, { claimId }));
}

function revalidateWorkflowPages(articleIds: string[]) {
  revalidateArticles(articleIds);
  revalidatePath("/queue");
  revalidatePath("/home");
  revalidatePath("/articles");
}
