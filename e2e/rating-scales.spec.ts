import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  addExternalSource,
  approveAndPublish,
  importArticle,
  newSignedInPage,
  panel,
  saveMarkForm,
  screenshot,
  selectText,
  waitForReader,
  workflowButton,
} from "./fixtures";

/**
 * The organisation's own rating scale: an admin copies a preset and edits the copy (a colour
 * below WCAG AA is refused with its ratio), then switches the organisation to PolitiFact's
 * Truth-O-Meter, mapping the ratings open claims use (previewed with counts). A reviewer rates
 * a claim "Pants on Fire" with its claimant and date, reading the rating's definition; an
 * editor approves and publishes; the public page and the ClaimReview show the rating on the
 * Truth-O-Meter's numbers. Afterwards the organisation goes back to the Verity scale, so the
 * specs after this one find it as they expect.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Council tax claim ${RUN}`;
const CLAIM = { text: "council tax will fall by 90 percent next year", restatement: `Council tax falls by 90 percent next year [${RUN}]` };
const CLAIMANT = `Councillor Amir Khan ${RUN}`;
const TRUTH_O_METER = "PolitiFact Truth-O-Meter";

/** Switches the organisation to `scale` on the scales page, choosing `fallback` for any rating without a suggested counterpart. */
async function switchTo(page: Page, scale: string, fallback: string) {
  await page.goto("/admin/ratings");
  await page.locator(".scale-card", { has: page.getByRole("heading", { name: scale }) }).getByRole("link", { name: "Switch to this scale…" }).click();
  const form = page.getByRole("form", { name: `Switch to ${scale}` });
  await expect(page.getByRole("heading", { name: `Switch to ${scale}` })).toBeVisible();
  for (const select of await form.locator("select").all()) {
    if ((await select.inputValue()) === "") await select.selectOption({ label: fallback });
  }
  return form;
}

function ratingRow(page: Page, label: string): Locator {
  return page.locator(".rating-row", { has: page.locator(".verdict-badge", { hasText: label }) });
}

