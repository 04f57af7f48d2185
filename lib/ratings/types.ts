import type { CSSProperties } from "react";
import type { TruthStep } from "@/lib/generated/prisma/enums";

/**
 * Rating scales as the app shows them (lib/ratings/catalogue.ts loads them). Plain types and
 * pure functions with no server code, so client components use them too.
 */

/** A verdict is the id of the rating chosen; null: not rated yet. */
export type RatingId = string;

export interface RatingInfo {
  id: RatingId;
  scaleId: string;
  position: number;
  label: string;
  definition: string;
  /** "#rrggbb": badges and markers, with white text on it. */
  color: string;
  /** A light tint of the colour: the highlight behind the claim's words. */
  tint: string;
  icon: string;
  ratingValue: number | null;
  truth: TruthStep;
  retired: boolean;
}

export interface ScaleInfo {
  id: string;
  name: string;
  /** Set on the read-only presets. */
  preset: string | null;
  worstRating: number | null;
  bestRating: number | null;
}

export interface RatingCatalogue {
  /** The organisation's scale: new verdicts are chosen from it. */
  current: ScaleInfo;
  /** The current scale's ratings that new verdicts may choose, in order. */
  choices: RatingInfo[];
  /** Every rating of every scale, by id: old verdicts keep the rating (and scale) they were given. */
  ratings: Record<RatingId, RatingInfo>;
  scales: Record<string, ScaleInfo>;
}

/** A claim without a verdict. */
export const UNRATED = { id: "UNRATED", label: "Unrated", icon: "○" } as const;

/** Whether `id` names a rating: the ratings are a plain object, so only its own keys count ("valueOf" is no rating). */
export function isRatingId(catalogue: RatingCatalogue, id: string): id is RatingId {
  return Object.hasOwn(catalogue.ratings, id);
}

export function ratingOf(catalogue: RatingCatalogue, id: RatingId | null | undefined): RatingInfo | null {
  return id && isRatingId(catalogue, id) ? catalogue.ratings[id] : null;
}

export function verdictLabel(catalogue: RatingCatalogue, id: RatingId | null | undefined): string {
  return id ? (ratingOf(catalogue, id)?.label ?? id) : UNRATED.label;
}

export function verdictIcon(catalogue: RatingCatalogue, id: RatingId | null | undefined): string {
  return id ? (ratingOf(catalogue, id)?.icon ?? "?") : UNRATED.icon;
}

/** The rating's colours as the stylesheets' custom properties (--v, --v-tint); none for unrated (its class has them). */
export function ratingStyle(rating: RatingInfo | null): CSSProperties | undefined {
  return rating ? ({ "--v": rating.color, "--v-tint": rating.tint } as CSSProperties) : undefined;
}

/** The same, as a style attribute's text (for markup written without React). */
export function ratingStyleText(rating: RatingInfo | null): string | undefined {
  return rating ? `--v: ${rating.color}; --v-tint: ${rating.tint}` : undefined;
}

/** The ratings a filter offers: the current scale's (retired ones too, old verdicts have them), then any other scale's in `inUse`. */
export function filterRatings(catalogue: RatingCatalogue, inUse: Iterable<RatingId | null> = []): RatingInfo[] {
  const current = Object.values(catalogue.ratings)
    .filter((rating) => rating.scaleId === catalogue.current.id)
    .sort((a, b) => a.position - b.position);
  const others = [...new Set(inUse)]
    .flatMap((id) => {
      const rating = ratingOf(catalogue, id);
      return rating && rating.scaleId !== catalogue.current.id ? [rating] : [];
    });
  return [...current, ...others];
}

/** What a select of verdicts offers for a claim: the choices, plus its own rating when that is retired or on another scale. */
export function verdictChoices(catalogue: RatingCatalogue, own: RatingId | null): RatingInfo[] {
  const rating = ratingOf(catalogue, own);
  return rating && !catalogue.choices.some((choice) => choice.id === rating.id) ? [...catalogue.choices, rating] : catalogue.choices;
}

/** A rating with its scale's bounds: what a ClaimReview's reviewRating needs. */
export interface ScaledRating extends RatingInfo {
  worstRating: number | null;
  bestRating: number | null;
}

export function scaledRating(catalogue: RatingCatalogue, id: RatingId | null | undefined): ScaledRating | null {
  const rating = ratingOf(catalogue, id);
  if (!rating) return null;
  const { worstRating, bestRating } = catalogue.scales[rating.scaleId];
  return { ...rating, worstRating, bestRating };
}

/** A key to the ratings on a page: the scale's choices, then any other rating the page shows. */
export function ratingKey(catalogue: RatingCatalogue, shown: Iterable<RatingId | null>): RatingInfo[] {
  const key = [...catalogue.choices];
  for (const id of new Set(shown)) {
    const rating = ratingOf(catalogue, id);
    if (rating && !key.some((k) => k.id === rating.id)) key.push(rating);
  }
  return key;
}

export function ratingLabel(rating: Pick<RatingInfo, "label"> | null): string {
  return rating?.label ?? UNRATED.label;
}

export function ratingIcon(rating: Pick<RatingInfo, "icon"> | null): string {
  return rating?.icon ?? UNRATED.icon;
}

/** How many items have each rating, in the key's order (a rating missing from the key after it), unrated last. */
export function countByRating(ratings: Array<RatingInfo | null>, key: RatingInfo[]): Array<{ rating: RatingInfo | null; count: number }> {
  const counts = new Map<string | null, { rating: RatingInfo | null; count: number }>();
  for (const rating of ratings) {
    const entry = counts.get(rating?.id ?? null) ?? { rating, count: 0 };
    entry.count += 1;
    counts.set(rating?.id ?? null, entry);
  }
  const order = (id: string | null) => (id === null ? Infinity : key.findIndex((k) => k.id === id) >>> 0);
  return [...counts].sort(([a], [b]) => order(a) - order(b)).map(([, entry]) => entry);
}

/**
 * The classes of an element coloured by its rating: v-rated and v-<its id> (which names the
 * rating to scripts and tests; its colours come from ratingStyle), or Unrated's from the stylesheet.
 */
export function ratingClass(rating: RatingInfo | null): string {
  return rating ? `v-rated v-${rating.id}` : "v-UNRATED";
}
