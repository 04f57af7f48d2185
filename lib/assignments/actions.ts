"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { assignArticle } from "@/lib/assignments/data";
import { assignArticleSchema } from "@/lib/assignments/schemas";

export const assignArticleAction = formAction(assignArticleSchema, async (actor, input) => {
  await assignArticle(actor, input);
  revalidateArticles([input.articleId]);
  return input.assigneeId ? "Article assigned." : "Assignment removed.";
});
