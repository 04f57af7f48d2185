import { z } from "zod";

/** Publish or unpublish an article: which one. */
export const publishArticleSchema = z.object({
  articleId: z.string({ error: "Choose an article." }).trim().min(1, { error: "Choose an article." }).max(64, { error: "Choose an article." }),
});
