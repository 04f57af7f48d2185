import { VERDICT_ORDER } from "@/lib/claims/verdicts";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { claimReview, jsonLdForScript, toClaimReviews } from "@/lib/export/claim-review";
import { fixtureModel, FIXTURE_APP_URL } from "@/lib/export/test-fixture";
import type { ExportSameClaim } from "@/lib/export/model";

/** schema.org ClaimReview: the fields fact-check search tools read, and the rating scale of DESIGN.md. */

// DESIGN.md, "Verdicts (ClaimReview-compatible)".
const DESIGN_TABLE: Record<Verdict, { ratingValue: number | null; alternateName: string }> = {
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
};

describe("a ClaimReview", () => {
  it.each(VERDICT_ORDER)("rates %s as DESIGN.md's table says", (verdict) => {
    const { reviewRating } = claimReview(FIXTURE_APP_URL, article, { ...claim, verdict }, 1) as { reviewRating: Record<string, unknown> };
    const expected = DESIGN_TABLE[verdict];
    expect(reviewRating).toEqual({
      "@type": "Rating",
      ...(expected.ratingValue === null ? {} : { ratingValue: expected.ratingValue }),
      bestRating: 5,
      worstRating: 1,
      alternateName: expected.alternateName,
    });
    if (expected.ratingValue === null) expect(reviewRating).not.toHaveProperty("ratingValue");
  });

  it("has every field fact-check tools read", () => {
    expect(claimReview(FIXTURE_APP_URL, article, { ...claim, verdict: "MOSTLY_FALSE" }, 3)).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://verity.example/p/art-1#claim-3",
      claimReviewed: "The harbour creates 2,000 jobs.",
      reviewBody: "The study says 600.",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
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
      author: { "@type": "Organization", name: "Verity", url: "https://verity.example" },
      datePublished: "2025-03-14T16:00:00.000Z",
    });
  });

  it("points an unpublished article's review at the claim in Verity, and an article without its own URL at Verity's", () => {
    const review = claimReview(FIXTURE_APP_URL, { ...article, url: null, publishedAt: null, publicationDate: null }, { ...claim, verdict: "TRUE" }, 1) as Record<
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
      verdict: "FALSE",
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
    const review = claimReview(FIXTURE_APP_URL, article, { ...claim, verdict: "FALSE", sameClaim }, 1) as { itemReviewed: { appearance: Array<{ url: string }> } };
    expect(review.itemReviewed.appearance.map((a) => a.url)).toEqual(["https://coastal.example/harbour", "https://gazette.example/a2"]);
  });
});

describe("an export's ClaimReviews", () => {
  it("are one per approved claim, numbered as the public page numbers them", () => {
    const reviews = toClaimReviews(fixtureModel({ includePending: true }));
    const approved = fixtureModel().claims;
    expect(reviews.map((r) => r.claimReviewed)).toEqual(approved.map((c) => c.restatement));
    expect(reviews.map((r) => r.url)).toEqual(approved.map((c) => `https://verity.example/p/art-harbour#claim-${c.number}`));
  });

  it("are safe inside a script element", () => {
    const json = jsonLdForScript([{ claimReviewed: "</script><script>alert(1)</script> & more" }]);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual([{ claimReviewed: "</script><script>alert(1)</script> & more" }]);
  });
});
