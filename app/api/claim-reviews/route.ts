import { route } from "@/lib/http/route";
import { listPublishedClaimReviews } from "@/lib/export/data";
import { FEED_PAGE_SIZE, feedQuerySchema } from "@/lib/export/schemas";
import { resolvePublicUrl } from "@/lib/organisation/data";

// The public feed of every published ClaimReview, newest approval first, for other tools:
// GET /api/claim-reviews?page=N[&pageSize=M] → { items, page, pageSize, total, next }.
export const GET = route({ user: "none", query: feedQuerySchema, invalidQuery: "Invalid query." }, async ({ request, query }) => {
  const url = new URL(request.url);
  const appUrl = await resolvePublicUrl(url.origin);
  const page = await listPublishedClaimReviews({ appUrl, ...query });
  const nextUrl = page.next ? pageUrl(appUrl, url.pathname, page.next, query.pageSize) : null;
  return Response.json({ ...page, next: nextUrl }, { headers: { "Access-Control-Allow-Origin": "*", ...(nextUrl ? { Link: `<${nextUrl}>; rel="next"` } : {}) } });
});

function pageUrl(appUrl: string, pathname: string, page: number, pageSize: number) {
  const next = new URL(`${appUrl}${pathname}`);
  next.searchParams.set("page", String(page));
  if (pageSize !== FEED_PAGE_SIZE) next.searchParams.set("pageSize", String(pageSize));
  return next.toString();
}
