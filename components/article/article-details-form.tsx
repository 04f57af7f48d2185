"use client";

import { useActionState } from "react";
import { updateArticleDetailsAction } from "@/lib/articles/actions";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/forms/field";

export function ArticleDetailsForm({
  article,
}: {
  article: { id: string; title: string; outlet: string; url: string | null; publicationDate: string };
}) {
  const [state, action, pending] = useActionState(updateArticleDetailsAction, initialFormState);
  return (
    <details className="card details-form">
      <summary>Edit details</summary>
      <form action={action}>
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={article.id} />
        <Field name="title" label="Title" state={state} defaultValue={article.title} required />
        <Field name="outlet" label="Outlet" state={state} defaultValue={article.outlet} required />
        <Field name="url" label="URL" type="url" state={state} defaultValue={article.url ?? ""} />
        <Field name="publicationDate" label="Publication date" type="date" state={state} defaultValue={article.publicationDate} />
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </button>
      </form>
    </details>
  );
}
