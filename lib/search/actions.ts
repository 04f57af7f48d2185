"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { articleIdsOfClaim } from "@/lib/claims/data";
import { adoptVerdict, linkSameClaim, unlinkSameClaim } from "@/lib/claims/same-claim";
import { dismissSuggestion, restoreSuggestion } from "@/lib/search/suggested-claims";
import { adoptVerdictSchema, linkSameClaimSchema, suggestionSpanSchema, unlinkSameClaimSchema } from "@/lib/search/schemas";

export const linkSameClaimAction = formAction(linkSameClaimSchema, async (actor, input) => {
  const groupId = await linkSameClaim(actor, input);
  const [mine, theirs] = await Promise.all([
    articleIdsOfClaim(actor, { claimId: input.claimId }),
    articleIdsOfClaim(actor, { claimId: input.otherClaimId }),
  ]);
  revalidateArticles([...mine, ...theirs]);
  return { message: "Linked as the same claim.", data: { groupId } };
});

export const unlinkSameClaimAction = formAction(unlinkSameClaimSchema, async (actor, input) => {
  await unlinkSameClaim(actor, input);
  revalidateArticles(await articleIdsOfClaim(actor, { claimId: input.claimId }));
  return "Unlinked.";
});

export const adoptVerdictAction = formAction(adoptVerdictSchema, async (actor, input) => {
  const version = await adoptVerdict(actor, input);
  revalidateArticles(await articleIdsOfClaim(actor, { claimId: input.claimId }));
  return { message: "Verdict adopted as your proposal: submit the claim for approval as usual.", data: { version } };
});

export const dismissSuggestionAction = formAction(suggestionSpanSchema, async (actor, input) => {
  await dismissSuggestion(actor, input);
  return { message: "Dismissed: it will not be suggested again.", data: { start: input.start, end: input.end } };
});

export const restoreSuggestionAction = formAction(suggestionSpanSchema, async (actor, input) => {
  await restoreSuggestion(actor, input);
  return { message: "Suggested again.", data: { start: input.start, end: input.end } };
});
