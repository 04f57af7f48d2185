import { VERITY_CATALOGUE, verityRating } from "@/lib/ratings/test-catalogue";
import type { RatingId } from "@/lib/ratings/types";
import { claimReview, jsonLdForScript, toClaimReviews } from "@/lib/export/claim-review";
import { fixtureModel, FIXTURE_APP_URL, FIXTURE_ORGANISATION } from "@/lib/export/test-fixture";
import type { ExportCorrection, ExportSameClaim } from "@/lib/export/model";
import type { ClaimReview, WithContext } from "schema-dts";

/**
 * schema.org ClaimReview: the fields fact-check search tools read, and the rating scale of
 * DESIGN.md. The expected reviews are typed with schema-dts (schema.org's vocabulary as
 * TypeScript types), so the type check refuses a property or type schema.org does not have.
 */
const schemaOrg = (review: WithContext<ClaimReview>) => review;

// DESIGN.md, "Verdicts (ClaimReview-compatible)".
const DESIGN_TABLE: Record<RatingId, { ratingValue: number | null; alternateName: string }> = {
  FALSE: { ratingValue: 1, alternateName: "False" },
  MOSTLY_FALSE: { ratingValue: 2, alternateName: "Mostly false" },
  MIXED: { ratingValue: 3, alternateName: "Mixed" },
  MOSTLY_TRUE: { ratingValue: 4, alternateName: "Mostly true" },
  TRUE: { ratingValue: 5, alternateName: "True" },
  MISLEADING: { ratingValue: null, alternateName: "Misleading" },
  UNVERIFIABLE: { ratingValue: null, alternateName: "Unverifiable" },
};

const article = {
  id: "art-1",
  title: "Harbour plan approved",
  outlet: "The Coastal Times",
  url: "https://coastal.example/harbour",
  publicationDate: "2025-03-09",
  publishedAt: "2025-03-18T12:00:00.000Z",
};
const claim = {
  id: "c1",
  restatement: "The harbour creates 2,000 jobs.",
  rationale: "The study says 600.",
  approvedAt: "2025-03-14T16:00:00.000Z",
  sameClaim: [] as ExportSameClaim[],
  corrections: [] as ExportCorrection[],
  claimant: null,
  claimantKind: null,
  claimDate: null,
  appearanceUrl: null,
};
const reviewOf = (...args: Parameters<typeof claimReview> extends [string, unknown, ...infer Rest] ? Rest : never) => claimReview(FIXTURE_APP_URL, FIXTURE_ORGANISATION, ...args);

