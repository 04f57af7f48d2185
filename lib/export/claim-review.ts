import { VERDICTS, verdictLabel } from "@/lib/claims/verdicts";
import type { Verdict } from "@/lib/generated/prisma/enums";
import type { ExportModel } from "@/lib/export/model";
import { articleIri, publicClaimUrl, workbenchClaimUrl } from "@/lib/export/urls";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview), one per approved claim, in
 * the shape fact-check search tools read: claimReviewed, reviewRating (ratingValue on
 * the 1–5 scale of DESIGN.md, none for Misleading and Unverifiable, which carry only
 * their alternateName), itemReviewed (the Claim, where it appeared and who made it),
 * author, datePublished and url. Pending claims never become a ClaimReview, whoever asks.
 */
export const PUBLISHER_NAME = "Verity";

type JsonObject = { [key: string]: unknown };

export interface ClaimReviewArticle {
  id: string;
  title: string;
  outlet: string;
  url: string | null;
  /** YYYY-MM-DD */
  publicationDate: string | null;
  publishedAt: string | null;
}

export interface ClaimReviewClaim {
  id: string;
  restatement: string;
  verdict: Verdict | null;
  rationale: string | null;
  approvedAt: string;
}

/**
 * One ClaimReview. `publicNumber` is the claim's place among the article's approved
 * claims in text order: its entry on the public page is #claim-<publicNumber>.
 */
export function claimReview(appUrl: string, article: ClaimReviewArticle, claim: ClaimReviewClaim, publicNumber: number): JsonObject {
  const rating: JsonObject = { "@type": "Rating" };
  const ratingValue = claim.verdict ? VERDICTS[claim.verdict].ratingValue : null;
  if (ratingValue !== null) rating.ratingValue = ratingValue;
  Object.assign(rating, { bestRating: 5, worstRating: 1, alternateName: verdictLabel(claim.verdict) });

  const appearance: JsonObject = {
    "@type": "CreativeWork",
    url: article.url ?? articleIri(appUrl, article.id),
    headline: article.title,
    ...(article.publicationDate ? { datePublished: article.publicationDate } : {}),
    publisher: { "@type": "Organization", name: article.outlet },
  };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: article.publishedAt ? publicClaimUrl(appUrl, article.id, publicNumber) : workbenchClaimUrl(appUrl, article.id, claim.id),
    claimReviewed: claim.restatement,
    ...(claim.rationale ? { reviewBody: claim.rationale } : {}),
    reviewRating: rating,
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Organization", name: article.outlet },
      ...(article.publicationDate ? { datePublished: article.publicationDate } : {}),
      appearance,
    },
    author: { "@type": "Organization", name: PUBLISHER_NAME, url: appUrl },
    datePublished: claim.approvedAt,
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
