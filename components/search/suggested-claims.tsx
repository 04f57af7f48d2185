"use client";

import { useEffect, useState } from "react";
import { dismissSuggestionAction, restoreSuggestionAction } from "@/lib/search/actions";
import type { ClaimSuggestion } from "@/lib/search/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { useJson } from "@/components/search/use-json";

export interface SuggestedSpan {
  start: number;
  end: number;
  exact: string;
}

/**
 * "Suggest claims": the article's check-worthy sentences that no claim covers, each with
 * its score and reasons, to accept as a claim (the mark form opens on it) or dismiss
 * (remembered for everyone; dismissed ones can be restored).
 */
export function SuggestedClaims({
  articleId,
  focused,
  onAccept,
  onShow,
  onClose,
  onLoaded,
}: {
  articleId: string;
  /** The suggestion clicked in the text, shown first and highlighted here. */
  focused: number | null;
  onAccept: (span: SuggestedSpan) => void;
  onShow: (span: { start: number; end: number }) => void;
  onClose: () => void;
  /** The suggested spans, for the reader to mark in the text. */
  onLoaded: (spans: Array<{ start: number; end: number }>) => void;
}) {
  const { data, error, reload } = useJson<{ suggestions: ClaimSuggestion[]; dismissed: ClaimSuggestion[] }>(
    `/search/api/claims?article=${encodeURIComponent(articleId)}`,
  );
  useEffect(() => {
    if (data) onLoaded(data.suggestions.map(({ start, end }) => ({ start, end })));
  }, [data, onLoaded]);
  useEffect(() => {
    if (focused !== null) document.getElementById(`suggestion-${focused}`)?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  return (
    <section className="claim-suggestions" aria-labelledby="suggested-claims-heading" data-testid="suggested-claims">
      <div className="panel-bar">
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          ← All claims
        </button>
      </div>
      <div className="claim-list__head">
        <h2 id="suggested-claims-heading" tabIndex={-1}>
          Suggested claims
        </h2>
        {data && <span className="muted">{data.suggestions.length}</span>}
      </div>
      <p className="field-hint">
        Sentences with numbers, quotations, attributions, comparisons, dates or named officials that no claim covers yet. Accept one to mark it, or
        dismiss it for everyone.
      </p>
      {error && <p className="form-message form-message--error">{error}</p>}
      {!data && !error && <p className="muted">Reading the article…</p>}
      {data && data.suggestions.length === 0 && <p className="muted">No check-worthy sentence left without a claim.</p>}
      {data && data.suggestions.length > 0 && (
        <ol className="claim-suggestion-list">
          {data.suggestions.map((suggestion) => (
            <SuggestionItem
              key={`${suggestion.start}-${suggestion.end}`}
              articleId={articleId}
              suggestion={suggestion}
              focused={focused === suggestion.start}
              onAccept={() => onAccept({ start: suggestion.start, end: suggestion.end, exact: suggestion.text })}
              onShow={() => onShow(suggestion)}
              onDismissed={reload}
            />
          ))}
        </ol>
      )}
      {data && data.dismissed.length > 0 && (
        <details className="dismissed-suggestions">
          <summary>Dismissed ({data.dismissed.length})</summary>
          <ul>
            {data.dismissed.map((suggestion) => (
              <li key={`${suggestion.start}-${suggestion.end}`}>
                <span className="dismissed-suggestions__text">{suggestion.text}</span>
                <SpanForm articleId={articleId} span={suggestion} action={restoreSuggestionAction} label="Suggest again" onDone={reload} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function SuggestionItem({
  articleId,
  suggestion,
  focused,
  onAccept,
  onShow,
  onDismissed,
}: {
  articleId: string;
  suggestion: ClaimSuggestion;
  focused: boolean;
  onAccept: () => void;
  onShow: () => void;
  onDismissed: () => void;
}) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const percent = Math.round(suggestion.score * 100);
  return (
    <li
      id={`suggestion-${suggestion.start}`}
      className={`claim-suggestion${focused ? " claim-suggestion--focused" : ""}`}
      data-testid="claim-suggestion"
      data-start={suggestion.start}
    >
      <div className="claim-suggestion__score" title="How check-worthy the sentence looks">
        <span className="score-bar" aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
        <span>{percent}%</span>
      </div>
      <button type="button" className="claim-suggestion__text" onClick={onShow} title="Show in the text">
        {suggestion.text}
      </button>
      <ul className="reason-list" aria-label="Why">
        {suggestion.reasons.map((reason) => (
          <li key={reason} className="reason">
            {reason}
          </li>
        ))}
      </ul>
      <div className="claim-suggestion__actions">
        <button type="button" className="button button--small" onClick={onAccept}>
          Accept as claim
        </button>
        <SpanForm
          articleId={articleId}
          span={suggestion}
          action={dismissSuggestionAction}
          label="Dismiss"
          onDone={() => {
            setHidden(true);
            onDismissed();
          }}
        />
      </div>
    </li>
  );
}

function SpanForm({
  articleId,
  span,
  action: serverAction,
  label,
  onDone,
}: {
  articleId: string;
  span: { start: number; end: number };
  action: typeof dismissSuggestionAction;
  label: string;
  onDone: () => void;
}) {
  const [state, action, pending, form] = useFormAction(serverAction);
  useOnSuccess(state, onDone);
  return (
    <form ref={form} action={action} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="start" value={span.start} />
      <input type="hidden" name="end" value={span.end} />
      <button type="submit" className="button button--quiet button--small" disabled={pending}>
        {label}
      </button>
      {state.status === "error" && <p className="form-status form-status--error" role="alert">{state.message}</p>}
    </form>
  );
}
