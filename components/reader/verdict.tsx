"use client";

import type { ClaimState } from "@/lib/generated/prisma/enums";
import { ratingOf, type RatingId } from "@/lib/ratings/types";
import { STANCE_ORDER, STANCES, STATE_LABELS } from "@/lib/claims/verdicts";
import { RatingBadge } from "@/lib/ratings/rating-badge";
import { useRatings } from "@/components/ratings/ratings-provider";

/** A claim's verdict (a rating's id) as its rating's badge, on whichever scale it was given. */
export function VerdictBadge({ verdict }: { verdict: RatingId | null }) {
  return <RatingBadge rating={ratingOf(useRatings(), verdict)} />;
}

export function StateBadge({ state }: { state: ClaimState }) {
  return <span className={`state-badge state-${state}`}>{STATE_LABELS[state]}</span>;
}

/** The options of a stance select ("supports the claim", …). */
export function StanceOptions() {
  return STANCE_ORDER.map((stance) => (
    <option key={stance} value={stance}>
      {STANCES[stance].choice}
    </option>
  ));
}
