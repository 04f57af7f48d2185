/**
 * ClaimReviews in the shape of Google Fact Check Tools' ClaimReviewMarkupPage (the
 * ClaimReview Read/Write API's `pages` resource), one page per claim page: pageUrl,
 * publishDate, claimReviewAuthor { name, imageUrl } and one ClaimReviewMarkup { url,
 * claimReviewed, claimDate, claimFirstAppearance, claimAppearances, claimAuthor, rating }.
 * Read off the schema.org ClaimReview that lib/export/claim-review.ts builds, field by field
 * as Google's reference maps each one, so the two can never say different things. The
 * output-only fields (name, versionId) are left to Google.
 */

type JsonObject = { [key: string]: unknown };

const asObject = (value: unknown): JsonObject => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const urlOf = (value: unknown) => {
  const url = asObject(value).url;
  return typeof url === "string" ? url : undefined;
};

/** Keys whose value is undefined are left out, as Google's JSON leaves out unset fields. */
function defined(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

export function toClaimReviewMarkupPage(review: JsonObject): JsonObject {
  const item = asObject(review.itemReviewed);
  const author = asObject(review.author);
  const rating = asObject(review.reviewRating);
  const claimAuthor = asObject(item.author);
  const firstAppearance = urlOf(item.firstAppearance);
  const appearances = asList(item.appearance)
    .map(urlOf)
    .filter((url): url is string => url !== undefined && url !== firstAppearance);
  return defined({
    pageUrl: review.url,
    publishDate: review.datePublished,
    claimReviewAuthor: defined({ name: author.name, imageUrl: urlOf(author.logo) }),
    claimReviewMarkups: [
      defined({
        url: review.url,
        claimReviewed: review.claimReviewed,
        claimDate: item.datePublished,
        claimFirstAppearance: firstAppearance,
        claimAppearances: appearances.length > 0 ? appearances : undefined,
        claimAuthor: defined({ name: claimAuthor.name }),
        rating: defined({
          textualRating: rating.alternateName,
          ratingValue: rating.ratingValue,
          bestRating: rating.ratingValue === undefined ? undefined : rating.bestRating,
          worstRating: rating.ratingValue === undefined ? undefined : rating.worstRating,
        }),
      }),
    ],
  });
}
