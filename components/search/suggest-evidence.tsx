"use client";

import { STANCE_ORDER, STANCES } from "@/lib/claims/verdicts";
import Link from "next/link";
import { useState } from "react";
import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import { addEvidenceAction } from "@/lib/claims/actions";
import type { EvidenceSuggestion } from "@/lib/search/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { useJson } from "@/components/search/use-json";
import { StrengthMeter } from "@/components/search/strength-meter";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

/**
 * "Suggest evidence" in the claim panel: the best passages of other articles for the
 * claim, each attachable in one click as supporting, contradicting or context.
 */
export function SuggestEvidence({ claimId, version, onAdded }: { claimId: string; version: number; onAdded: (claim: ClaimDetailData) => void }) {
  const [open, setOpen] = useState(false);
  const { data, error } = useJson<{ suggestions: EvidenceSuggestion[] }>(open ? `/search/api/evidence?claim=${encodeURIComponent(claimId)}` : null);
  // Attached here since the list loaded (the list itself is not reloaded, so nothing jumps).
  const [attached, setAttached] = useState<Record<string, EvidenceStance>>({});
  // Each attachment bumps the claim's version; the next one names the newest this panel knows.
  const [latest, setLatest] = useState(version);
  const current = Math.max(latest, version);

  if (!open) {
    return (
      <button type="button" className="button button--quiet button--small suggest-button" onClick={() => setOpen(true)}>
        <span aria-hidden="true">✦</span> Suggest evidence
      </button>
    );
  }
  return (
    <div className="suggestions" aria-labelledby="suggested-evidence-heading">
      <div className="suggestions__head">
        <h4 id="suggested-evidence-heading">Suggested evidence</h4>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Hide
        </button>
      </div>
      {error && <p className="form-message form-message--error">{error}</p>}
      {!data && !error && <p className="muted">Looking through the other articles…</p>}
      {data && data.suggestions.length === 0 && <p className="muted">No passage in another article shares this claim’s words.</p>}
      {data && data.suggestions.length > 0 && (
        <ol className="suggestion-list">
          {data.suggestions.map((suggestion) => {
            const key = `${suggestion.articleId}:${suggestion.startOffset}-${suggestion.endOffset}`;
            return (
              <SuggestionRow
                key={key}
                suggestion={suggestion}
                claimId={claimId}
                version={current}
                attachedAs={attached[key] ?? suggestion.attachedAs}
                onAttached={(stance, claim) => {
                  setAttached((before) => ({ ...before, [key]: stance }));
                  setLatest(claim.version);
                  onAdded(claim);
                }}
              />
            );
          })}
        </ol>
      )}
    </div>
  );
}

function SuggestionRow({
  suggestion,
  claimId,
  version,
  attachedAs,
  onAttached,
}: {
  suggestion: EvidenceSuggestion;
  claimId: string;
  version: number;
  attachedAs: EvidenceStance | null;
  onAttached: (stance: EvidenceStance, claim: ClaimDetailData) => void;
}) {
  const [state, action, pending, form] = useFormAction(addEvidenceAction);
  // The stance is the clicked button's value; the action's state does not carry it back, so it is kept here.
  const [chosen, setChosen] = useState<EvidenceStance>("SUPPORTS");
  useOnSuccess(state, (done) => onAttached(chosen, done.data.claim));
  const passageUrl = `/articles/${suggestion.articleId}?at=${suggestion.startOffset}-${suggestion.endOffset}`;
  return (
    <li className="suggestion" data-testid="evidence-suggestion">
      <blockquote className="quote quote--small">{suggestion.text}</blockquote>
      <p className="suggestion__meta">
        in{" "}
        <Link href={passageUrl} className="evidence__source">
          “{suggestion.articleTitle}”
        </Link>{" "}
        · <StrengthMeter kind="evidence-match" score={suggestion.score} />
      </p>
      {attachedAs ? (
        <p className={`suggestion__done stance stance--${attachedAs}`} role="status">
          Added as {STANCES[attachedAs].noun}
        </p>
      ) : (
        <form ref={form} action={action} className="suggestion__actions" aria-label="Attach this passage">
          <input type="hidden" name="kind" value="PASSAGE" />
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="sourceArticleId" value={suggestion.articleId} />
          <input type="hidden" name="start" value={suggestion.startOffset} />
          <input type="hidden" name="end" value={suggestion.endOffset} />
          <input type="hidden" name="exact" value={suggestion.text} />
          {STANCE_ORDER.map((stance) => (
            <button
              key={stance}
              type="submit"
              name="stance"
              value={stance}
              className={`button button--quiet button--small stance-button stance-button--${stance}`}
              disabled={pending}
              onClick={() => setChosen(stance)}
            >
              {STANCES[stance].label}
            </button>
          ))}
          {state.status === "error" && (
            <p className="form-status form-status--error" role="alert">
              {state.message}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
