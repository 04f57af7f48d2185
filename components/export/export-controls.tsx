"use client";

import { useId, useState } from "react";
import { publishArticleAction, unpublishArticleAction } from "@/lib/publishing/actions";
import { importAnnotationsAction } from "@/lib/export/actions";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportPath } from "@/lib/export/formats";
import { FormMessage } from "@/components/forms/field";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";

/** How many of the article's claims are approved (public once published) and how many are still in review. */
export interface PublishCounts {
  approved: number;
  inReview: number;
  /** Paragraphs of the article text that look like site furniture (lib/import furnitureLeftIn). */
  furniture: number;
}
import { useFormAction } from "@/components/forms/use-form-action";

/**
 * The article page's export bar: a download per format (editors may include pending
 * claims, for internal use), publishing for editors, and importing a Web Annotations
 * export as new draft claims.
 */
export function ExportControls({
  articleId,
  publishedAt,
  canPublish,
  canIncludePending,
  counts,
}: {
  articleId: string;
  /** Formatted publication date of the public page, or null when unpublished. */
  publishedAt: string | null;
  canPublish: boolean;
  canIncludePending: boolean;
  /** The article's claims, for what publishing will show. */
  counts: PublishCounts;
}) {
  const [includePending, setIncludePending] = useState(false);
  return (
    <section className="export-bar" aria-label="Export and publish">
      <div className="export-bar__row">
        <span className="export-bar__label" id={`export-${articleId}`}>
          Export
        </span>
        <div className="export-bar__content">
          <ul className="export-bar__links" aria-labelledby={`export-${articleId}`}>
            {EXPORT_FORMAT_NAMES.map((format) => (
              <li key={format}>
                <a
                  className="button button--quiet button--small"
                  href={exportPath(articleId, format, includePending)}
                  download
                  title={EXPORT_FORMATS[format].description}
                  data-format={format}
                >
                  {EXPORT_FORMATS[format].label}
                </a>
              </li>
            ))}
          </ul>
          {canIncludePending && (
            <label className="export-bar__pending">
              <input type="checkbox" checked={includePending} onChange={(event) => setIncludePending(event.target.checked)} /> Include
              pending claims (internal)
            </label>
          )}
        </div>
      </div>
      <div className="export-bar__row">
        <span className="export-bar__label">Public page</span>
        <div className="export-bar__content">
          {publishedAt ? (
            <span className="export-bar__status" data-testid="publish-status">
              Published {publishedAt} ·{" "}
              <a href={`/p/${articleId}`} target="_blank" rel="noopener">
                View the public page
              </a>
            </span>
          ) : (
            <span className="export-bar__status muted" data-testid="publish-status">
              Not published
            </span>
          )}
          {canPublish && <PublishForm key={publishedAt ? "published" : "unpublished"} articleId={articleId} published={publishedAt !== null} counts={counts} />}
        </div>
      </div>
      <ImportAnnotationsForm articleId={articleId} />
    </section>
  );
}

/** Publishing and unpublishing, each confirmed in a dialog that says what the public will (no longer) see. */
function PublishForm({ articleId, published, counts }: { articleId: string; published: boolean; counts: PublishCounts }) {
  if (published) {
    return (
      <ConfirmDialog
        label="Unpublish…"
        title="Unpublish this fact-check?"
        confirmLabel="Unpublish"
        danger
        action={unpublishArticleAction}
        fields={{ articleId }}
      >
        <p>
          The public page stops showing the article and its verdicts at once. Its address then says the fact-check was withdrawn, and
          when (search engines are told not to index it). You can publish it again later.
        </p>
      </ConfirmDialog>
    );
  }
  const { approved, inReview, furniture } = counts;
  return (
    <ConfirmDialog label="Publish…" title="Publish this fact-check?" confirmLabel="Publish" action={publishArticleAction} fields={{ articleId }}>
      <p data-testid="publish-summary">
        Anyone with the link will read the article with{" "}
        <strong>{approved === 1 ? "1 approved verdict" : `${approved.toLocaleString("en")} approved verdicts`}</strong>, and it joins the
        public feed. Only approved verdicts are public.
      </p>
      {approved === 0 && (
        <p className="form-message form-message--error" data-testid="publish-warning">
          No claim is approved yet: the public page will show the article with no verdicts.
        </p>
      )}
      {inReview > 0 && (
        <p className="form-message form-message--error" data-testid="publish-warning">
          {inReview === 1 ? "1 claim is" : `${inReview.toLocaleString("en")} claims are`} not approved yet (drafts or in review): not
          public until an editor approves them.
        </p>
      )}
      {furniture > 0 && (
        <p className="form-message form-message--error" data-testid="publish-warning">
          {furniture === 1 ? "1 paragraph" : `${furniture.toLocaleString("en")} paragraphs`} of the article text look like site furniture (a
          subscription box, a cookie notice, share prompts) and will be public with it. Bring in a cleaned version first (Versions).
        </p>
      )}
      <p>Changing a published verdict later is a public correction, with a dated note.</p>
    </ConfirmDialog>
  );
}

function ImportAnnotationsForm({ articleId }: { articleId: string }) {
  const [state, action, pending, form] = useFormAction(importAnnotationsAction);
  const id = useId();
  const result = state.status === "ok" ? state.data : undefined;
  const fileError = state.fieldErrors?.file?.[0];
  return (
    <details className="export-bar__import" open={state.status !== "idle" || undefined}>
      <summary>Import annotations…</summary>
      <form ref={form} action={action} aria-label="Import annotations" noValidate>
        <p className="field-hint">
          A Web Annotations export (.jsonld) of this or another article, or a Hypothesis export or API search (.json): each claim found in this
          article’s text becomes a new draft of yours, and each reply a comment on it.
        </p>
        <input type="hidden" name="articleId" value={articleId} />
        <div className="export-bar__file">
          <label htmlFor={`${id}-file`} className="sr-only">
            Annotations file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
          />
          <button type="submit" className="button button--small" disabled={pending}>
            {pending ? "Importing…" : "Import"}
          </button>
        </div>
        {fileError ? (
          <p id={`${id}-file-error`} className="field-error">
            {fileError}
          </p>
        ) : (
          <FormMessage state={state} />
        )}
        {result && result.orphaned.length > 0 && (
          <div className="import-orphans">
            <p>Not placed (their text is not in this article):</p>
            <ul>
              {result.orphaned.map((orphan, i) => (
                <li key={orphan.annotationId ?? i} data-testid="orphaned-annotation">
                  <strong>{orphan.restatement || "(no restatement)"}</strong>
                  {orphan.exact && <span className="muted"> — “{orphan.exact.length > 120 ? `${orphan.exact.slice(0, 119)}…` : orphan.exact}”</span>}
                  {orphan.reason !== "Its text is not in this article." && <span className="muted"> ({orphan.reason})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {result && result.skipped.length > 0 && (
          <div className="import-orphans">
            <p>Skipped (not claims):</p>
            <ul>
              {result.skipped.map((skipped, i) => (
                <li key={skipped.annotationId ?? i} data-testid="skipped-annotation">
                  {skipped.annotationId && <span className="muted">{skipped.annotationId}: </span>}
                  {skipped.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </details>
  );
}
