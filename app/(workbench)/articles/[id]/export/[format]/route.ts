import { route } from "@/lib/http/route";
import { loadArticleExport } from "@/lib/export/data";
import { EXPORT_FORMATS, exportFileName } from "@/lib/export/formats";
import { renderExport } from "@/lib/export/render";
import { exportParamsSchema, exportQuerySchema } from "@/lib/export/schemas";
import { resolvePublicUrl } from "@/lib/organisation/data";
import { DOCUMENT_POLICY } from "@/lib/security/csp";

// One article as HTML, Markdown, Web Annotations or ClaimReview, as a download.
// Who may see what is decided in the data layer: anyone for a published article's
// approved verdicts, signed-in users for other articles, editors for ?pending=1.
export const GET = route(
  {
    user: "optional",
    params: exportParamsSchema,
    query: exportQuerySchema,
    notFound: "That article was not found, or it is not published.",
    cache: "private, no-store",
    headers: { "Content-Security-Policy": DOCUMENT_POLICY },
  },
  async ({ request, user, params: { id, format }, query: { pending } }) => {
    const model = await loadArticleExport(user, id, { appUrl: await resolvePublicUrl(new URL(request.url).origin), includePending: pending });
    const name = exportFileName(model.article.title, format, pending);
    return new Response(renderExport(model, format), {
      headers: {
        "Content-Type": EXPORT_FORMATS[format].contentType,
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });
  },
);
