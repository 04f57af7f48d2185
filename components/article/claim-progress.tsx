"use client";

import type { ClaimProgress as Progress } from "@/lib/claims/progress";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { countByRating, ratingClass, ratingIcon, ratingLabel, ratingOf, ratingStyle, UNRATED } from "@/lib/ratings/types";
import { useRatings } from "@/components/ratings/ratings-provider";
import type { ClaimState } from "@/lib/generated/prisma/enums";

// Left to right: done, waiting for an editor, back with the reviewer, not yet submitted.
const SEGMENTS: ClaimState[] = ["APPROVED", "SUBMITTED", "CHANGES_REQUESTED", "DRAFT"];

/** A progress bar of an article's claims by state, with counts by state and by verdict. */
export function ClaimProgress({ progress, compact = false }: { progress: Progress; compact?: boolean }) {
  const { byState, byVerdict } = progress;
  const ratings = useRatings();
  const verdicts = countByRating(
    Object.keys(byVerdict).map((id) => (id === UNRATED.id ? null : ratingOf(ratings, id))),
    ratings.choices,
  );
  if (byState.total === 0) return <p className="claim-progress muted">No claims yet</p>;
  const percent = Math.round((byState.APPROVED / byState.total) * 100);
  return (
    <div className={`claim-progress${compact ? " claim-progress--compact" : ""}`} data-testid="claim-progress">
      <p className="claim-progress__summary">
        <strong>
          {byState.APPROVED} of {byState.total}
        </strong>{" "}
        claim{byState.total === 1 ? "" : "s"} approved
      </p>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={`${percent}% of claims approved`}
      >
        {SEGMENTS.filter((state) => byState[state] > 0).map((state) => (
          <span key={state} className={`progress-bar__segment state-${state}`} style={{ flexGrow: byState[state] }} title={`${STATE_LABELS[state]}: ${byState[state]}`} />
        ))}
      </div>
      <ul className="count-list" aria-label="Claims by state">
        {SEGMENTS.filter((state) => byState[state] > 0).map((state) => (
          <li key={state} className="count-chip">
            <span className={`swatch state-${state}`} aria-hidden="true" /> <strong>{byState[state]}</strong> {STATE_LABELS[state].toLowerCase()}
          </li>
        ))}
      </ul>
      {!compact && (
        <ul className="count-list" aria-label="Claims by verdict">
          {verdicts.map(({ rating }) => (
            <li key={rating?.id ?? UNRATED.id} className={`count-chip ${ratingClass(rating)}`} style={ratingStyle(rating)}>
              <span aria-hidden="true">{ratingIcon(rating)}</span> <strong>{byVerdict[rating?.id ?? UNRATED.id]}</strong> {ratingLabel(rating).toLowerCase()}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
