import { jsonRead } from "@/lib/search/http";
import { suggestEvidence } from "@/lib/search/evidence";

// Suggested evidence for ?claim=<id>: passages of other articles, best first.
export async function GET(request: Request) {
  return jsonRead(request, "claim", async (actor, claimId) => ({ suggestions: await suggestEvidence(actor, claimId) }));
}
