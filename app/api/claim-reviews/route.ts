import { z } from "zod";
import { listPublishedClaimReviews } from "@/lib/export/data";
import { FEED_PAGE_SIZE, feedQuerySchema } from "@/lib/export/schemas";
import { resolveAppUrl } from "@/lib/export/urls";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

// The public feed of every published ClaimReview, newest approval first, for other tools:
// GET /api/claim-reviews?page=N[&pageSize=M] → { items, page, pageSize, total, next }.
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = feedQuerySchema.safeParse({
    page: url.searchParams.get("page") ?? undefined,
    pageSize: url.searchParams.get("pageSize") ?? undefined,
  });
  if (!parsed.success) {
    return Response.json(
      { error: "Invalid query.", fieldErrors: z.flattenError(parsed.error).fieldErrors },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    const page = await listPublishedClaimReviews({ appUrl: resolveAppUrl(url.origin), ...parsed.data });
    const nextUrl = page.next ? pageUrl(url, page.next, parsed.data.pageSize) : null;
    return Response.json(
      { ...page, next: nextUrl },
      {
        headers: {
          "Cache-Control": "no-store",
          "Access-Control-Allow-Origin": "*",
          ...(nextUrl ? { Link: `<${nextUrl}>; rel="next"` } : {}),
        },
      },
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    console.error("Listing ClaimReviews failed", error);
    return Response.json({ error: "The feed could not be read. Please try again." }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}

function pageUrl(url: URL, page: number, pageSize: number) {
  const next = new URL(url.pathname, resolveAppUrl(url.origin));
  next.searchParams.set("page", String(page));
  if (pageSize !== FEED_PAGE_SIZE) next.searchParams.set("pageSize", String(pageSize));
  return next.toString();
}
