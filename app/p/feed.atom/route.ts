import { route } from "@/lib/http/route";
import { loadFactCheckFeed } from "@/lib/export/feed";
import { resolveAppUrl } from "@/lib/export/urls";

// The public Atom feed of new, corrected and withdrawn fact checks (RFC 4287).
export const GET = route({ user: "none", errors: "text" }, async ({ request }) => {
  const feed = await loadFactCheckFeed(resolveAppUrl(new URL(request.url).origin));
  return new Response(feed, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Access-Control-Allow-Origin": "*" } });
});
