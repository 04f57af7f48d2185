import { z } from "zod";
import { route } from "@/lib/http/route";
import { parseSearchParams } from "@/lib/search/schemas";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { searchPassages } from "@/lib/search/search";

// The search page's results as JSON (same parameters as /search): for scripts and the benchmark.
// Its filters are advisory, as on the page: an invalid one is named in `ignored`, not refused.
export const GET = route({ user: "required", query: z.record(z.string(), z.string()) }, async ({ user, query }) => {
  const { ratings } = await loadCatalogue();
  const { q, filters, errors } = parseSearchParams(query, (id) => id in ratings);
  return { ...(await searchPassages(user, q, filters)), ignored: errors };
});
