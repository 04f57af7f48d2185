import { jsonRead } from "@/lib/search/http";
import { sameClaimView } from "@/lib/search/same-claim";

// The group of ?claim=<id> and the likely same claims in other articles.
export async function GET(request: Request) {
  return jsonRead(request, "claim", sameClaimView);
}
