import { route } from "@/lib/http/route";
import { listPublishedClaimReviews } from "@/lib/export/data";
import { FEED_PAGE_SIZE, feedQuerySchema } from "@/lib/export/schemas";
import { resolveAppUrl } from "@/lib/export/urls";

// The public feed of every published ClaimReview, newest approval first, for other tools:
// GET /api/claim-reviews?page=N[&pageSize=M] → { items, page, pageSize, total, next }.
export const GET = route({ user: "none", query: feedQuerySchema, invalidQuery: "Invalid query." }, async ({ request, query }) => {
  const url = new URL(request.url);
  const page = await listPublishedClaimReviews({ appUrl: resolveAppUrl(url.origin), ...query });
  const nextUrl = page.next ? pageUrl(url, page.next, query.pageSize) : null;
  return Response.json({ ...page, next: nextUrl }, { headers: { "Access-Control-Allow-Origin": "*", ...(nextUrl ? { Link: `<${nextUrl}>; rel="next"` } : {}) } });
});

function pageUrl(url: URL, page: number, pageSize: number) {
  const next = new URL(url.pathname, resolveAppUrl(url.origin));
  next.searchParams.set("page", String(page));
  if (pageSize !== FEED_PAGE_SIZE) next.searchParams.set("pageSize", String(pageSize));
  return next.toString();
}
