import { ratingClass, ratingIcon, ratingLabel, ratingStyle, type RatingInfo } from "@/lib/ratings/types";

/**
 * A rating as colour, icon and word together (colour is never the only signal). No hooks:
 * the workbench (through VerdictBadge) and the exported documents both render it.
 */
export function RatingBadge({ rating }: { rating: RatingInfo | null }) {
  return (
    <span className={`verdict-badge ${ratingClass(rating)}`} style={ratingStyle(rating)}>
      <span aria-hidden="true" className="verdict-badge__icon">
        {ratingIcon(rating)}
      </span>
      {ratingLabel(rating)}
    </span>
  );
}
