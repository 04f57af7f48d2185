import { approvedOnly, type ExportModel } from "@/lib/export/model";
import { renderStaticMarkup } from "@/lib/export/static-markup";
import { jsonLdForScript, toClaimReviews } from "@/lib/export/claim-review";
import { ExportDocument, NotPublishedDocument } from "@/lib/export/document/export-document";

/**
 * The public page of a published article: the same document as the HTML export (one
 * renderer, one stylesheet), with its ClaimReview JSON-LD in the head. Served as plain
 * HTML, without the React runtime: a reader gets the article and nothing to execute.
 */
export function renderPublicPage(given: ExportModel): string {
  const model = approvedOnly(given);
  const json = jsonLdForScript(toClaimReviews(model));
  return `<!DOCTYPE html>\n${renderStaticMarkup(<ExportDocument model={model} variant="public" claimReviewJson={json} />)}\n`;
}

export function renderNotPublishedPage(): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<NotPublishedDocument />)}\n`;
}
