import { z } from "zod";
import { recordId } from "@/lib/validation/fields";

/** Publish or unpublish an article: which one. */
export const publishArticleSchema = z.object({
  articleId: recordId("Choose an article."),
});
