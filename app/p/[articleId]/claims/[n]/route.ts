import { route } from "@/lib/http/route";
import { renderClaimPage, renderNotPublishedPage } from "@/lib/export/public-page";
import { HTML, publicArticlePage } from "@/lib/export/public-route";
import { claimPageParamsSchema } from "@/lib/export/schemas";
import { DOCUMENT_POLICY } from "@/lib/security/csp";

// The public page of one approved claim of a published article, `n` its number in the
// article's list of claims: the claim with its one ClaimReview; 410 once the article is withdrawn.
export const GET = route(
  {
    user: "none",
    params: claimPageParamsSchema,
    notFound: () => new Response(renderNotPublishedPage(), { status: 404, headers: HTML }),
    errors: "text",
    // Kept, but checked with the ETag on every use: a change shows at the next request.
    cache: "public, no-cache",
    headers: { "Content-Security-Policy": DOCUMENT_POLICY },
  },
  async ({ request, params }) => publicArticlePage(request, params.articleId, (model) => renderClaimPage(model, params.n)),
);