describe("a ClaimReview", () => {
  it("of a corrected verdict has dateModified, each correction as a CorrectionComment, and its first publication as datePublished", () => {
    const corrections: ExportCorrection[] = [
      { id: "k2", note: "A newer study counts 900 jobs.", correctedAt: "2025-05-02T10:00:00.000Z", previousVerdict: "False", previousRationale: null, previousApprovedAt: "2025-04-01T09:00:00.000Z" },
      { id: "k1", note: "The study's figure was misread.", correctedAt: "2025-04-01T09:00:00.000Z", previousVerdict: "True", previousRationale: "Says 2,000.", previousApprovedAt: "2025-03-01T08:00:00.000Z" },
    ];
    const review = reviewOf(article, { ...claim, rating: verityRating("MOSTLY_FALSE"), approvedAt: "2025-05-02T10:00:00.000Z", corrections }, 1);
    expect(review).toMatchObject({
      datePublished: "2025-03-01T08:00:00.000Z",
      dateModified: "2025-05-02T10:00:00.000Z",
      correction: [
        { "@type": "CorrectionComment", text: "A newer study counts 900 jobs.", datePublished: "2025-05-02T10:00:00.000Z" },
        { "@type": "CorrectionComment", text: "The study's figure was misread.", datePublished: "2025-04-01T09:00:00.000Z" },
      ],
    });
    expect(reviewOf(article, { ...claim, rating: verityRating("TRUE") }, 1)).not.toHaveProperty("dateModified");
  });

  it.each(VERITY_CATALOGUE.choices.map((rating) => rating.id))("rates %s as DESIGN.md's table says", (verdict) => {
    const { reviewRating } = reviewOf(article, { ...claim, rating: verityRating(verdict) }, 1) as { reviewRating: Record<string, unknown> };
    const expected = DESIGN_TABLE[verdict];
    expect(reviewRating).toEqual({
      "@type": "Rating",
      ...(expected.ratingValue === null ? {} : { ratingValue: expected.ratingValue }),
      bestRating: 5,
      worstRating: 1,
      name: expected.alternateName,
      alternateName: expected.alternateName,
    });
    if (expected.ratingValue === null) expect(reviewRating).not.toHaveProperty("ratingValue");
  });

  it("has every field fact-check tools read, the organisation as its author", () => {
    expect(reviewOf(article, { ...claim, rating: verityRating("MOSTLY_FALSE") }, 3)).toEqual(schemaOrg({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://verity.example/p/art-1/claims/3",
      claimReviewed: "The harbour creates 2,000 jobs.",
      reviewBody: "The study says 600.",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, name: "Mostly false", alternateName: "Mostly false" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "The Coastal Times" },
        datePublished: "2025-03-09",
        appearance: {
          "@type": "CreativeWork",
          url: "https://coastal.example/harbour",
          headline: "Harbour plan approved",
          datePublished: "2025-03-09",
          publisher: { "@type": "Organization", name: "The Coastal Times" },
        },
      },
      author: {
        "@type": "Organization",
        name: "Coastal Fact Check",
        url: "https://factcheck.example",
        logo: { "@type": "ImageObject", url: "https://verity.example/api/organisation/logo?v=0123456789abcdef" },
      },
      datePublished: "2025-03-14T16:00:00.000Z",
    }));
  });

  it("names the claimant as the claim's author, with the day it was made and where it first appeared", () => {
    const made = { claimant: "Mayor Jane Holt", claimantKind: "PERSON" as const, claimDate: "2025-03-07", appearanceUrl: "https://council.example/meetings/2025-03-07" };
    const { itemReviewed } = reviewOf(article, { ...claim, ...made, rating: verityRating("FALSE") }, 1) as { itemReviewed: unknown };
    expect(itemReviewed).toEqual<ClaimReview["itemReviewed"]>({
      "@type": "Claim",
      author: { "@type": "Person", name: "Mayor Jane Holt" },
      datePublished: "2025-03-07",
      firstAppearance: { "@type": "CreativeWork", url: "https://council.example/meetings/2025-03-07" },
      appearance: {
        "@type": "CreativeWork",
        url: "https://coastal.example/harbour",
        headline: "Harbour plan approved",
        datePublished: "2025-03-09",
        publisher: { "@type": "Organization", name: "The Coastal Times" },
      },
    });
  });

  it("types an organisation as the claimant as schema.org's Organization, and falls back to the article's date and outlet for what is not given", () => {
    const { itemReviewed } = reviewOf(article, { ...claim, claimant: "Harbour Authority", claimantKind: "ORGANIZATION", rating: verityRating("FALSE") }, 1) as { itemReviewed: Record<string, unknown> };
    expect(itemReviewed.author).toEqual({ "@type": "Organization", name: "Harbour Authority" });
    expect(itemReviewed.datePublished).toBe("2025-03-09");
    expect(itemReviewed).not.toHaveProperty("firstAppearance");
  });

  it("names the app as the organisation's address when it has none of its own, and leaves out a logo it does not have", () => {
    const { author } = claimReview(FIXTURE_APP_URL, { ...FIXTURE_ORGANISATION, url: null, logo: null }, article, { ...claim, rating: verityRating("TRUE") }, 1) as { author: unknown };
    expect(author).toEqual({ "@type": "Organization", name: "Coastal Fact Check", url: "https://verity.example" });
  });

  it("points an unpublished article's review at the claim in Verity, and an article without its own URL at Verity's", () => {
    const review = reviewOf({ ...article, url: null, publishedAt: null, publicationDate: null }, { ...claim, rating: verityRating("TRUE") }, 1) as Record<
      string,
      Record<string, unknown>
    >;
    expect(review.url).toBe("https://verity.example/articles/art-1?claim=c1");
    expect(review.itemReviewed.appearance).toMatchObject({ url: "https://verity.example/articles/art-1" });
    expect(review.itemReviewed).not.toHaveProperty("datePublished");
  });

  it("lists where else the same claim appeared: each published article with it approved, once, after the article itself", () => {
    const other = (id: string, state: ExportSameClaim["state"], publishedAt: string | null): ExportSameClaim => ({
      id: `c-${id}`,
      restatement: "Harbour to bring 2,000 jobs.",
      rating: verityRating("FALSE"),
      state,
      article: { id, title: `Article ${id}`, outlet: "Port Gazette", url: `https://gazette.example/${id}`, publicationDate: null, publishedAt },
      publicNumber: state === "APPROVED" && publishedAt ? 1 : null,
    });
    const sameClaim = [
      other("a2", "APPROVED", "2025-03-19T00:00:00.000Z"),
      { ...other("a2", "APPROVED", "2025-03-19T00:00:00.000Z"), id: "c-a2-bis" },
      other("a3", "SUBMITTED", "2025-03-19T00:00:00.000Z"),
      other("a4", "APPROVED", null),
    ];
    const review = reviewOf(article, { ...claim, rating: verityRating("FALSE"), sameClaim }, 1) as { itemReviewed: { appearance: Array<{ url: string }> } };
    expect(review.itemReviewed.appearance.map((a) => a.url)).toEqual(["https://coastal.example/harbour", "https://gazette.example/a2"]);
  });
});

describe("an export's ClaimReviews", () => {
  it("are one per approved claim, each at its claim's page, numbered as the article's page numbers them", () => {
    const reviews = toClaimReviews(fixtureModel({ includePending: true }));
    const approved = fixtureModel().claims;
    expect(reviews.map((r) => r.claimReviewed)).toEqual(approved.map((c) => c.restatement));
    expect(reviews.map((r) => r.url)).toEqual(approved.map((c) => `https://verity.example/p/art-harbour/claims/${c.number}`));
  });

  it("are safe inside a script element", () => {
    const json = jsonLdForScript([{ claimReviewed: "</script><script>alert(1)</script> & more" }]);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual([{ claimReviewed: "</script><script>alert(1)</script> & more" }]);
  });
});
