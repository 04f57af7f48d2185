import { verdictLabel, type RatingCatalogue } from "@/lib/ratings/types";
import type { Disagreement } from "@/lib/rounds/types";

/** "False ×2, Mostly false ×1": the queue's flag of a panel that disagreed. */
export function disagreementText(disagreement: Disagreement, ratings: RatingCatalogue): string {
  return disagreement.counts.map(({ verdict, count }) => `${verdictLabel(ratings, verdict)} ×${count}`).join(", ");
}
