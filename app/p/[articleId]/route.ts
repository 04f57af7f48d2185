import { NotFoundError } from "@/lib/errors";
import { loadArticleExport } from "@/lib/export/data";
import { renderNotPublishedPage, renderPublicPage } from "@/lib/export/public-page";
import { resolveAppUrl } from "@/lib/export/urls";
import { DOCUMENT_POLICY } from "@/lib/security/csp";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

// The public, read-only page of a published article: no sign-in, approved verdicts only
// (read as an anonymous reader, whoever asks), the ClaimReview JSON-LD in its head. Read
// from the database on every request, so unpublishing takes it down at once everywhere.
export async function GET(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": DOCUMENT_POLICY };
  try {
    const model = await loadArticleExport(null, articleId, { appUrl: resolveAppUrl(new URL(request.url).origin) });
    return new Response(renderPublicPage(model), { headers });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(renderNotPublishedPage(), { status: 404, headers });
    if (isDatabaseUnavailable(error)) return unavailableResponse("text");
    console.error("Showing a public page failed", error);
    return new Response("The page could not be shown. Please try again.", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
