import { jsonRead } from "@/lib/search/http";
import { suggestClaims } from "@/lib/search/suggested-claims";

// Check-worthy sentences of ?article=<id> that no claim covers yet, and the dismissed ones.
export async function GET(request: Request) {
  return jsonRead(request, "article", suggestClaims);
}
