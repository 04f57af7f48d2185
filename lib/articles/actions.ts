"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { updateArticleDetails } from "@/lib/articles/data";
import { articleDetailsSchema } from "@/lib/articles/schemas";

export const updateArticleDetailsAction = formAction(articleDetailsSchema, async (actor, input) => {
  await updateArticleDetails(actor, input);
  revalidatePath(`/articles/${input.articleId}`);
  revalidatePath("/articles");
  return "Details saved.";
});
