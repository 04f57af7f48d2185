import { getCurrentUser } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { loadArticleExport } from "@/lib/export/data";
import { EXPORT_FORMATS, exportFileName, isExportFormat } from "@/lib/export/formats";
import { renderExport } from "@/lib/export/render";
import { resolveAppUrl } from "@/lib/export/urls";
import { DOCUMENT_POLICY } from "@/lib/security/csp";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

// One article as HTML, Markdown, Web Annotations or ClaimReview, as a download.
// Who may see what is decided in the data layer: anyone for a published article's
// approved verdicts, signed-in users for other articles, editors for ?pending=1.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await params;
  if (!isExportFormat(format)) return problem(404, `There is no export format “${format}”.`);
  const includePending = new URL(request.url).searchParams.get("pending") === "1";
  try {
    const actor = await getCurrentUser();
    const model = await loadArticleExport(actor, id, { appUrl: resolveAppUrl(new URL(request.url).origin), includePending });
    const body = renderExport(model, format);
    const name = exportFileName(model.article.title, format, includePending);
    return new Response(body, {
      headers: {
        "Content-Type": EXPORT_FORMATS[format].contentType,
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": DOCUMENT_POLICY,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404, "That article was not found, or it is not published.");
    if (error instanceof ForbiddenError) return problem(403, error.message);
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    console.error("Exporting an article failed", error);
    return problem(500, "The export could not be made. Please try again.");
  }
}

function problem(status: number, message: string) {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store", "Content-Security-Policy": DOCUMENT_POLICY } });
}