test.describe.serial("a newsroom's own rating scale", () => {
  let articleId = "";
  let claimId = "";

  test.afterAll(async ({ browser }) => {
    const admin = await newSignedInPage(browser, ADMIN);
    const form = await switchTo(admin, "Verity", "✗ False");
    await form.getByRole("button", { name: "Switch to Verity" }).click();
    await expect(form.locator(".form-message--ok")).toContainText("Switched.");
    await admin.context().close();
  });

  test("an admin copies a preset and edits the copy: a colour below WCAG AA is refused with its ratio", async ({ browser }) => {
    const admin = await newSignedInPage(browser, ADMIN);
    await admin.goto("/admin/organisation");
    await admin.getByRole("link", { name: "Rating scales" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Rating scales");
    await expect(admin.getByRole("heading", { name: /^Verity/, level: 2 })).toContainText("In use");
    await expect(admin.getByText("A preset cannot be edited.")).toBeVisible();

    const labels = admin.locator(".scale-card", { has: admin.getByRole("heading", { name: "Labels (as AFP and Full Fact use)" }) });
    await labels.getByText("Copy", { exact: true }).click();
    await labels.getByLabel("Name of the copy").fill(`Desk labels ${RUN}`);
    await labels.getByRole("button", { name: "Copy to edit" }).click();
    await labels.getByRole("link", { name: "Edit the copy" }).click();
    await expect(admin.getByRole("heading", { name: `Desk labels ${RUN}`, level: 2 })).toBeVisible();

    // A new rating in pale yellow is refused, with the ratio; nothing is added.
    await admin.getByText("Add a rating", { exact: true }).click();
    const add = admin.getByRole("form", { name: "Add a rating" });
    await add.getByLabel("Label").fill("Exaggerated");
    await add.getByLabel("Definition").fill("Bigger than the facts allow.");
    await add.getByLabel("Colour").fill("#f5c518");
    await add.getByLabel("Icon").fill("↑");
    await add.getByLabel("Between false and true").selectOption("MOSTLY_FALSE");
    await add.getByRole("button", { name: "Add the rating" }).click();
    await expect(add.locator("#color-new-error")).toHaveText(/contrast of 1\.\d+:1 .* at least 4\.5:1/);
    await expect(ratingRow(admin, "Exaggerated")).toHaveCount(0);
    await add.getByLabel("Colour").fill("#7a3fb0");
    await add.getByRole("button", { name: "Add the rating" }).click();
    await expect(ratingRow(admin, "Exaggerated")).toHaveCount(1);

    // A rating no claim has used is retired, and comes back.
    const satire = ratingRow(admin, "Satire");
    await satire.getByRole("button", { name: "Retire" }).click();
    await expect(satire.locator(".state-badge")).toHaveText("Retired");
    await satire.getByRole("button", { name: "Bring back" }).click();
    await expect(satire.locator(".state-badge")).toHaveCount(0);
    await screenshot(admin, "rating-scales-edit");
    await admin.setViewportSize({ width: 390, height: 844 });
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(admin, "rating-scales-edit-390");
    await admin.context().close();
  });

  test("an admin switches to the Truth-O-Meter, mapping the ratings open claims use, previewed with counts", async ({ browser }) => {
    const editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, { content: `${TITLE}\n\nThe councillor said ${CLAIM.text}.\n\nThe budget is set in March.`, outlet: "Town Post" });
    await editor.context().close();
    // An open claim rated Mostly false on the Verity scale, to be mapped.
    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    await selectText(reviewer, CLAIM.text);
    await reviewer.locator(".selection-tools").getByRole("button", { name: /Mark claim/ }).click();
    claimId = await saveMarkForm(reviewer, { restatement: CLAIM.restatement, verdict: "MOSTLY_FALSE", rationale: `The budget allows a 2 percent cut (${RUN}).` });
    await reviewer.context().close();

    const admin = await newSignedInPage(browser, ADMIN);
    const form = await switchTo(admin, TRUTH_O_METER, "◐ Half True");
    const mostlyFalse = form.locator("tr", { has: admin.locator(".verdict-badge", { hasText: "Mostly false" }) });
    expect(Number(await mostlyFalse.locator("td").first().textContent())).toBeGreaterThanOrEqual(1);
    // Suggested by its place between false and true.
    await expect(mostlyFalse.getByRole("combobox")).toHaveValue("tom-mostly-false");
    await screenshot(admin, "rating-scales-switch");
    await form.getByRole("button", { name: `Switch to ${TRUTH_O_METER}` }).click();
    await expect(form.locator(".form-message--ok")).toContainText("Switched.");
    await admin.goto("/admin/ratings");
    await expect(admin.getByRole("heading", { name: new RegExp(`^${TRUTH_O_METER}`), level: 2 })).toContainText("In use");
    await admin.context().close();
  });

  test("a reviewer rates the claim Pants on Fire with its claimant and date; published, its ClaimReview uses the Truth-O-Meter's numbers", async ({ browser }) => {
    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}?claim=${claimId}`);
    await waitForReader(reviewer);
    // The mapped verdict, in the new scale's words.
    await expect(panel(reviewer).locator(".claim-panel__badges .verdict-badge")).toHaveText("≠Mostly False");
    await reviewer.getByRole("button", { name: "Edit claim" }).click();
    const verdict = panel(reviewer).getByLabel("Verdict", { exact: true });
    await verdict.selectOption("tom-pants-on-fire");
    await expect(verdict).toHaveAccessibleDescription("The statement is not accurate and makes a ridiculous claim.");
    const edit = panel(reviewer);
    await edit.getByText("Who made the claim, when and where").click();
    await edit.getByLabel("Claimant", { exact: true }).fill(CLAIMANT);
    await edit.getByLabel("The claimant is").selectOption("PERSON");
    await edit.getByLabel("Date the claim was made").fill("2026-11-20");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(panel(reviewer).locator(".claim-panel__badges .verdict-badge")).toHaveText("‼Pants on Fire");
    await addExternalSource(reviewer, { url: "https://council.example/budget", title: `Budget ${RUN}` });
    await workflowButton(reviewer, "Submit for review").click();
    await expect(panel(reviewer).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
    await reviewer.context().close();

    const editor = await newSignedInPage(browser, EDITOR);
    await approveAndPublish(editor, articleId, claimId);
    await editor.context().close();

    const anonymous = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await anonymous.newPage();
    await page.goto(`/p/${articleId}`);
    await expect(page.locator(".claim-entry .verdict-badge").first()).toHaveText("‼Pants on Fire");
    await expect(page.locator(".verdict-key")).toContainText("Pants on Fire");
    await screenshot(page, "rating-scales-public-page");
    await page.goto(`/p/${articleId}/claims/1`);
    const review = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "") as Record<string, Record<string, unknown>>;
    expect(review.reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 6, worstRating: 1, name: "Pants on Fire", alternateName: "Pants on Fire" });
    expect(review.itemReviewed).toMatchObject({ author: { "@type": "Person", name: CLAIMANT }, datePublished: "2026-11-20" });
    expect(review.author).toMatchObject({ "@type": "Organization" });
    const exported = await anonymous.request.get(`/articles/${articleId}/export/claimreview.jsonld`);
    expect(((await exported.json()) as Array<Record<string, unknown>>)[0].reviewRating).toEqual(review.reviewRating);
    await anonymous.close();
  });
});
