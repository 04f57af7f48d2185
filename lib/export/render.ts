import type { ExportModel } from "@/lib/export/model";
import type { ExportFormat } from "@/lib/export/formats";
import { renderHtml } from "@/lib/export/html";
import { renderMarkdown } from "@/lib/export/markdown";
import { toAnnotationCollection } from "@/lib/export/web-annotation";
import { toClaimReviews } from "@/lib/export/claim-review";

/** Each format from the one model: pure, so the same model always gives the same bytes. */
export const RENDERERS: Record<ExportFormat, (model: ExportModel) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  "annotations.jsonld": (model) => `${JSON.stringify(toAnnotationCollection(model), null, 2)}\n`,
  "claimreview.jsonld": (model) => `${JSON.stringify(toClaimReviews(model), null, 2)}\n`,
};

export function renderExport(model: ExportModel, format: ExportFormat): string {
  return RENDERERS[format](model);
}
