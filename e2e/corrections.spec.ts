import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  addExternalSource,
  confirmPublishing,
  importArticle,
  markClaim,
  newSignedInPage,
  panel,
  screenshot,
  waitForReader,
  workflowButton,
} from "./fixtures";

/**
 * Changes after publication, as the people involved do them: publishing is confirmed in a
 * dialog that says what becomes public; an editor reopens a published verdict with a public
 * correction note, the reviewer changes the verdict, another editor approves, and readers see
 * "Corrected on …" (page, ClaimReview JSON-LD, Atom feed, corrections log); retiring and
 * restoring an article, each confirmed. The article is this file's own (its title carries RUN).
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Ferry fact-check ${RUN}`;
const TEXT = [
  TITLE,
  "The ferry company said on Tuesday that the new boats carry 400 passengers each.",
  "Crossings will take twenty minutes, the company added.",
].join("\n\n");
const RESTATEMENT = `The new boats carry 400 passengers [${RUN}]`;
const CORRECTION = `The operator's licence says 350 passengers; the verdict is revised (${RUN}).`;
const REOPEN_NOTE_LABEL = "Why reopen it? (the reviewer sees this)";
const CORRECTION_LABEL = "Public correction note (readers of the published page see this)";

const stateBadge = (page: Page) => panel(page).locator(".claim-panel__badges .state-badge");
const exportBar = (page: Page) => page.getByRole("region", { name: "Export and publish" });

async function openClaim(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(page);
  await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
}

async function publicPage(browser: Browser, articleId: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`/p/${articleId}`);
  return { page, status: response?.status(), close: () => context.close() };
}

/** The public address's HTTP status, as an anonymous reader gets it. */
async function publicStatus(browser: Browser, articleId: string) {
  const reader = await publicPage(browser, articleId);
  await reader.close();
  return reader.status;
}

