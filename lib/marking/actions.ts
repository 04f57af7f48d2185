"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { addBlindMark, closeMarking, finishMarking, openMarking, reconcileMarks, removeBlindMark } from "@/lib/marking/writes";
import { addBlindMarkSchema, closeMarkingSchema, finishMarkingSchema, openMarkingSchema, reconcileMarksSchema, removeBlindMarkSchema } from "@/lib/marking/schemas";

/** The pages that show an article's blind marking: the article and its marking page. */
function revalidateMarking(articleId: string) {
  revalidateArticles([articleId]);
  revalidatePath(`/articles/${articleId}/marking`);
}

export const openMarkingAction = formAction(openMarkingSchema, async (actor, input) => {
  await openMarking(actor, input);
  revalidateMarking(input.articleId);
  return `Blind marking asked of ${input.size} reviewers.`;
});

export const addBlindMarkAction = formAction(addBlindMarkSchema, async (actor, input) => {
  const { articleId } = await addBlindMark(actor, input);
  revalidatePath(`/articles/${articleId}/marking`);
  return "Marked. Nobody else sees your marks until the marking is revealed.";
});

export const removeBlindMarkAction = formAction(removeBlindMarkSchema, async (actor, input) => {
  const { articleId } = await removeBlindMark(actor, input);
  revalidatePath(`/articles/${articleId}/marking`);
  return "Mark removed.";
});

export const finishMarkingAction = formAction(finishMarkingSchema, async (actor, input) => {
  const { revealed, articleId } = await finishMarking(actor, input);
  revalidateMarking(articleId);
  return revealed ? "Finished. You were the last: everyone's marks are now revealed." : "Finished. The marks are revealed when everyone on the panel has finished.";
});

export const closeMarkingAction = formAction(closeMarkingSchema, async (actor, input) => {
  const { articleId } = await closeMarking(actor, input);
  revalidateMarking(articleId);
  return "Blind marking closed: the marks made are revealed.";
});

export const reconcileMarksAction = formAction(reconcileMarksSchema, async (actor, input) => {
  const { claimId, articleId } = await reconcileMarks(actor, input);
  revalidateMarking(articleId);
  return claimId ? { message: "Claim made: it is a draft on the article, ready to be checked.", data: { claimId } } : "Set aside: no claim was made of these marks.";
});
