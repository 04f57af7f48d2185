"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { copyScale, deleteRating, moveRating, saveRating, setRatingRetired, switchScale, updateScale } from "@/lib/ratings/data";
import { copyScaleSchema, moveRatingSchema, ratingSchema, saveRatingSchema, switchScaleSchema, updateScaleSchema } from "@/lib/ratings/schemas";

// Every page shows verdicts in the scale's words and colours.
const changed = () => revalidatePath("/", "layout");

export const copyScaleAction = formAction(copyScaleSchema, async (actor, input) => {
  const scaleId = await copyScale(actor, input);
  changed();
  return { message: `“${input.name}” is ready to edit. Switch to it when it is right.`, data: { scaleId } };
});

export const updateScaleAction = formAction(updateScaleSchema, async (actor, input) => {
  await updateScale(actor, input);
  changed();
  return "The scale is saved.";
});

export const saveRatingAction = formAction(saveRatingSchema, async (actor, input) => {
  await saveRating(actor, input);
  changed();
  return input.ratingId ? `“${input.label}” is saved.` : `“${input.label}” is added at the end of the scale.`;
});

export const moveRatingAction = formAction(moveRatingSchema, async (actor, input) => {
  await moveRating(actor, input);
  changed();
  return `Moved ${input.direction}.`;
});

export const retireRatingAction = formAction(ratingSchema, async (actor, input) => {
  await setRatingRetired(actor, input, true);
  changed();
  return "Retired: verdicts that have it keep it; new verdicts cannot choose it.";
});

export const restoreRatingAction = formAction(ratingSchema, async (actor, input) => {
  await setRatingRetired(actor, input, false);
  changed();
  return "Brought back: new verdicts can choose it again.";
});

export const deleteRatingAction = formAction(ratingSchema, async (actor, input) => {
  await deleteRating(actor, input);
  changed();
  return "Deleted.";
});

export const switchScaleAction = formAction(switchScaleSchema, async (actor, input) => {
  const changedClaims = await switchScale(actor, input);
  changed();
  return `Switched. New verdicts use this scale${changedClaims ? `; ${changedClaims.toLocaleString("en")} open claim${changedClaims === 1 ? "" : "s"} took their new rating` : ""}. Approved claims keep the rating they were approved with.`;
});
