import { tintOf } from "@/lib/ratings/colour";
import type { RatingCatalogue, RatingInfo, ScaledRating, ScaleInfo } from "@/lib/ratings/types";

/**
 * For unit tests that need no database: the Verity preset as migration
 * 20261206010000_rating_scales writes it (catalogue.db.test.ts checks they agree).
 */
const VERITY: ScaleInfo = { id: "verity", name: "Verity", preset: "verity", worstRating: 1, bestRating: 5 };

const rows: Array<Omit<RatingInfo, "scaleId" | "position" | "tint" | "retired">> = [
  { id: "FALSE", label: "False", definition: "The claim is wrong: the evidence contradicts it.", color: "#b42318", icon: "✗", ratingValue: 1, truth: "FALSE" },
  { id: "MOSTLY_FALSE", label: "Mostly false", definition: "The claim has an element of truth but gets the essential point wrong.", color: "#b54708", icon: "≠", ratingValue: 2, truth: "MOSTLY_FALSE" },
  { id: "MIXED", label: "Mixed", definition: "Parts of the claim are right and parts are wrong.", color: "#8a6100", icon: "◐", ratingValue: 3, truth: "MIXED" },
  { id: "MOSTLY_TRUE", label: "Mostly true", definition: "The claim is right in substance but needs a clarification or a missing detail.", color: "#3d7a1f", icon: "≈", ratingValue: 4, truth: "MOSTLY_TRUE" },
  { id: "TRUE", label: "True", definition: "The claim is accurate and nothing significant is missing.", color: "#1e6b3a", icon: "✓", ratingValue: 5, truth: "TRUE" },
  { id: "MISLEADING", label: "Misleading", definition: "Accurate in its details, but it leaves a false impression.", color: "#7a3fb0", icon: "⚠", ratingValue: null, truth: "NOT_RATEABLE" },
  { id: "UNVERIFIABLE", label: "Unverifiable", definition: "No evidence available can settle the claim either way.", color: "#55606e", icon: "?", ratingValue: null, truth: "NOT_RATEABLE" },
];

const ratings: RatingInfo[] = rows.map((row, position) => ({ ...row, scaleId: VERITY.id, position, tint: tintOf(row.color), retired: false }));

export const VERITY_CATALOGUE: RatingCatalogue = {
  current: VERITY,
  choices: ratings,
  ratings: Object.fromEntries(ratings.map((rating) => [rating.id, rating])),
  scales: { [VERITY.id]: VERITY },
};

/** A Verity rating with its scale's bounds, as exports carry it. */
export function verityRating(id: string): ScaledRating {
  return { ...VERITY_CATALOGUE.ratings[id], worstRating: VERITY.worstRating, bestRating: VERITY.bestRating };
}
