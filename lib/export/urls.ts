/**
 * The stable addresses exports use. Everything hangs off the app's public origin
 * (NEXTAUTH_URL, else the origin the request came to), so an export made on one
 * server names the same resources as one made on another.
 */

/** The app's origin without a trailing slash. */
export function resolveAppUrl(requestOrigin?: string | null): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  const base = configured || requestOrigin || "http://localhost:3000";
  return base.replace(/(?<!\/)\/+$/, "");
}

/** The article in Verity (the source every selector points into). */
export function articleIri(appUrl: string, articleId: string) {
  return `${appUrl}/articles/${encodeURIComponent(articleId)}`;
}

/** The article's public, read-only page (exists only while it is published). */
export function publicPageUrl(appUrl: string, articleId: string) {
  return `${appUrl}/p/${encodeURIComponent(articleId)}`;
}

export function annotationCollectionId(appUrl: string, articleId: string) {
  return `${articleIri(appUrl, articleId)}/annotations`;
}

export function claimAnnotationId(appUrl: string, claimId: string) {
  return `${appUrl}/annotations/claims/${encodeURIComponent(claimId)}`;
}

export function evidenceAnnotationId(appUrl: string, evidenceId: string) {
  return `${appUrl}/annotations/evidence/${encodeURIComponent(evidenceId)}`;
}

/** The claim's entry on the public page (`n` counts approved claims in text order). */
export function publicClaimUrl(appUrl: string, articleId: string, n: number) {
  return `${publicPageUrl(appUrl, articleId)}#claim-${n}`;
}

/** The claim in the workbench (for exports of unpublished articles). */
export function workbenchClaimUrl(appUrl: string, articleId: string, claimId: string) {
  return `${articleIri(appUrl, articleId)}?claim=${encodeURIComponent(claimId)}`;
}

/** Where a reader finds a claim: its public entry while its article is published (and it is approved), else the workbench. */
export function claimUrl(appUrl: string, article: { id: string; publishedAt: string | null }, claimId: string, publicNumber: number | null) {
  return article.publishedAt && publicNumber !== null ? publicClaimUrl(appUrl, article.id, publicNumber) : workbenchClaimUrl(appUrl, article.id, claimId);
}
