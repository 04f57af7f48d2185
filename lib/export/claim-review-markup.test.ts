import { toClaimReviews } from "@/lib/export/claim-review";
import { toClaimReviewMarkupPage } from "@/lib/export/claim-review-markup";
import { fixtureModel } from "@/lib/export/test-fixture";

/**
 * The ClaimReviewMarkupPage feed: each field named and filled as Google Fact Check Tools'
 * reference maps it to the schema.org ClaimReview (pages resource of the ClaimReview
 * Read/Write API), read off the very review the claim's page carries.
 */

const reviews = toClaimReviews(fixtureModel());
const byRestatement = (restatement: string) => reviews.find((review) => review.claimReviewed === restatement)!;

// The fields of Google's ClaimReviewMarkupPage, ClaimReviewAuthor, ClaimReviewMarkup, ClaimAuthor and ClaimRating.
const PAGE_FIELDS = ["name", "pageUrl", "publishDate", "claimReviewAuthor", "claimReviewMarkups", "versionId"];
const AUTHOR_FIELDS = ["name", "imageUrl"];
const MARKUP_FIELDS = ["url", "claimReviewed", "claimDate", "claimLocation", "claimFirstAppearance", "claimAppearances", "claimAuthor", "rating"];
const CLAIM_AUTHOR_FIELDS = ["name", "jobTitle", "imageUrl", "sameAs"];
const RATING_FIELDS = ["textualRating", "ratingValue", "worstRating", "bestRating", "ratingExplanation", "imageUrl"];

it("uses only the fields Google's reference names, and leaves its output-only fields to Google", () => {
  for (const review of reviews) {
    const page = toClaimReviewMarkupPage(review) as Record<string, Record<string, unknown> & Array<Record<string, Record<string, unknown>>>>;
    expect(PAGE_FIELDS).toEqual(expect.arrayContaining(Object.keys(page)));
    expect(page).not.toHaveProperty("name");
    expect(page).not.toHaveProperty("versionId");
    expect(AUTHOR_FIELDS).toEqual(expect.arrayContaining(Object.keys(page.claimReviewAuthor)));
    expect(page.claimReviewMarkups).toHaveLength(1);
    const [markup] = page.claimReviewMarkups;
    expect(MARKUP_FIELDS).toEqual(expect.arrayContaining(Object.keys(markup)));
    expect(CLAIM_AUTHOR_FIELDS).toEqual(expect.arrayContaining(Object.keys(markup.claimAuthor)));
    expect(RATING_FIELDS).toEqual(expect.arrayContaining(Object.keys(markup.rating)));
  }
});

it("maps a rated claim with its claimant, date and first appearance field by field", () => {
  const review = byRestatement("The mayor said construction starts next spring.");
  expect(toClaimReviewMarkupPage(review)).toEqual({
    pageUrl: review.url,
    publishDate: review.datePublished,
    claimReviewAuthor: { name: "Coastal Fact Check", imageUrl: "https://verity.example/api/organisation/logo?v=0123456789abcdef" },
    claimReviewMarkups: [
      {
        url: review.url,
        claimReviewed: "The mayor said construction starts next spring.",
        claimDate: "2025-03-07",
        claimFirstAppearance: "https://council.example/meetings/2025-03-07",
        claimAppearances: ["https://coastal.example/news/harbour-plan"],
        claimAuthor: { name: "Mayor Jane Holt" },
        rating: { textualRating: "Unverifiable" },
      },
    ],
  });
});

it("gives a numeric rating with its scale, and a verdict off the scale as its textual rating alone", () => {
  const rated = toClaimReviewMarkupPage(byRestatement("The new harbour will create 2,000 jobs.")) as { claimReviewMarkups: Array<{ rating: unknown }> };
  expect(rated.claimReviewMarkups[0].rating).toEqual({ textualRating: "Mostly false", ratingValue: 2, bestRating: 5, worstRating: 1 });
});
