"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { importArticleAction, previewImportAction } from "@/lib/articles/actions";
import { initialFormState } from "@/lib/actions/form-state";
import { describedBy, Field, FormMessage, invalid } from "@/components/forms/field";
import { DuplicateOffer } from "@/components/import/duplicate-offer";
import { SourceFields, sourceFormData } from "@/components/import/source-fields";
import { PageDetails } from "@/components/import/page-details";
import { PreviewBlocks } from "@/components/import/preview-blocks";
import { LanguageChoices } from "@/components/forms/language-choices";
import { languageName } from "@/lib/format";
import { useWorkProgress, WorkProgressBar } from "@/components/progress/work-progress";

/** A number per preview result, so the paragraphs' choices start afresh with each preview. */
const previewIds = new WeakMap<object, number>();
let previewsSeen = 0;
function previewId(result: object): number {
  if (!previewIds.has(result)) previewIds.set(result, ++previewsSeen);
  return previewIds.get(result)!;
}

export function ImportForm() {
  const [previewState, preview, previewing] = useActionState(previewImportAction, initialFormState);
  const [importState, runImport, importing] = useActionState(importArticleAction, initialFormState);
  const [lastRun, setLastRun] = useState<"preview" | "import">("preview");
  // The errors shown are those of the last button pressed; the preview stays until the next one.
  const state = lastRun === "preview" ? previewState : importState;
  const result = previewState.status === "ok" ? previewState.data : undefined;
  const busy = previewing || importing;
  const { progressId, progress } = useWorkProgress(importing);
  // False once the article's source changed after the preview: its edits no longer fit it.
  const [current, setCurrent] = useState(true);
  const previewKey = result ? previewId(result) : 0;
  const page = result?.page;
  const duplicates = (lastRun === "import" ? importState.duplicates : undefined) ?? (current && result?.duplicates.length ? result.duplicates : undefined);

  // Dispatched by hand rather than through <form action>: React resets a form once its
  // action has run, which would drop the chosen file between Preview and Import.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const button = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    const run = button === "import" || button === "import-anyway" ? "import" : "preview";
    const formData = sourceFormData(event.currentTarget);
    if (button === "import-anyway") formData.set("importAnyway", "1");
    if (run === "import") formData.set("progressId", progressId);
    if (run === "preview") setCurrent(true);
    setLastRun(run);
    startTransition(() => (run === "import" ? runImport : preview)(formData));
  }

  return (
    // noValidate: the server's messages, beside each field, as in every other form.
    <form className="import-layout" onSubmit={submit} noValidate aria-label="Import an article">
      <div className="import-steps">
        {state.status === "error" && <FormMessage state={state} />}
        <fieldset className="card" onChange={() => setCurrent(false)}>
          <legend>The article</legend>
          <SourceFields
            state={state}
            urlLabel="Web address of the article"
            urlHint="Verity fetches the page and keeps only the article. A chosen file wins over the address, the address over pasted text."
            contentLabel="Paste the article"
          />
          {page && current && <input type="hidden" name="fetched" value={page.article} />}
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
          <Field name="language" label="Language" state={state}>
            {/* Refilled with each language a preview detects. */}
            <input
              key={result?.language ?? ""}
              id="language"
              name="language"
              list="language-choices"
              defaultValue={result?.language ?? ""}
              autoComplete="off"
              aria-invalid={invalid(state, "language")}
              aria-describedby={describedBy(state, "language", "language-hint")}
            />
            <LanguageChoices id="language-choices" />
            <p id="language-hint" className="field-hint">
              {result && !result.language
                ? "The language could not be detected: enter its tag (en, fr, pt-BR)."
                : result?.language
                  ? `Detected: ${languageName(result.language)}. Confirm it, or enter another tag (en, fr, pt-BR). Search stems words in this language.`
                  : "Detected from the text when you preview; blank uses the detected language."}
            </p>
          </Field>
          {/* Filled in from a web page's own details with each page preview; typed values stay otherwise. */}
          <Field key={`outlet-${page ? previewKey : 0}`} name="outlet" label="Outlet" state={state} required defaultValue={page?.metadata.siteName ?? undefined} />
          <Field key={`url-${page ? previewKey : 0}`} name="url" label="URL" type="url" state={state} defaultValue={page ? (page.metadata.canonicalUrl ?? page.pageUrl) : undefined} />
          <Field
            key={`date-${page ? previewKey : 0}`}
            name="publicationDate"
            label="Publication date"
            type="date"
            state={state}
            defaultValue={page?.metadata.published?.slice(0, 10)}
          />
          {duplicates && <DuplicateOffer duplicates={duplicates} busy={busy} sourceUrl={page?.pageUrl ?? null} />}
          <button className="button" type="submit" value="import" disabled={busy}>
            {importing ? "Importing…" : "Import article"}
          </button>
          {importing && (
            <p role="status" className="import-progress">
              <WorkProgressBar progress={progress} waiting="Sending the article…" unit="steps" />
            </p>
          )}
        </fieldset>
      </div>

      <section className="import-preview" aria-label="Preview" aria-busy={previewing}>
        {result ? (
          <>
            <p className="import-preview__note" role="status">
              {previewState.message}
            </p>
            {!current && <p className="import-preview__note">The article changed since this preview: preview again to keep, leave out or edit its paragraphs.</p>}
            {page && <PageDetails page={page} />}
            <div className="article">
              <h2 className="article__title">{result.title}</h2>
              <PreviewBlocks key={previewKey} doc={result.doc} furniture={result.furniture} current={current} />
            </div>
          </>
        ) : (
          <p className="card empty">Preview shows the article as readers will see it.</p>
        )}
      </section>
    </form>
  );
}
