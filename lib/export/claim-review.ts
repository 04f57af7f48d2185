import { VERDICTS, verdictLabel } from "@/lib/claims/verdicts";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { isPublicSameClaim, type ExportArticleRef, type ExportModel, type ExportSameClaim } from "@/lib/export/model";
import { articleIri, claimUrl } from "@/lib/export/urls";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview), one per approved claim, in
 * the shape fact-check search tools read: claimReviewed, reviewRating (ratingValue on
 * the 1–5 scale of DESIGN.md, none for Misleading and Unverifiable, which carry only
 * their alternateName), itemReviewed (the Claim, who made it and where it appeared: this
 * article, then the other published articles where it was linked as the same claim),
 * author, datePublished and url. Pending claims never become a ClaimReview, whoever asks.
 */
export const PUBLISHER_NAME = "Verity";

type JsonObject = { [key: string]: unknown };

export interface ClaimReviewClaim {
  id: string;
  restatement: string;
  verdict: Verdict | null;
  rationale: string | null;
  approvedAt: string;
  /** The same claim in other articles; only approved ones in published articles appear. */
  sameClaim: ExportSameClaim[];
}

/**
 * One ClaimReview. `publicNumber` is the claim's place among the article's approved
 * claims in text order: its entry on the public page is #claim-<publicNumber>.
 */
export function claimReview(appUrl: string, article: ExportArticleRef, claim: ClaimReviewClaim, publicNumber: number): JsonObject {
  const rating: JsonObject = { "@type": "Rating" };
  const ratingValue = claim.verdict ? VERDICTS[claim.verdict].ratingValue : null;
  if (ratingValue !== null) rating.ratingValue = ratingValue;
  Object.assign(rating, { bestRating: 5, worstRating: 1, alternateName: verdictLabel(claim.verdict) });

  const elsewhere = new Map<string, ExportArticleRef>();
  for (const other of claim.sameClaim) {
    if (isPublicSameClaim(other) && other.article.id !== article.id) elsewhere.set(other.article.id, other.article);
  }
  const appearances = [article, ...elsewhere.values()].map((where) => appearance(appUrl, where));
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(appUrl, article, claim.id, publicNumber),
    claimReviewed: claim.restatement,
    ...(claim.rationale ? { reviewBody: claim.rationale } : {}),
    reviewRating: rating,
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Organization", name: article.outlet },
      ...(article.publicationDate ? { datePublished: article.publicationDate } : {}),
      appearance: appearances.length === 1 ? appearances[0] : appearances,
    },
    author: { "@type": "Organization", name: PUBLISHER_NAME, url: appUrl },
    datePublished: claim.approvedAt,
  };
}

function appearance(appUrl: string, article: ExportArticleRef): JsonObject {
  return {
    "@type": "CreativeWork",
    url: article.url ?? articleIri(appUrl, article.id),
    headline: article.title,
    ...(article.publicationDate ? { datePublished: article.publicationDate } : {}),
    publisher: { "@type": "Organization", name: article.outlet },
  };
}

/** The ClaimReviews of an export's approved claims, in text order. */
export function toClaimReviews(model: ExportModel): JsonObject[] {
  const reviews: JsonObject[] = [];
  for (const claim of model.claims) {
    if (claim.state !== "APPROVED" || !claim.approvedAt) continue;
    reviews.push(claimReview(model.appUrl, model.article, { ...claim, approvedAt: claim.approvedAt }, reviews.length + 1));
  }
  return reviews;
}

/** JSON-LD for a <script type="application/ld+json">: no "<" can end the script early. */
export function jsonLdForScript(value: unknown) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
