import { approvedOnly, type ExportModel } from "@/lib/export/model";
import { renderStaticMarkup } from "@/lib/export/static-markup";
import { jsonLdForScript, toClaimReviews } from "@/lib/export/claim-review";
import { CorrectionsLogDocument } from "@/lib/export/document/corrections-log";
import { ClaimPageDocument } from "@/lib/export/document/claim-page";
import type { CorrectionLogEntry } from "@/lib/corrections/log";
import { ExportDocument, NotPublishedDocument, WithdrawnDocument } from "@/lib/export/document/export-document";

/**
 * The public page of a published article: the same document as the HTML export (one
 * renderer, one stylesheet), each claim linking to its own page. Served as plain HTML,
 * without the React runtime: a reader gets the article and nothing to execute.
 */
export function renderPublicPage(given: ExportModel): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<ExportDocument model={approvedOnly(given)} variant="public" />)}\n`;
}

/**
 * The public page of the article's approved claim number `n` (in text order), with its one
 * ClaimReview in the head: Google reads a page with several as none. Null: no such claim.
 */
export function renderClaimPage(given: ExportModel, n: number): string | null {
  const model = approvedOnly(given);
  const claim = model.claims[n - 1];
  const review = toClaimReviews(model)[n - 1];
  if (!claim || !review) return null;
  return `<!DOCTYPE html>\n${renderStaticMarkup(<ClaimPageDocument model={model} claim={claim} claimReviewJson={jsonLdForScript(review)} />)}\n`;
}

export function renderNotPublishedPage(): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<NotPublishedDocument />)}\n`;
}

export function renderWithdrawnPage(withdrawnAt: Date, appUrl: string): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<WithdrawnDocument withdrawnAt={withdrawnAt.toISOString()} appUrl={appUrl} />)}\n`;
}

export function renderCorrectionsLog(entries: CorrectionLogEntry[], appUrl: string): string {
  return `<!DOCTYPE html>\n${renderStaticMarkup(<CorrectionsLogDocument entries={entries} appUrl={appUrl} />)}\n`;
}
