import { z } from "zod";
import { route } from "@/lib/http/route";
import { parseSearchParams } from "@/lib/search/schemas";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { isRatingId } from "@/lib/ratings/types";
import { searchPassages } from "@/lib/search/search";

// The search page's results as JSON (same parameters as /search): for scripts and the benchmark.
// Its filters are advisory, as on the page: an invalid one is named in `ignored`, not refused.
export const GET = route({ user: "required", query: z.record(z.string(), z.string()) }, async ({ user, query }) => {
  const catalogue = await loadCatalogue();
  const { q, filters, errors } = parseSearchParams(query, (id) => isRatingId(catalogue, id));
  return { ...(await searchPassages(user, q, filters)), ignored: errors };
});
