import { route } from "@/lib/http/route";
import { idQuery } from "@/lib/search/schemas";
import { sameClaimView } from "@/lib/search/same-claim";

// The group of ?claim=<id> and the likely same claims in other articles.
export const GET = route({ user: "required", query: idQuery("claim") }, ({ user, query }) => sameClaimView(user, query.claim));
