"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { importArticle, previewImport, updateArticleDetails } from "@/lib/articles/data";
import { articleDetailsSchema, importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";

const FORMAT_NAMES = { TEXT: "plain text", MARKDOWN: "Markdown", HTML: "HTML" } as const;

export const updateArticleDetailsAction = formAction(articleDetailsSchema, async (actor, input) => {
  await updateArticleDetails(actor, input);
  revalidateArticles([input.articleId]);
  revalidatePath("/articles");
  return "Details saved.";
});

export const previewImportAction = formAction(importSourceSchema, async (actor, input) => {
  const preview = await previewImport(actor, input);
  const words = `${preview.wordCount.toLocaleString("en")} word${preview.wordCount === 1 ? "" : "s"}`;
  return { message: [`Read as ${FORMAT_NAMES[preview.format]}: ${words}.`, ...preview.notices].join(" "), data: preview };
});

export const importArticleAction = formAction(importArticleSchema, async (actor, input) => {
  const id = await importArticle(actor, input);
  revalidatePath("/articles");
  redirect(`/articles/${id}`);
});
