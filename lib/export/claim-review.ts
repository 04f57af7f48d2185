import { UNRATED, type ScaledRating } from "@/lib/ratings/types";
import { firstPublishedAt, isPublicSameClaim, type ExportArticleRef, type ExportCorrection, type ExportModel, type ExportOrganisation, type ExportSameClaim, type ExportVersion } from "@/lib/export/model";
import type { Claimant } from "@/lib/claims/types";
import { articleUrl, claimUrl } from "@/lib/export/urls";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview), one per approved claim, in
 * the shape fact-check search tools read: claimReviewed, reviewRating (the rating's
 * ratingValue between its scale's worstRating and bestRating, on the scale that approved
 * it; a rating without a number carries only its name and alternateName), itemReviewed (the Claim: who made it and when, from the claim's
 * claimant fields or else the article's outlet and date; where it first appeared when that
 * is not the article; and where it appeared: this article, then the other published
 * articles where it was linked as the same claim), author (the organisation, with its logo),
 * datePublished and url. Pending claims never become a ClaimReview, whoever asks.
 */

type JsonObject = { [key: string]: unknown };

export interface ClaimReviewClaim extends Claimant {
  id: string;
  restatement: string;
  rating: ScaledRating | null;
  rationale: string | null;
  approvedAt: string;
  /** The same claim in other articles; only approved ones in published articles appear. */
  sameClaim: ExportSameClaim[];
  /** Its published corrections, newest first. */
  corrections: ExportCorrection[];
}

/**
 * One ClaimReview. `publicNumber` is the claim's place among the article's approved
 * claims in text order: its public page is /p/<article>/claims/<publicNumber>.
 */
export function claimReview(appUrl: string, organisation: ExportOrganisation, article: ExportArticleRef & { version?: ExportVersion }, claim: ClaimReviewClaim, publicNumber: number): JsonObject {
  const rating = reviewRating(claim.rating);

  const elsewhere = new Map<string, ExportArticleRef>();
  for (const other of claim.sameClaim) {
    if (isPublicSameClaim(other) && other.article.id !== article.id) elsewhere.set(other.article.id, other.article);
  }
  const appearances = [{ ...appearance(appUrl, article), ...versionOf(article) }, ...[...elsewhere.values()].map((where) => appearance(appUrl, where))];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(appUrl, article, claim.id, publicNumber),
    claimReviewed: claim.restatement,
    ...(claim.rationale ? { reviewBody: claim.rationale } : {}),
    reviewRating: rating,
    itemReviewed: {
      "@type": "Claim",
      author: claim.claimant ? { "@type": claim.claimantKind === "ORGANIZATION" ? "Organization" : "Person", name: claim.claimant } : { "@type": "Organization", name: article.outlet },
      ...((claim.claimDate ?? article.publicationDate) ? { datePublished: claim.claimDate ?? article.publicationDate } : {}),
      ...(claim.appearanceUrl ? { firstAppearance: { "@type": "CreativeWork", url: claim.appearanceUrl } } : {}),
      appearance: appearances.length === 1 ? appearances[0] : appearances,
    },
    author: organisationAuthor(appUrl, organisation),
    datePublished: firstPublishedAt(claim),
    ...corrected(claim),
  };
}

/** schema.org's Rating: its number when it has one, its scale's bounds when the scale has numbers, always its words. */
function reviewRating(rating: ScaledRating | null): JsonObject {
  const label = rating?.label ?? UNRATED.label;
  return {
    "@type": "Rating",
    ...(rating?.ratingValue != null ? { ratingValue: rating.ratingValue } : {}),
    ...(rating?.bestRating != null && rating.worstRating != null ? { bestRating: rating.bestRating, worstRating: rating.worstRating } : {}),
    name: label,
    alternateName: label,
  };
}

/** A corrected review: dateModified (the latest correction) and each correction as a schema.org CorrectionComment. */
function corrected(claim: ClaimReviewClaim): JsonObject {
  if (claim.corrections.length === 0) return {};
  return {
    dateModified: claim.corrections[0].correctedAt,
    correction: claim.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.note, datePublished: c.correctedAt })),
  };
}

/** The organisation as schema.org names a review's author: name, address and logo. */
function organisationAuthor(appUrl: string, organisation: ExportOrganisation): JsonObject {
  return {
    "@type": "Organization",
    name: organisation.name,
    url: organisation.url ?? appUrl,
    ...(organisation.logo ? { logo: { "@type": "ImageObject", url: organisation.logo.url } } : {}),
  };
}

function appearance(appUrl: string, article: ExportArticleRef): JsonObject {
  return {
    "@type": "CreativeWork",
    url: article.url ?? articleUrl(appUrl, article.id, article.publishedAt !== null),
    headline: article.title,
    ...(article.publicationDate ? { datePublished: article.publicationDate } : {}),
    publisher: { "@type": "Organization", name: article.outlet },
  };
}

/** The version of the article the review was made on: schema.org's version and dateModified (the outlet's update). */
function versionOf({ version }: { version?: ExportVersion }): JsonObject {
  if (!version) return {};
  return { version: String(version.number), ...(version.updatedOn ? { dateModified: version.updatedOn } : {}) };
}

/** The ClaimReviews of an export's approved claims, in text order. */
export function toClaimReviews(model: ExportModel): JsonObject[] {
  const reviews: JsonObject[] = [];
  for (const claim of model.claims) {
    if (claim.state !== "APPROVED" || !claim.approvedAt) continue;
    reviews.push(claimReview(model.appUrl, model.organisation, model.article, { ...claim, approvedAt: claim.approvedAt }, reviews.length + 1));
  }
  return reviews;
}

/** JSON-LD for a <script type="application/ld+json">: no "<" can end the script early. */
export function jsonLdForScript(value: unknown) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
