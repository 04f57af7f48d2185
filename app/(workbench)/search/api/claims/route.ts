import { route } from "@/lib/http/route";
import { idQuery } from "@/lib/search/schemas";
import { suggestClaims } from "@/lib/search/suggested-claims";

// Check-worthy sentences of ?article=<id> that no claim covers yet, and the dismissed ones.
export const GET = route({ user: "required", query: idQuery("article") }, ({ user, query }) => suggestClaims(user, query.article));
