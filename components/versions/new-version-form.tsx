"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { confirmVersionAction, previewVersionAction } from "@/lib/versions/actions";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/forms/field";
import { VersionReviewPanel } from "@/components/versions/version-review";
import { SourceFields, sourceFormData } from "@/components/import/source-fields";

/**
 * A new version of an article: pasted or uploaded, reviewed (what it does to every claim),
 * then confirmed. Confirming sends the same source again with the review's digest, so the
 * server applies exactly the text the editor reviewed.
 */
export function NewVersionForm({ articleId, today, articleUrl, sourceUrl }: { articleId: string; today: string; articleUrl: string | null; sourceUrl: string | null }) {
  const sourceUrlInput = useRef<HTMLInputElement>(null);
  const [reviewState, review, reviewing] = useActionState(previewVersionAction, initialFormState);
  const [confirmState, confirm, confirming] = useActionState(confirmVersionAction, initialFormState);
  const [lastRun, setLastRun] = useState<"review" | "confirm">("review");
  const state = lastRun === "review" ? reviewState : confirmState;
  const result = reviewState.status === "ok" ? reviewState.data : undefined;
  const busy = reviewing || confirming;

  // Dispatched by hand, as the import form does: React resets a form after its action, which would drop the chosen file.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const run = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "confirm" ? "confirm" : "review";
    const formData = sourceFormData(event.currentTarget);
    setLastRun(run);
    startTransition(() => (run === "confirm" ? confirm : review)(formData));
  }

  return (
    <form className="import-layout" onSubmit={submit} noValidate aria-label="New version of the article">
      <div className="import-steps">
        {state.status === "error" && <FormMessage state={state} />}
        <input type="hidden" name="articleId" value={articleId} />
        <fieldset className="card">
          <legend>The new version</legend>
          <SourceFields
            state={state}
            urlLabel="Web address to fetch it from"
            urlDefault={sourceUrl ?? undefined}
            urlRef={sourceUrlInput}
            urlHint={
              <>
                Read again, safely, as an import from a web address is.
                {articleUrl && (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => {
                        if (sourceUrlInput.current) sourceUrlInput.current.value = articleUrl;
                        sourceUrlInput.current?.focus();
                      }}
                    >
                      Use the article&apos;s address
                    </button>
                  </>
                )}
              </>
            }
            contentLabel="Or paste the updated article"
          />
          <Field name="outletUpdatedOn" label="Updated by the outlet on" type="date" defaultValue={today} state={state} hint="The date the outlet changed the article; readers see it." />
          <button className="button" type="submit" value="review" disabled={busy}>
            {reviewing ? "Reading…" : "Review changes"}
          </button>
        </fieldset>
      </div>

      <section className="import-preview" aria-label="Review" aria-busy={reviewing}>
        {result ? (
          <>
            <p className="import-preview__note" role="status">
              {reviewState.message}
            </p>
            {!result.sameText && (
              <>
                <VersionReviewPanel review={result} />
                <fieldset className="card version-confirm">
                  <legend>Confirm</legend>
                  <input type="hidden" name="basedOn" value={result.basedOn} />
                  <input type="hidden" name="digest" value={result.digest} />
                  <p className="field-hint">
                    Version {result.number} replaces the article’s text. Claims whose words changed or were lost go back to their reviewers with a note. Earlier versions stay readable.
                  </p>
                  <button className="button" type="submit" value="confirm" disabled={busy}>
                    {confirming ? "Saving…" : `Confirm version ${result.number}`}
                  </button>
                </fieldset>
              </>
            )}
          </>
        ) : (
          <p className="card empty">Review shows what the new version does to every claim before anything changes.</p>
        )}
      </section>
    </form>
  );
}
