"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { importArticle, previewImport, updateArticleDetails } from "@/lib/articles/data";
import { articleDetailsSchema, articleRefSchema, importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";
import { restoreArticle, retireArticle } from "@/lib/articles/retire";
import { languageName } from "@/lib/format";

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
  const read = preview.page ? `Read from the web page: ${words}.` : `Read as ${FORMAT_NAMES[preview.format]}: ${words}.`;
  const furniture = preview.furniture.filter(Boolean).length;
  const leftOut =
    furniture === 0 ? [] : [`${furniture === 1 ? "One paragraph looks" : `${furniture} paragraphs look`} like site furniture and ${furniture === 1 ? "is" : "are"} left out: keep any the article needs.`];
  const language = preview.language ? `Language: ${languageName(preview.language)} (detected).` : "Language: not detected; enter it below.";
  return { message: [read, language, ...leftOut, ...preview.notices].join(" "), data: preview };
});

export const importArticleAction = formAction(importArticleSchema, async (actor, input) => {
  const id = await importArticle(actor, input);
  revalidatePath("/articles");
  redirect(`/articles/${id}`);
});

export const retireArticleAction = formAction(articleRefSchema, async (actor, input) => {
  await retireArticle(actor, input.articleId);
  revalidateArticles([input.articleId]);
  revalidatePath("/articles");
  return "Retired: reviewers no longer see this article, and its public page, if it had one, says it was withdrawn.";
});

export const restoreArticleAction = formAction(articleRefSchema, async (actor, input) => {
  await restoreArticle(actor, input.articleId);
  revalidateArticles([input.articleId]);
  revalidatePath("/articles");
  return "Restored: reviewers see this article again. It is not published: publish it again if it should be public.";
});
