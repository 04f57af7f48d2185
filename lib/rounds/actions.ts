"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { closeRound } from "@/lib/rounds/close-round";
import { openArticleRounds, openRound } from "@/lib/rounds/open-round";
import { reconcileRound } from "@/lib/rounds/reconcile-round";
import { submitIndependentVerdict } from "@/lib/rounds/submit-verdict";
import { closeRoundSchema, openArticleRoundsSchema, openRoundSchema, reconcileRoundSchema, submitIndependentVerdictSchema } from "@/lib/rounds/schemas";

export const openRoundAction = formAction(openRoundSchema, async (actor, input) => {
  const { roundId, version, articleId } = await openRound(actor, input);
  revalidateArticles([articleId]);
  return { message: `Independent verdicts asked of ${input.size} reviewers.`, data: { roundId, version } };
});

export const openArticleRoundsAction = formAction(openArticleRoundsSchema, async (actor, input) => {
  const { opened, skipped } = await openArticleRounds(actor, input);
  revalidateArticles([input.articleId]);
  const claims = (n: number) => (n === 1 ? "1 claim" : `${n.toLocaleString("en")} claims`);
  return `Independent verdicts asked on ${claims(opened)}${skipped ? ` (${claims(skipped)} left out: approved, or a round already under way)` : ""}.`;
});

export const submitIndependentVerdictAction = formAction(submitIndependentVerdictSchema, async (actor, input) => {
  const { revealed, articleId } = await submitIndependentVerdict(actor, input);
  revalidateArticles([articleId]);
  if (revealed) revalidatePath("/queue");
  return revealed ? "Verdict given. It was the last one: the panel's verdicts are now revealed." : "Verdict given. The others' stay hidden until the round is revealed.";
});

export const closeRoundAction = formAction(closeRoundSchema, async (actor, input) => {
  const { articleId } = await closeRound(actor, input);
  revalidateArticles([articleId]);
  revalidatePath("/queue");
  return "Round closed: the verdicts given are revealed.";
});

export const reconcileRoundAction = formAction(reconcileRoundSchema, async (actor, input) => {
  const { version, articleId } = await reconcileRound(actor, input);
  revalidateArticles([articleId]);
  revalidatePath("/queue");
  return { message: "Reconciled: the final verdict is in the review queue for another editor to approve.", data: { version } };
});
