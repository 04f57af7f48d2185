import { z } from "zod";
import { route } from "@/lib/http/route";
import { renderNotPublishedPage, renderPublicPage } from "@/lib/export/public-page";
import { HTML, publicArticlePage } from "@/lib/export/public-route";
import { DOCUMENT_POLICY } from "@/lib/security/csp";

// The public, read-only page of a published article: no sign-in, approved verdicts only,
// each claim linking to its own page (app/p/[articleId]/claims/[n]); 410 once withdrawn.
export const GET = route(
  {
    user: "none",
    params: z.object({ articleId: z.string() }),
    notFound: () => new Response(renderNotPublishedPage(), { status: 404, headers: HTML }),
    errors: "text",
    // Kept, but checked with the ETag on every use: a change shows at the next request.
    cache: "public, no-cache",
    headers: { "Content-Security-Policy": DOCUMENT_POLICY },
  },
  async ({ request, params }) => publicArticlePage(request, params.articleId, renderPublicPage),
);
