import { route } from "@/lib/http/route";
import { idQuery } from "@/lib/search/schemas";
import { suggestEvidence } from "@/lib/search/evidence";

// Suggested evidence for ?claim=<id>: passages of other articles, best first.
export const GET = route({ user: "required", query: idQuery("claim") }, async ({ user, query }) => ({ suggestions: await suggestEvidence(user, query.claim) }));
