import type { ExportModel } from "@/lib/export/model";
import { renderStaticMarkup } from "@/lib/export/static-markup";
import { ExportDocument } from "@/lib/export/document/export-document";

/**
 * Standalone HTML: one file with inline CSS and no scripts; the article with each claim
 * highlighted in its verdict's colour and icon with a numbered marker, then the numbered
 * claims with verdict, rationale, evidence and approval. Prints well (see export-styles.ts).
 */
export function renderHtml(model: ExportModel): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<ExportDocument model={model} />)}\n`;
}
