"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { importArticleAction, previewImportAction } from "@/lib/articles/actions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/forms/field";
import { ArticleBody } from "@/components/article/article-body";

const FORMATS = [
  ["auto", "Auto-detect"],
  ["TEXT", "Plain text"],
  ["MARKDOWN", "Markdown"],
  ["HTML", "HTML"],
] as const;

/** The ids a control's aria-describedby names: its hint, and its error when it has one. */
function describedBy(state: FormState, name: string, hint?: string) {
  return [hint, state.fieldErrors?.[name] && `${name}-error`].filter(Boolean).join(" ") || undefined;
}

function invalid(state: FormState, name: string) {
  return state.fieldErrors?.[name] ? true : undefined;
}

export function ImportForm() {
  const [previewState, preview, previewing] = useActionState(previewImportAction, initialFormState);
  const [importState, runImport, importing] = useActionState(importArticleAction, initialFormState);
  const [lastRun, setLastRun] = useState<"preview" | "import">("preview");
  // The errors shown are those of the last button pressed; the preview stays until the next one.
  const state = lastRun === "preview" ? previewState : importState;
  const result = previewState.status === "ok" ? previewState.data : undefined;
  const busy = previewing || importing;

  // Dispatched by hand rather than through <form action>: React resets a form once its
  // action has run, which would drop the chosen file between Preview and Import.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const run = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "import" ? "import" : "preview";
    const formData = new FormData(event.currentTarget);
    // A file input with nothing chosen still submits an empty file, which arrives
    // at the server under a made-up name ("blob"): leave it out.
    const file = formData.get("file");
    if (file instanceof File && file.size === 0 && file.name === "") formData.delete("file");
    setLastRun(run);
    startTransition(() => (run === "import" ? runImport : preview)(formData));
  }

  return (
    // noValidate: the server's messages, beside each field, as in every other form.
    <form className="import-layout" onSubmit={submit} noValidate aria-label="Import an article">
      <div className="import-steps">
        {state.status === "error" && <FormMessage state={state} />}
        <fieldset className="card">
          <legend>The article</legend>
          <Field name="content" label="Paste the article" state={state}>
            <textarea id="content" name="content" rows={12} spellCheck={false} aria-invalid={invalid(state, "content")} aria-describedby={describedBy(state, "content")} />
          </Field>
          <Field name="file" label="Or choose a file" state={state}>
            <input
              id="file"
              name="file"
              type="file"
              accept=".txt,.md,.markdown,.html,.htm"
              aria-invalid={invalid(state, "file")}
              aria-describedby={describedBy(state, "file", "file-hint")}
            />
            <p id="file-hint" className="field-hint">
              .txt, .md or .html, up to 2 MB. A chosen file is imported instead of pasted text.
            </p>
          </Field>
          <Field name="format" label="Format" state={state}>
            <select id="format" name="format" defaultValue="auto" aria-invalid={invalid(state, "format")} aria-describedby={describedBy(state, "format")}>
              {FORMATS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <button className="button button--quiet" type="submit" value="preview" disabled={busy}>
            {previewing ? "Reading…" : "Preview"}
          </button>
        </fieldset>

        <fieldset className="card">
          <legend>Details</legend>
          <Field name="title" label="Title" state={state}>
            {/* Refilled with each new title a preview finds. */}
            <input
              key={result?.title}
              id="title"
              name="title"
              defaultValue={result?.title}
              aria-invalid={invalid(state, "title")}
              aria-describedby={describedBy(state, "title", "title-hint")}
            />
            <p id="title-hint" className="field-hint">
              {result?.titleIsGuess
                ? "The article names no title: this is its first sentence. Check it."
                : "Leave blank to use the title found in the article."}
            </p>
          </Field>
          <Field name="outlet" label="Outlet" state={state} required />
          <Field name="url" label="URL" type="url" state={state} />
          <Field name="publicationDate" label="Publication date" type="date" state={state} />
          <button className="button" type="submit" value="import" disabled={busy}>
            {importing ? "Importing…" : "Import article"}
          </button>
        </fieldset>
      </div>

      <section className="import-preview" aria-label="Preview" aria-busy={previewing}>
        {result ? (
          <>
            <p className="import-preview__note" role="status">
              {previewState.message}
            </p>
            <div className="article">
              <h2 className="article__title">{result.title}</h2>
              <ArticleBody doc={result.doc} />
            </div>
          </>
        ) : (
          <p className="card empty">Preview shows the article as readers will see it.</p>
        )}
      </section>
    </form>
  );
}
