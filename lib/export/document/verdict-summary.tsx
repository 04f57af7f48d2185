import { countByRating, UNRATED, type RatingInfo } from "@/lib/ratings/types";
import { RatingBadge } from "@/lib/ratings/rating-badge";

/** How many claims have each rating, as badges (colour, icon and word), in the key's order. */
export function VerdictSummary({ claims, ratingKey }: { claims: Array<{ rating: RatingInfo | null }>; ratingKey: RatingInfo[] }) {
  const rows = countByRating(
    claims.map((claim) => claim.rating),
    ratingKey,
  );
  if (rows.length === 0) return null;
  return (
    <ul className="verdict-summary" aria-label="Verdicts">
      {rows.map(({ rating, count }) => (
        <li key={rating?.id ?? UNRATED.id}>
          <RatingBadge rating={rating} /> <span className="verdict-summary__count">× {count}</span>
        </li>
      ))}
    </ul>
  );
}

/** The scale with its icons, so a printed page can be read without colour. */
export function VerdictKey({ ratingKey }: { ratingKey: RatingInfo[] }) {
  return (
    <p className="verdict-key">
      <span className="verdict-key__title">Key:</span>{" "}
      {[...ratingKey, UNRATED].map((rating) => (
        <span key={rating.id} className="verdict-key__item">
          <span aria-hidden="true">{rating.icon}</span> {rating.label}
        </span>
      ))}
    </p>
  );
}
