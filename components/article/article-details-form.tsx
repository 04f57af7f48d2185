"use client";

import { updateArticleDetailsAction } from "@/lib/articles/actions";
import { Field, FormMessage } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { LanguageChoices } from "@/components/forms/language-choices";

export function ArticleDetailsForm({
  article,
}: {
  article: { id: string; title: string; outlet: string; url: string | null; publicationDate: string; language: string };
}) {
  const [state, action, pending, form] = useFormAction(updateArticleDetailsAction);
  return (
    <details className="card details-form">
      <summary>Edit details</summary>
      {/* noValidate: the server's messages, beside each field, as in every other form. */}
      <form ref={form} aria-label="Article details" action={action} noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={article.id} />
        <Field name="title" label="Title" state={state} defaultValue={article.title} required />
        <Field name="outlet" label="Outlet" state={state} defaultValue={article.outlet} required />
        <Field name="url" label="URL" type="url" state={state} defaultValue={article.url ?? ""} />
        <Field name="publicationDate" label="Publication date" type="date" state={state} defaultValue={article.publicationDate} />
        <Field
          name="language"
          label="Language"
          hint="A BCP 47 tag: en, de, pt-BR. Search stems the article's words in its language."
          state={state}
          defaultValue={article.language}
          list="article-language-choices"
          autoComplete="off"
        />
        <LanguageChoices id="article-language-choices" />
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </button>
      </form>
    </details>
  );
}
