import { exportPath } from "@/lib/export/formats";

/**
 * The stable addresses exports use. Everything hangs off the public origin: the
 * organisation's public base URL, else the app's (NEXTAUTH_URL, else the origin the
 * request came to; lib/organisation/data.ts resolvePublicUrl), so an export made on one
 * server names the same resources as one made on another.
 */

/** The app's origin without a trailing slash. */
export function resolveAppUrl(requestOrigin?: string | null): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  const base = configured || requestOrigin || "http://localhost:3000";
  return base.replace(/(?<!\/)\/+$/, "");
}

/** The article in the workbench (signed-in users only). */
export function articleIri(appUrl: string, articleId: string) {
  return `${appUrl}/articles/${encodeURIComponent(articleId)}`;
}

/** One version of the article's text in Verity: the text an export's selectors were made on. */
export function versionIri(appUrl: string, articleId: string, number: number) {
  return `${articleIri(appUrl, articleId)}/versions/${number}`;
}

/** The article's public, read-only page (exists only while it is published). */
export function publicPageUrl(appUrl: string, articleId: string) {
  return `${appUrl}/p/${encodeURIComponent(articleId)}`;
}

/**
 * Where a reader finds an article's text: its public page while it is published (the page's
 * <article> holds exactly the canonical text), else the article in the workbench.
 */
export function articleUrl(appUrl: string, articleId: string, published: boolean) {
  return published ? publicPageUrl(appUrl, articleId) : articleIri(appUrl, articleId);
}

/** The public log of every correction and withdrawn fact check. */
export function correctionsLogUrl(appUrl: string) {
  return `${appUrl}/p/corrections`;
}

/** The Atom feed of new and corrected fact checks. */
export function factCheckFeedUrl(appUrl: string) {
  return `${appUrl}/p/feed.atom`;
}

/** An export file's collection: its own address, the route that serves the file. */
export function annotationCollectionId(appUrl: string, articleId: string, includesPending: boolean) {
  return `${appUrl}${exportPath(articleId, "annotations.jsonld", includesPending)}`;
}

/**
 * The article's live annotations: the W3C Annotation Protocol container that serves them
 * (app/annotations/[articleId]), whose IRI ends in "/" as the protocol requires.
 */
export function annotationContainerId(appUrl: string, articleId: string) {
  return `${appUrl}/annotations/${encodeURIComponent(articleId)}/`;
}

/** A claim's annotation, inside its article's container, where the protocol serves it. */
export function claimAnnotationId(appUrl: string, articleId: string, claimId: string) {
  return `${annotationContainerId(appUrl, articleId)}${encodeURIComponent(claimId)}`;
}

export function evidenceAnnotationId(appUrl: string, evidenceId: string) {
  return `${appUrl}/annotations/evidence/${encodeURIComponent(evidenceId)}`;
}

/**
 * The claim's own public page, which carries its one ClaimReview (a page with several is not
 * eligible for fact-check results). `n` counts the article's approved claims in text order:
 * the number readers see beside it on the article's page and in every export, so the address
 * reads like the page it belongs to; it stays the claim's while the article's approved claims
 * are unchanged.
 */
export function publicClaimUrl(appUrl: string, articleId: string, n: number) {
  return `${publicPageUrl(appUrl, articleId)}/claims/${n}`;
}

/** The public feed of ClaimReviews in the shape of Google Fact Check Tools' ClaimReviewMarkupPage. */
export function claimReviewMarkupFeedUrl(appUrl: string) {
  return `${appUrl}/p/claimreviews.json`;
}

/** The claim in the workbench (for exports of unpublished articles). */
export function workbenchClaimUrl(appUrl: string, articleId: string, claimId: string) {
  return `${articleIri(appUrl, articleId)}?claim=${encodeURIComponent(claimId)}`;
}

/** Where a reader finds a claim: its public page while its article is published (and it is approved), else the workbench. */
export function claimUrl(appUrl: string, article: { id: string; publishedAt: string | null }, claimId: string, publicNumber: number | null) {
  return article.publishedAt && publicNumber !== null ? publicClaimUrl(appUrl, article.id, publicNumber) : workbenchClaimUrl(appUrl, article.id, claimId);
}

/** The organisation's logo; `version` (its checksum) changes with it, so no cache keeps an old one. */
export function organisationLogoUrl(appUrl: string, version: string) {
  return `${appUrl}/api/organisation/logo?v=${encodeURIComponent(version)}`;
}
