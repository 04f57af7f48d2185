import { route } from "@/lib/http/route";
import { listPublishedClaimReviews } from "@/lib/export/data";
import { toClaimReviewMarkupPage } from "@/lib/export/claim-review-markup";
import { markupFeedQuerySchema } from "@/lib/export/schemas";
import { resolvePublicUrl } from "@/lib/organisation/data";

// Every published ClaimReview, newest approval first, as Google Fact Check Tools' list of
// ClaimReviewMarkupPages: GET /p/claimreviews.json[?pageSize=M&pageToken=T] →
// { claimReviewMarkupPages, nextPageToken } (one page per claim page).
export const GET = route({ user: "none", query: markupFeedQuerySchema, invalidQuery: "Invalid query." }, async ({ request, query }) => {
  const page = await listPublishedClaimReviews({ appUrl: await resolvePublicUrl(new URL(request.url).origin), ...query });
  return Response.json(
    { claimReviewMarkupPages: page.items.map(toClaimReviewMarkupPage), ...(page.next ? { nextPageToken: String(page.next) } : {}) },
    { headers: { "Access-Control-Allow-Origin": "*" } },
  );
});