test.describe.serial("corrections after publication", () => {
  let articleId = "";
  let claimId = "";
  let editor: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, { content: TEXT, outlet: "The Harbour Post" });

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    claimId = await markClaim(reviewer, "the new boats carry 400 passengers each", {
      restatement: RESTATEMENT,
      verdict: "TRUE",
      rationale: `The company's brochure says 400 (${RUN}).`,
    });
    await addExternalSource(reviewer, { url: "https://ferry.example/brochure", title: `Ferry brochure ${RUN}` });
    await workflowButton(reviewer, "Submit for review").click();
    await expect(stateBadge(reviewer)).toHaveText("Submitted");
    await reviewer.context().close();

    await openClaim(editor, articleId, claimId);
    await workflowButton(editor, "Approve").click();
    await expect(stateBadge(editor)).toHaveText("Approved");
  });

  test.afterAll(async () => {
    await editor?.context().close();
  });

  test("publishing asks first, saying what will be public", async ({ browser }) => {
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    const bar = exportBar(editor);
    await bar.getByRole("button", { name: "Publish…" }).click();
    const dialog = bar.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("publish-summary")).toContainText("1 approved verdict");
    await expect(dialog.getByTestId("publish-warning")).toHaveCount(0);
    await screenshot(editor, "corrections-publish-dialog", false);
    // Escape cancels: nothing is published.
    await editor.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(bar.getByTestId("publish-status")).toHaveText("Not published");
    expect(await publicStatus(browser, articleId)).toBe(404);

    await confirmPublishing(bar, "Publish");
    await expect(bar.getByTestId("publish-status")).toContainText("Published");
    const reader = await publicPage(browser, articleId);
    expect(reader.status).toBe(200);
    await expect(reader.page.getByText(RESTATEMENT)).toBeVisible();
    await expect(reader.page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/p\/feed\.atom$/);
    await reader.close();
  });

  test("a correction, end to end: reopened with a public note, changed, approved by another editor", async ({ browser }) => {
    test.setTimeout(180_000);
    // The editor reopens the published verdict: the correction note is required.
    await openClaim(editor, articleId, claimId);
    await panel(editor).getByLabel(REOPEN_NOTE_LABEL).fill("The licence gives another figure.");
    await workflowButton(editor, "Reopen").click();
    const correctionField = panel(editor).getByLabel(CORRECTION_LABEL);
    await expect(correctionField).toHaveAttribute("aria-invalid", "true");
    await expect(panel(editor).locator(".field-error")).toContainText("write the correction note readers will see");
    await expect(stateBadge(editor)).toHaveText("Approved");
    await correctionField.fill(CORRECTION);
    await workflowButton(editor, "Reopen").click();
    await expect(stateBadge(editor)).toHaveText("Submitted");

    // Meanwhile the public page says the fact check was withdrawn, with the note.
    let reader = await publicPage(browser, articleId);
    await expect(reader.page.locator(".withdrawn-entry")).toContainText("A fact check of this claim was withdrawn on");
    await expect(reader.page.locator(".withdrawn-entry")).toContainText(CORRECTION);
    await expect(reader.page.locator('script[type="application/ld+json"]')).toHaveCount(0);
    // No claim page: the only approved claim is withdrawn.
    expect((await reader.page.request.get(`/p/${articleId}/claims/1`)).status()).toBe(404);
    await reader.close();

    // Back to the reviewer, who changes the verdict and submits it again.
    await panel(editor).getByLabel("What should change? (the reviewer sees this)").fill("Use the licence's figure.");
    await workflowButton(editor, "Request changes").click();
    await expect(stateBadge(editor)).toHaveText("Changes requested");
    const reviewer = await newSignedInPage(browser, REVIEWER);
    await openClaim(reviewer, articleId, claimId);
    await expect(panel(reviewer).locator(".review-note")).toContainText("Use the licence's figure.");
    await panel(reviewer).getByRole("button", { name: "Edit claim" }).click();
    await panel(reviewer).getByLabel("Verdict", { exact: true }).selectOption("MOSTLY_FALSE");
    await panel(reviewer).getByLabel("Rationale").fill(`The licence says 350 passengers (${RUN}).`);
    await panel(reviewer).getByRole("button", { name: "Save changes" }).click();
    await expect(panel(reviewer).getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(panel(reviewer).locator(".rationale")).toHaveText(`The licence says 350 passengers (${RUN}).`);
    await workflowButton(reviewer, "Submit for review").click();
    await expect(stateBadge(reviewer)).toHaveText("Submitted");
    await reviewer.context().close();

    // Another editor approves.
    const admin = await newSignedInPage(browser, ADMIN);
    await openClaim(admin, articleId, claimId);
    await workflowButton(admin, "Approve").click();
    await expect(stateBadge(admin)).toHaveText("Approved");
    await admin.context().close();

    // The public page: "Corrected on <date>: <note>", the earlier verdict, no withdrawn notice.
    reader = await publicPage(browser, articleId);
    const entry = reader.page.locator("#claim-1");
    await expect(entry.locator(".claim-correction__note")).toHaveText(new RegExp(`^Corrected on \\d{1,2} \\w{3} \\d{4}: ${CORRECTION.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(entry.locator(".claim-correction__earlier")).toContainText("Earlier verdict: True");
    await expect(entry.locator(".verdict-badge")).toContainText("Mostly false");
    await expect(reader.page.locator(".withdrawn-entry")).toHaveCount(0);
    const claimPage = await reader.page.context().newPage();
    await claimPage.goto(`/p/${articleId}/claims/1`);
    const review = JSON.parse((await claimPage.locator("#claim-review").textContent())!) as Record<string, unknown>;
    await claimPage.close();
    expect(review).toMatchObject({
      dateModified: expect.any(String),
      correction: [{ "@type": "CorrectionComment", text: CORRECTION, datePublished: review.dateModified }],
    });
    expect(Date.parse(review.dateModified as string)).toBeGreaterThan(Date.parse(review.datePublished as string));
    const html = await reader.page.content();
    expect(html).not.toMatch(/@verity\.test/);
    expect(html).not.toContain(`/articles/${articleId}?`);
    await screenshot(reader.page, "corrections-public-corrected");
    await reader.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(reader.page, "corrections-public-corrected-phone");
    expect(await reader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The feed lists it as updated (read by a third-party Atom parser).
    const feed = parseFeed(await (await reader.page.request.get("/p/feed.atom")).text());
    const item = feed.items.find((i) => i.id?.endsWith(`/${claimId}`));
    expect(item).toMatchObject({ title: `Corrected. Mostly false: ${RESTATEMENT}`, updated: new Date(review.dateModified as string) });
    expect(item!.published!.getTime()).toBeLessThan(item!.updated!.getTime());

    // The corrections log lists it, linked to the claim.
    await reader.page.setViewportSize({ width: 1280, height: 900 });
    await reader.page.getByRole("link", { name: "Corrections log" }).click();
    await expect(reader.page).toHaveURL(/\/p\/corrections$/);
    const logEntry = reader.page.locator(".corrections-log__entry", { hasText: CORRECTION });
    await expect(logEntry).toContainText("Verdict: True → Mostly false");
    await screenshot(reader.page, "corrections-log");
    const link = logEntry.getByRole("link");
    await expect(link).toHaveAttribute("href", new RegExp(`/p/${articleId}/claims/1$`));
    await reader.page.goto(new URL((await link.getAttribute("href"))!).pathname);
    await expect(reader.page.locator("#claim-1 .claim-correction__note")).toContainText(CORRECTION);
    await reader.close();
  });

  test("retiring and restoring, each confirmed; the public page says it was withdrawn", async ({ browser }) => {
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    await editor.getByRole("button", { name: "Retire article…" }).click();
    const dialog = editor.getByRole("dialog", { name: "Retire this article?" });
    await expect(dialog).toContainText("Its public page is taken down");
    await expect(dialog).toContainText("Its claims, evidence and history are kept");
    await screenshot(editor, "corrections-retire-dialog", false);
    await dialog.getByRole("button", { name: "Retire", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.getByRole("button", { name: "Restore article…" })).toBeVisible();

    const reader = await publicPage(browser, articleId);
    expect(reader.status).toBe(410);
    await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText("This fact-check was withdrawn");
    await reader.close();

    // Reviewers no longer find it; editors do, under the Retired filter.
    const reviewer = await newSignedInPage(browser, REVIEWER);
    expect((await reviewer.goto(`/articles/${articleId}`))?.status()).toBe(404);
    await editor.goto("/articles?state=RETIRED");
    await expect(editor.getByRole("link", { name: TITLE })).toBeVisible();

    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    await editor.getByRole("button", { name: "Restore article…" }).click();
    const restore = editor.getByRole("dialog", { name: "Restore this article?" });
    await expect(restore).toContainText("It is not published again");
    await restore.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(restore).toBeHidden();
    await expect(editor.getByRole("button", { name: "Retire article…" })).toBeVisible();
    expect((await reviewer.goto(`/articles/${articleId}`))?.status()).toBe(200);
    await reviewer.context().close();
    // Not published again by itself.
    expect(await publicStatus(browser, articleId)).toBe(410);
  });
});
