/**
 * The export formats: what the routes serve and the article page offers. Names only
 * (no renderers), so client components can import this.
 */
export const EXPORT_FORMATS = {
  html: { label: "HTML", description: "the article highlighted, with the claim list; prints well", suffix: "html", contentType: "text/html; charset=utf-8" },
  md: { label: "Markdown", description: "with footnotes", suffix: "md", contentType: "text/markdown; charset=utf-8" },
  "annotations.jsonld": {
    label: "Web Annotations",
    description: "W3C JSON-LD",
    suffix: "annotations.jsonld",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  },
  "claimreview.jsonld": { label: "ClaimReview", description: "schema.org JSON-LD", suffix: "claimreview.jsonld", contentType: "application/ld+json; charset=utf-8" },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/** The route that serves an article's export. */
export function exportPath(articleId: string, format: ExportFormat, includePending = false) {
  return `/articles/${encodeURIComponent(articleId)}/export/${format}${includePending ? "?pending=1" : ""}`;
}

/** A file name from the title: "verity-harbour-plan-approved.html", "-internal" when it has pending claims. */
export function exportFileName(title: string, format: ExportFormat, includePending: boolean) {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|(?<!-)-+$/g, "")
      .slice(0, 60)
      .replace(/(?<!-)-+$/, "") || "article";
  return `verity-${slug}${includePending ? "-internal" : ""}.${EXPORT_FORMATS[format].suffix}`;
}
