"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { confirmVersion, previewVersion } from "@/lib/versions/data";
import { confirmVersionSchema, newVersionSchema } from "@/lib/versions/schemas";

export const previewVersionAction = formAction(newVersionSchema, async (actor, input) => {
  const review = await previewVersion(actor, input);
  const sentBack = review.claims.filter((c) => c.needsReview).length;
  const message = review.sameText
    ? "The new text is the same as the current version."
    : `Version ${review.number}: ${review.wordCount.toLocaleString("en")} words. ${sentBack === 1 ? "1 claim goes" : `${sentBack} claims go`} back to the reviewer.`;
  return { message, data: review };
});

export const confirmVersionAction = formAction(confirmVersionSchema, async (actor, input) => {
  const number = await confirmVersion(actor, input);
  revalidateArticles([input.articleId]);
  revalidatePath("/articles");
  revalidatePath("/queue");
  redirect(`/articles/${input.articleId}/versions/${number}?confirmed=1`);
});
