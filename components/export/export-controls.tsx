"use client";

import { useId, useState } from "react";
import { publishArticleAction, unpublishArticleAction } from "@/lib/publishing/actions";
import { importAnnotationsAction } from "@/lib/export/actions";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportPath } from "@/lib/export/formats";
import { FormMessage } from "@/components/forms/field";
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
}: {
  articleId: string;
  /** Formatted publication date of the public page, or null when unpublished. */
  publishedAt: string | null;
  canPublish: boolean;
  canIncludePending: boolean;
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
          {canPublish && <PublishForm key={publishedAt ? "published" : "unpublished"} articleId={articleId} published={publishedAt !== null} />}
        </div>
      </div>
      <ImportAnnotationsForm articleId={articleId} />
    </section>
  );
}

function PublishForm({ articleId, published }: { articleId: string; published: boolean }) {
  const [state, action, pending, form] = useFormAction(published ? unpublishArticleAction : publishArticleAction);
  return (
    <form ref={form} action={action} className="export-bar__publish" aria-label={published ? "Unpublish the article" : "Publish the article"}>
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" className={`button button--small ${published ? "button--danger" : ""}`} disabled={pending}>
        {pending ? "Saving…" : published ? "Unpublish" : "Publish"}
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
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
          A Web Annotations export (.jsonld) of this or another article: each claim found in this article’s text becomes a new draft of yours.
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
      </form>
    </details>
  );
}
