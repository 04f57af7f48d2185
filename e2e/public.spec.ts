import { expect, test, type Locator, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, markClaim, markerLabels, newSignedInPage, panel, screenshot, waitForReader, type Verdict, confirmPublishing } from "./fixtures";

/**
 * The public page of a published article, as an anonymous reader sees it: the article
 * with its approved verdicts only and the claim list, each claim on its own page with its one
 * ClaimReview JSON-LD, no pending claim, comment or email address; the feed of published ClaimReviews; and
 * unpublishing, which takes it all down at once.
 *
 * The e2e database is shared with the other spec files: the article here is imported by
 * this file under a title carrying RUN.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Bridge fact-check ${RUN}`;
const PARAGRAPHS = [
  "The council said on Friday that the bridge will reopen in May after repairs costing £3 million.",
  "Engineers warned that the repairs cost twice the original estimate of £1.5 million.",
  "A spokesperson said traffic would return to normal within a week.",
];
const CLAIMS = {
  reopen: { text: "the bridge will reopen in May", restatement: `The bridge reopens in May [${RUN}]`, verdict: "UNVERIFIABLE" as Verdict },
  cost: { text: "twice the original estimate", restatement: `Repairs cost twice the estimate [${RUN}]`, verdict: "TRUE" as Verdict },
  traffic: { text: "traffic would return to normal within a week", restatement: `Traffic is normal within a week [${RUN}]`, verdict: "MOSTLY_FALSE" as Verdict },
};
const COMMENT = `Internal remark, never public ${RUN}`;

function workflowButton(page: Page, name: string): Locator {
  return panel(page).locator(".workflow-controls").getByRole("button", { name, exact: true });
}

async function submitClaim(page: Page, claim: { text: string; restatement: string; verdict: Verdict }) {
  const id = await markClaim(page, claim.text, { restatement: claim.restatement, verdict: claim.verdict, rationale: `Checked with the council (${RUN}).` });
  const claimPanel = panel(page);
  await claimPanel.getByText("Add an external source").click();
  await claimPanel.getByLabel("URL").fill("https://council.example/bridge");
  await claimPanel.getByLabel("Title").fill(`Council statement ${RUN}`);
  await claimPanel.getByRole("button", { name: "Add source" }).click();
  await expect(claimPanel.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await workflowButton(page, "Submit for review").click();
  await expect(claimPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  return id;
}

test.describe.serial("the public page", () => {
  let articleId = "";
  let editor: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    editor = await newSignedInPage(browser, EDITOR);
    await editor.goto("/articles/import");
    await editor.getByLabel("Paste the article").fill(PARAGRAPHS.join("\n\n"));
    await editor.getByLabel("Format").selectOption("TEXT");
    await editor.getByLabel("Title", { exact: true }).fill(TITLE);
    await editor.getByLabel("Outlet").fill("The River Herald");
    await editor.getByRole("button", { name: "Import article" }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await waitForReader(editor);
    articleId = new URL(editor.url()).pathname.split("/").pop()!;

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    const reopen = await submitClaim(reviewer, CLAIMS.reopen);
    const cost = await submitClaim(reviewer, CLAIMS.cost);
    await submitClaim(reviewer, CLAIMS.traffic);
    // A comment on a claim that will be public.
    await reviewer.goto(`/articles/${articleId}?claim=${cost}`);
    await waitForReader(reviewer);
    await panel(reviewer).getByLabel("Add a comment").fill(COMMENT);
    await panel(reviewer).getByRole("button", { name: "Comment" }).click();
    await expect(panel(reviewer).getByText(COMMENT)).toBeVisible();
    await reviewer.context().close();

    for (const claimId of [reopen, cost]) {
      await editor.goto(`/articles/${articleId}?claim=${claimId}`);
      await waitForReader(editor);
      await workflowButton(editor, "Approve").click();
      await expect(panel(editor).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
    }
  });

  test("does not exist before the article is published", async ({ browser }) => {
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(`/p/${articleId}`);
    expect(response.status()).toBe(404);
    expect((await anonymous.request.get(`/articles/${articleId}/export/html`)).status()).toBe(404);
    await anonymous.close();
  });

  test("an editor publishes the article", async () => {
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    const bar = editor.getByRole("region", { name: "Export and publish" });
    await expect(bar.getByTestId("publish-status")).toHaveText("Not published");
    await confirmPublishing(bar, "Publish");
    await expect(bar.getByTestId("publish-status")).toContainText("Published");
    await expect(bar.getByRole("link", { name: "View the public page" })).toHaveAttribute("href", `/p/${articleId}`);
    await expect(bar.getByRole("button", { name: "Unpublish…" })).toBeVisible();
    await bar.scrollIntoViewIfNeeded();
    await screenshot(editor, "public-publish-bar", false);
  });

  test("shows an anonymous reader the approved verdicts only, each linking to its claim's page with its one ClaimReview", async ({ browser }) => {
    const anonymous = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await anonymous.newPage();
    const response = await page.goto(`/p/${articleId}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/p/${articleId}$`));
    await expect(page).toHaveTitle(`Fact-check: ${TITLE}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);

    // The approved claims, highlighted and listed; the pending one nowhere.
    await expect(page.locator("mark.claim-mark")).toHaveCount(2);
    await expect(page.locator("mark.claim-mark--pending")).toHaveCount(0);
    expect(await markerLabels(page)).toEqual(["?1", "✓2"]);
    const entries = page.locator(".claim-entry");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText(CLAIMS.reopen.restatement);
    await expect(entries.nth(0)).toContainText("Unverifiable");
    await expect(entries.nth(1)).toContainText(CLAIMS.cost.restatement);
    await expect(entries.nth(1)).toContainText("Approved by Elena Editor");
    const html = await page.content();
    expect(html).not.toContain(CLAIMS.traffic.restatement);
    expect(html).not.toContain(COMMENT);
    expect(html).not.toMatch(/@verity\.test/);
    expect(await page.locator("body").textContent()).not.toMatch(/pending/i);
    // A plain document: no script runs on it, and it embeds no ClaimReview (a page with several is ineligible).
    await expect(page.locator("script")).toHaveCount(0);

    // Each claim's own page carries exactly one ClaimReview, whose url is that page.
    const origin = new URL(page.url()).origin;
    const expected = [
      [CLAIMS.reopen, { "@type": "Rating", bestRating: 5, worstRating: 1, name: "Unverifiable", alternateName: "Unverifiable" }],
      [CLAIMS.cost, { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, name: "True", alternateName: "True" }],
    ] as const;
    for (const [i, [claim, rating]] of expected.entries()) {
      const link = page.getByRole("link", { name: `Claim ${i + 1}’s fact-check page` });
      await expect(link).toHaveAttribute("href", `${origin}/p/${articleId}/claims/${i + 1}`);
      const claimPage = await anonymous.newPage();
      expect((await claimPage.goto(`/p/${articleId}/claims/${i + 1}`))?.status()).toBe(200);
      await expect(claimPage.getByRole("heading", { level: 1 })).toHaveText(claim.restatement);
      const jsonLd = claimPage.locator('script[type="application/ld+json"]');
      await expect(jsonLd).toHaveCount(1);
      const review = JSON.parse((await jsonLd.textContent()) ?? "") as Record<string, unknown>;
      expect([review["@type"], review.claimReviewed, review.url, review.reviewRating]).toEqual(["ClaimReview", claim.restatement, `${origin}/p/${articleId}/claims/${i + 1}`, rating]);
      const claimHtml = await claimPage.content();
      expect(claimHtml).not.toContain(`/articles/${articleId}`);
      expect(claimHtml).not.toContain(COMMENT);
      if (i === 1) await screenshot(claimPage, "public-claim-page");
      await claimPage.close();
    }
    expect((await anonymous.request.get(`/p/${articleId}/claims/3`)).status()).toBe(404);

    // No way into the workbench from here, and no sign-in needed.
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    await screenshot(page, "public-page");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "public-page-print");
    await anonymous.close();
  });

  test("lists the published ClaimReviews in the public feed, page by page", async ({ browser }) => {
    const anonymous = await browser.newContext();
    const first = await anonymous.request.get("/api/claim-reviews?pageSize=1");
    expect(first.status()).toBe(200);
    const page1 = await first.json();
    expect(page1).toMatchObject({ page: 1, pageSize: 1 });
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page1.items).toHaveLength(1);
    expect(page1.next).toMatch(/\/api\/claim-reviews\?page=2&pageSize=1$/);
    const all = await (await anonymous.request.get("/api/claim-reviews?pageSize=100")).json();
    const mine = all.items.filter((item: { url: string }) => item.url.includes(`/p/${articleId}/claims/`));
    expect(mine.map((item: { claimReviewed: string }) => item.claimReviewed).sort()).toEqual([CLAIMS.cost.restatement, CLAIMS.reopen.restatement].sort());
    expect((await anonymous.request.get("/api/claim-reviews?page=0")).status()).toBe(400);
    // The same reviews in Google Fact Check Tools' ClaimReviewMarkupPage shape, one page per claim page.
    const markup = await (await anonymous.request.get("/p/claimreviews.json?pageSize=100")).json();
    const myPages = markup.claimReviewMarkupPages.filter((p: { pageUrl: string }) => p.pageUrl.includes(`/p/${articleId}/claims/`));
    expect(myPages.map((p: { claimReviewMarkups: Array<{ claimReviewed: string }> }) => p.claimReviewMarkups[0].claimReviewed).sort()).toEqual(
      [CLAIMS.cost.restatement, CLAIMS.reopen.restatement].sort(),
    );
    await anonymous.close();
  });

  test("is gone at once when the article is unpublished, with its reviews and exports, leaving a withdrawn notice", async ({ browser }) => {
    const bar = editor.getByRole("region", { name: "Export and publish" });
    await confirmPublishing(bar, "Unpublish");
    await expect(bar.getByTestId("publish-status")).toHaveText("Not published");

    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    const response = await page.goto(`/p/${articleId}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This fact-check was withdrawn");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    await expect(page.getByText(CLAIMS.cost.restatement)).toHaveCount(0);
    const all = await (await anonymous.request.get("/api/claim-reviews?pageSize=100")).json();
    expect(all.items.filter((item: { url: string }) => item.url.includes(`/p/${articleId}/`))).toEqual([]);
    // Its claims' pages are gone too, with the same notice.
    expect((await anonymous.request.get(`/p/${articleId}/claims/1`)).status()).toBe(410);
    expect((await anonymous.request.get(`/articles/${articleId}/export/claimreview.jsonld`)).status()).toBe(404);
    await anonymous.close();
  });
});
