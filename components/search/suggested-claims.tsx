"use client";

import { useEffect, useRef, useState } from "react";
import { dismissSuggestionAction, restoreSuggestionAction } from "@/lib/search/actions";
import type { ClaimSuggestion } from "@/lib/search/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { useJson } from "@/components/search/use-json";
import { StrengthMeter } from "@/components/search/strength-meter";
import { languageName } from "@/lib/format";

/** Suggestions listed at a time: an article can have hundreds, and each is a form. */
export const SUGGESTIONS_PER_PAGE = 20;

export interface SuggestedSpan {
  start: number;
  end: number;
  exact: string;
}

/**
 * "Suggest claims": the article's check-worthy sentences that no claim covers, the most
 * check-worthy first, SUGGESTIONS_PER_PAGE at a time, each with how check-worthy it looks and
 * why, to accept as a claim (the mark form opens on it) or dismiss (remembered for everyone;
 * dismissed ones can be restored). All of them are marked in the text while the panel is open.
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
  const { data, error, reload } = useJson<{ suggestions: ClaimSuggestion[]; dismissed: ClaimSuggestion[]; language: string | null; wordRules: boolean }>(
    `/search/api/claims?article=${encodeURIComponent(articleId)}`,
  );
  const [shown, setShown] = useState(SUGGESTIONS_PER_PAGE);
  // After "Show more", the first newly listed suggestion takes the focus.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (data) onLoaded(data.suggestions.map(({ start, end }) => ({ start, end })));
  }, [data, onLoaded]);
  // Closed, the panel takes its marks out of the text (and a new opening draws only fresh ones).
  useEffect(() => () => onLoaded([]), [onLoaded]);
  useEffect(() => {
    if (focused !== null) document.getElementById(`suggestion-${focused}`)?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  const suggestions = data?.suggestions ?? [];
  // A suggestion clicked in the text is listed even if it is further down the ranking.
  const focusedRank = focused === null ? -1 : suggestions.findIndex((s) => s.start === focused);
  const listed = suggestions.slice(0, Math.max(shown, focusedRank + 1));
  useEffect(() => {
    if (focusFrom.current === null) return;
    document.querySelector<HTMLElement>(`[data-rank="${focusFrom.current}"] .claim-suggestion__text`)?.focus();
    focusFrom.current = null;
  }, [listed.length]);

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
      <p className="field-hint" data-testid="suggestion-rules">
        {data && !data.wordRules
          ? `Sentences with figures, quotations, attributions, comparisons or dates that no claim covers yet. Some words are read in French, German, Spanish, Portuguese, Italian and Dutch (attributions, comparisons, dates, promises, meetings); the English word rules (named officials, opinion, sport) are not used for ${data.language ? languageName(data.language) : "this language"}.`
          : "Sentences with numbers, quotations, attributions, comparisons, dates or named officials that no claim covers yet (word rules in English)."}{" "}
        Accept one to mark it, or dismiss it for everyone.
      </p>
      {error && <p className="form-message form-message--error">{error}</p>}
      {!data && !error && <p className="muted">Reading the article…</p>}
      {data && data.suggestions.length === 0 && <p className="muted">No check-worthy sentence left without a claim.</p>}
      {data && data.suggestions.length > 0 && (
        <ol className="claim-suggestion-list">
          {listed.map((suggestion, rank) => (
            <SuggestionItem
              key={`${suggestion.start}-${suggestion.end}`}
              rank={rank}
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
      {data && suggestions.length > listed.length && (
        <div className="suggestion-pager">
          <span className="muted" role="status">
            Showing the best {listed.length} of {suggestions.length}
          </span>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              focusFrom.current = listed.length;
              setShown(listed.length + SUGGESTIONS_PER_PAGE);
            }}
          >
            Show {Math.min(SUGGESTIONS_PER_PAGE, suggestions.length - listed.length)} more
          </button>
        </div>
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
  rank,
  articleId,
  suggestion,
  focused,
  onAccept,
  onShow,
  onDismissed,
}: {
  /** Its place in the ranking, from 0. */
  rank: number;
  articleId: string;
  suggestion: ClaimSuggestion;
  focused: boolean;
  onAccept: () => void;
  onShow: () => void;
  onDismissed: () => void;
}) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <li
      id={`suggestion-${suggestion.start}`}
      className={`claim-suggestion${focused ? " claim-suggestion--focused" : ""}`}
      data-testid="claim-suggestion"
      data-start={suggestion.start}
      data-rank={rank}
    >
      <StrengthMeter kind="check-worthiness" score={suggestion.score} />
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
