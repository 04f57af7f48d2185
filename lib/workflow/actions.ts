"use server";

import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/current-user";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { articleIdsOfClaim } from "@/lib/claims/data";
import { transitionClaim } from "@/lib/workflow/data";
import { transitionSchema, undoApprovalSchema } from "@/lib/workflow/schemas";
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

async function revalidateWorkflow(actor: Actor, claimId: string) {
  revalidateArticles(await articleIdsOfClaim(actor, { claimId }));
  revalidatePath("/queue");
  revalidatePath("/home");
  revalidatePath("/articles");
}
