"use client";

import { useState } from "react";
import { ratingOf, UNRATED, verdictChoices, type RatingId } from "@/lib/ratings/types";
import { useRatings } from "@/components/ratings/ratings-provider";

/**
 * The verdict's select: the organisation's scale (a claim's own retired or earlier-scale
 * rating stays offered, marked so), with the chosen rating's definition beneath as guidance.
 */
export function VerdictSelect({ id, defaultValue, invalid }: { id: string; defaultValue?: RatingId | null; invalid?: boolean }) {
  const ratings = useRatings();
  const [chosen, setChosen] = useState(defaultValue ?? "");
  const definition = ratingOf(ratings, chosen)?.definition;
  return (
    <>
      <select
        id={id}
        name="verdict"
        defaultValue={defaultValue ?? ""}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={definition ? `${id}-definition` : undefined}
        onChange={(event) => setChosen(event.target.value)}
      >
        <option value="">
          {UNRATED.icon} {UNRATED.label}
        </option>
        {verdictChoices(ratings, defaultValue ?? null).map((rating) => (
          <option key={rating.id} value={rating.id}>
            {rating.icon} {rating.label}
            {rating.retired ? " (retired)" : rating.scaleId !== ratings.current.id ? " (earlier scale)" : ""}
          </option>
        ))}
      </select>
      {definition && (
        <span id={`${id}-definition`} className="field-hint verdict-definition">
          {definition}
        </span>
      )}
    </>
  );
}
