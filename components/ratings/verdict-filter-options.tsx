"use client";

import { filterRatings, UNRATED, type RatingId } from "@/lib/ratings/types";
import { useRatings } from "@/components/ratings/ratings-provider";

/** A verdict filter's options: any, unrated, then the organisation's scale (and other ratings `inUse` holds). */
export function VerdictFilterOptions({ anyLabel, inUse = [] }: { anyLabel: string; inUse?: Iterable<RatingId | null> }) {
  const ratings = useRatings();
  return (
    <>
      <option value="">{anyLabel}</option>
      <option value={UNRATED.id}>{UNRATED.label}</option>
      {filterRatings(ratings, inUse).map((rating) => (
        <option key={rating.id} value={rating.id}>
          {rating.label}
          {rating.retired ? " (retired)" : ""}
        </option>
      ))}
    </>
  );
}
