"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { publishArticle, unpublishArticle } from "@/lib/publishing/data";
import { publishArticleSchema } from "@/lib/publishing/schemas";

/**
 * Publishing an article's approved verdicts on its public page (/p/<id>, read from the
 * database on every request, so it changes at once). Editors only: the data layer checks
 * the role and records the audit event.
 */
export const publishArticleAction = formAction(publishArticleSchema, async (actor, input) => {
  await publishArticle(actor, input.articleId);
  revalidateArticles([input.articleId]);
  return "Published: anyone with the link can read the approved verdicts.";
});

export const unpublishArticleAction = formAction(publishArticleSchema, async (actor, input) => {
  await unpublishArticle(actor, input.articleId);
  revalidateArticles([input.articleId]);
  return "Unpublished: the public page is gone.";
});
