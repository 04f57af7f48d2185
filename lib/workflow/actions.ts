"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { articleIdsOfClaim } from "@/lib/claims/data";
import { submitClaims, transitionClaim } from "@/lib/workflow/data";
import { submitClaimsSchema, transitionSchema } from "@/lib/workflow/schemas";

const DONE = {
  submit: "Submitted for review.",
  approve: "Approved.",
  request_changes: "Sent back to the reviewer with your note.",
  reopen: "Reopened: the claim is back in the editors' queue.",
} as const;

export const transitionClaimAction = formAction(transitionSchema, async (actor, input) => {
  const version = await transitionClaim(actor, input);
  revalidateArticles(await articleIdsOfClaim(actor, { claimId: input.claimId }));
  revalidatePath("/queue");
  revalidatePath("/home");
  revalidatePath("/articles");
  return { message: DONE[input.action], data: { version } };
});

export const submitClaimsAction = formAction(submitClaimsSchema, async (actor, input) => {
  const result = await submitClaims(actor, input);
  revalidateArticles(result.articleIds);
  revalidatePath("/queue");
  revalidatePath("/home");
  revalidatePath("/articles");
  const count = result.changed.length;
  return { message: `Submitted ${count === 1 ? "1 claim" : `${count.toLocaleString("en")} claims`} for review.`, data: result };
});
