import { z } from "zod";
import { route } from "@/lib/http/route";
import { loadArticleExport } from "@/lib/export/data";
import { renderNotPublishedPage, renderPublicPage } from "@/lib/export/public-page";
import { resolveAppUrl } from "@/lib/export/urls";
import { DOCUMENT_POLICY } from "@/lib/security/csp";

const HTML = { "Content-Type": "text/html; charset=utf-8" };

// The public, read-only page of a published article: no sign-in, approved verdicts only
// (read as an anonymous reader, whoever asks), the ClaimReview JSON-LD in its head. Read
// from the database on every request, so unpublishing takes it down at once everywhere.
export const GET = route(
  {
    user: "none",
    params: z.object({ articleId: z.string() }),
    notFound: () => new Response(renderNotPublishedPage(), { status: 404, headers: HTML }),
    errors: "text",
    headers: { "Content-Security-Policy": DOCUMENT_POLICY },
  },
  async ({ request, params }) => {
    const model = await loadArticleExport(null, params.articleId, { appUrl: resolveAppUrl(new URL(request.url).origin) });
    return new Response(renderPublicPage(model), { headers: HTML });
  },
);
