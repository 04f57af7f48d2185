import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeArticle, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { publishArticle, unpublishArticle } from "@/lib/publishing/data";
import { listPublishedClaimReviews, loadArticleExport } from "@/lib/export/data";
import { claimIn } from "@/lib/export/db-test-fixtures";

/**
 * Publishing (editors only, audited, undone at once) and the public feed of ClaimReviews:
 * approved claims of published articles only, paginated, numbered as the public page.
 */

useTestDatabase();

const APP = "https://verity.example";

let reviewer: Actor;
let editorA: Actor;
let editorB: Actor;
let harbour: TestArticle;
let bridge: TestArticle;
let draftOnly: TestArticle;

beforeAll(async () => {
  [reviewer, editorA, editorB] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
  ]);
  harbour = await makeArticle([
    "Harbour Plan Approved",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring and ends in 2027.",
    "Critics said the budget had doubled since 2019.",
  ]);
  bridge = await makeArticle(["Bridge Reopens", "The council said the bridge will reopen in May.", "Repairs cost £3 million, twice the estimate."]);
  draftOnly = await makeArticle(["Unpublished Notes", "The minister said taxes will fall next year."]);
  // Approved in this order: each a little later than the one before.
  await claimIn("APPROVED", reviewer, editorA, harbour, "Critics said the budget had doubled since 2019", "FALSE");
  await claimIn("APPROVED", reviewer, editorA, harbour, "the new harbour will create 2,000 jobs", "MOSTLY_FALSE");
  await claimIn("APPROVED", reviewer, editorB, bridge, "twice the estimate", "MISLEADING");
  await claimIn("APPROVED", reviewer, editorA, harbour, "ends in 2027", "TRUE");
  await claimIn("APPROVED", reviewer, editorB, bridge, "the bridge will reopen in May", "UNVERIFIABLE");
  await claimIn("SUBMITTED", reviewer, editorA, bridge, "Repairs cost £3 million");
  await claimIn("APPROVED", reviewer, editorA, draftOnly, "taxes will fall next year", "MIXED");
});

describe("publishing", () => {
  it("is for editors: a reviewer is refused and nothing is written", async () => {
    const before = await snapshot();
    await expect(publishArticle(reviewer, harbour.id)).rejects.toThrow(ForbiddenError);
    await expect(unpublishArticle(reviewer, harbour.id)).rejects.toThrow(ForbiddenError);
    expect(await snapshot()).toEqual(before);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: harbour.id } })).toMatchObject({ publishedAt: null, publishedById: null });
  });

  it("gives the article its public page, records who did it, and is idempotent", async () => {
    const { publishedAt } = await publishArticle(editorA, harbour.id);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: harbour.id } })).toMatchObject({ publishedAt, publishedById: editorA.id });
    const again = await publishArticle(editorB, harbour.id);
    expect(again.publishedAt).toEqual(publishedAt);
    const events = await prisma.auditEvent.findMany({ where: { entityType: "Article", entityId: harbour.id } });
    expect(events.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["article.publish", editorA.id, { publishedAt: null }, { publishedAt: publishedAt.toISOString() }],
    ]);
    expect((await loadArticleExport(null, harbour.id, { appUrl: APP })).claims).toHaveLength(3);
  });

  it("takes the public page down at once when unpublished, audited", async () => {
    await publishArticle(editorA, bridge.id);
    await loadArticleExport(null, bridge.id, { appUrl: APP });
    await unpublishArticle(editorB, bridge.id);
    await expect(loadArticleExport(null, bridge.id, { appUrl: APP })).rejects.toThrow(NotFoundError);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: bridge.id } })).toMatchObject({ publishedAt: null, publishedById: null });
    await unpublishArticle(editorB, bridge.id);
    const actions = (await prisma.auditEvent.findMany({ where: { entityType: "Article", entityId: bridge.id }, orderBy: { id: "asc" } })).map(
      (e) => [e.action, e.actorId],
    );
    expect(actions).toEqual([
      ["article.publish", editorA.id],
      ["article.unpublish", editorB.id],
    ]);
    await publishArticle(editorA, bridge.id);
  });

  it("refuses a retired article", async () => {
    const retired = await makeArticle(["Old Story", "Something happened once."], { retired: true });
    await expect(publishArticle(editorA, retired.id)).rejects.toThrow("A retired article cannot be published.");
    await expect(publishArticle(editorA, "no-such-article")).rejects.toThrow(NotFoundError);
  });
});

describe("the ClaimReview feed", () => {
  it("pages through every approved claim of the published articles, newest approval first, and nothing else", async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await listPublishedClaimReviews({ appUrl: APP, page, pageSize: 2 }));
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.next, p.items.length])).toEqual([
      [1, 2, 5, 2, 2],
      [2, 2, 5, 3, 2],
      [3, 2, 5, null, 1],
    ]);
    const items = pages.flatMap((p) => p.items) as Array<Record<string, unknown>>;
    expect(items.map((item) => item.claimReviewed)).toEqual([
      "Claim: the bridge will reopen in May",
      "Claim: ends in 2027",
      "Claim: twice the estimate",
      "Claim: the new harbour will create 2,000 jobs",
      "Claim: Critics said the budget had doubled since 2019",
    ]);
    for (const item of items) expect(item).toMatchObject({ "@context": "https://schema.org", "@type": "ClaimReview", reviewRating: { bestRating: 5, worstRating: 1 } });
    expect(await listPublishedClaimReviews({ appUrl: APP, page: 4, pageSize: 2 })).toMatchObject({ items: [], total: 5, next: null });
  });

  it("links each review to its claim's public page, numbered as the article's page numbers them", async () => {
    const { items } = await listPublishedClaimReviews({ appUrl: APP, page: 1, pageSize: 50 });
    for (const article of [harbour, bridge]) {
      const page = await loadArticleExport(null, article.id, { appUrl: APP });
      for (const claim of page.claims) {
        const review = items.find((item) => item.claimReviewed === claim.restatement);
        expect(review?.url).toBe(`${APP}/p/${article.id}/claims/${claim.number}`);
      }
    }
  });

  it("drops an article's reviews as soon as it is unpublished", async () => {
    await unpublishArticle(editorA, harbour.id);
    const { items, total } = await listPublishedClaimReviews({ appUrl: APP, page: 1 });
    expect(total).toBe(2);
    expect(items.map((item) => item.claimReviewed)).toEqual(["Claim: the bridge will reopen in May", "Claim: twice the estimate"]);
    await publishArticle(editorA, harbour.id);
  });
});
