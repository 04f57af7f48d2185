import { expect, test, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  addExternalSource,
  importArticle,
  markForm,
  newSignedInPage,
  panel,
  saveMarkForm,
  screenshot,
  selectText,
  signIn,
  waitForReader,
  workflowButton,
 approveAndPublish } from "./fixtures";

/**
 * The organisation publishes the fact-checks: an admin sets it up (with a logo), a reviewer
 * marks a claim with who made it, when and where, an editor approves and publishes, and the
 * public page and the ClaimReview export name the organisation as author and the claimant
 * as the claim's author. The article is this file's own (its title carries RUN).
 */

const RUN = Date.now().toString(36).slice(-5);
const ORGANISATION = `Harbour Fact Desk ${RUN}`;
const TITLE = `Mayor's harbour promise ${RUN}`;
const SENTENCE = "The mayor promised that the new ferry will carry 5,000 passengers a day.";
const CLAIM = { text: "the new ferry will carry 5,000 passengers a day", restatement: `The ferry carries 5,000 passengers a day [${RUN}]` };
const CLAIMANT = `Mayor Jane Holt ${RUN}`;
const APPEARANCE = "https://council.example/meetings/2025-03-07";
// A logo with a script, an event handler and an outside reference, none of which may survive.
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" onload="alert(1)"><script>alert(2)</script><image href="https://tracker.example/x.png"/><rect width="40" height="40" rx="8" fill="#0b5d7a"/><path d="M10 21l7 7 13-15" stroke="#fff" stroke-width="5" fill="none"/></svg>`;

test.describe.serial("the organisation as the author of published fact-checks", () => {
  let articleId = "";
  let claimId = "";
  let origin = "";

  test("an admin sets the organisation up from the admin navigation, with a logo", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
    await expect(page).toHaveURL(/\/admin\/organisation$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisation");
    origin = new URL(page.url()).origin;

    await page.getByLabel("Name").fill(ORGANISATION);
    await page.getByLabel("Website").fill("https://factdesk.example");
    // The public address is this server's own, so the other specs' public links stay as they are.
    await page.getByLabel("Public address of the fact-checks").fill(`${origin}/`);
    await page.getByLabel("Contact email").fill("corrections@factdesk.example");
    await page.getByLabel("Methodology and corrections policy").fill("https://factdesk.example/methodology");
    await page.getByLabel("Upload a logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
    await page.getByRole("button", { name: "Save organisation" }).click();
    await expect(page.locator(".form-message--ok")).toHaveText("The organisation is saved. Public pages and exports name it from now on.");
    await expect(page.getByRole("img", { name: "The current logo" })).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue(ORGANISATION);
    await expect(page.getByLabel("Public address of the fact-checks")).toHaveValue(origin);

    // A bad address is refused on its field, and nothing changes.
    await page.getByLabel("Website").fill("factdesk.example");
    await page.getByRole("button", { name: "Save organisation" }).click();
    await expect(page.locator("#url-error")).toHaveText("Enter a web address starting with http:// or https://.");
    await expect(page.getByLabel("Website")).toBeFocused();
    await page.reload();
    await expect(page.getByLabel("Website")).toHaveValue("https://factdesk.example");

    await screenshot(page, "organisation-admin");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "organisation-admin-390");
  });

  test("a reviewer marks a claim with its claimant, the date and where it first appeared", async ({ browser }) => {
    const editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, { content: `${TITLE}\n\n${SENTENCE}\n\nThe harbour opens next year.`, outlet: "The Coastal Times" });
    await editor.context().close();

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    await selectText(reviewer, CLAIM.text);
    await reviewer.locator(".selection-tools").getByRole("button", { name: /Mark claim/ }).click();
    const form = markForm(reviewer);
    await form.getByText("Who made the claim, when and where").click();
    await form.getByLabel("Claimant", { exact: true }).fill(CLAIMANT);
    await form.getByLabel("The claimant is").selectOption("PERSON");
    await form.getByLabel("Date the claim was made").fill("2025-03-07");
    await form.getByLabel("Where it first appeared").fill(APPEARANCE);
    claimId = await saveMarkForm(reviewer, { restatement: CLAIM.restatement, verdict: "FALSE", rationale: `The ferry seats 400 (${RUN}).` });

    const claimant = panel(reviewer).getByTestId("claimant");
    await expect(claimant).toHaveText(`Made by ${CLAIMANT} (person) on 7 Mar 2025 · where it first appeared`);
    await expect(claimant.getByRole("link", { name: "where it first appeared" })).toHaveAttribute("href", APPEARANCE);
    await expect(panel(reviewer).getByText(`Marked the claim with the verdict False, made by ${CLAIMANT}`)).toBeVisible();
    await addExternalSource(reviewer, { url: "https://ferries.example/specs", title: `Ferry specification ${RUN}` });
    await workflowButton(reviewer, "Submit for review").click();
    await expect(panel(reviewer).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
    await reviewer.context().close();
  });

  test("an editor approves and publishes; the public page and the ClaimReview name the organisation and the claimant", async ({ browser }) => {
    const editor = await newSignedInPage(browser, EDITOR);
    await approveAndPublish(editor, articleId, claimId);

    const anonymous = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await anonymous.newPage();
    await page.goto(`/p/${articleId}`);
    await expectPublishedByOrganisation(page);
    await screenshot(page, "organisation-public-page");
    // The claim's own public page carries its ClaimReview (the article's page links to it).
    await page.goto(`/p/${articleId}/claims/1`);
    const reviews = [JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "") as ClaimReviewJson];
    expectReviews(reviews);
    await page.goto(`/p/${articleId}`);

    // The logo as the ClaimReview names it: sanitised, and it runs nothing.
    const logo = await anonymous.request.get(reviews[0].author.logo.url);
    expect(logo.status()).toBe(200);
    expect(logo.headers()["content-type"]).toBe("image/svg+xml");
    const svg = await logo.text();
    expect(svg).toContain("#0b5d7a");
    expect(svg).not.toMatch(/script|onload|tracker\.example/);

    // The export carries the same reviews.
    const exported = await anonymous.request.get(`/articles/${articleId}/export/claimreview.jsonld`);
    expect(exported.status()).toBe(200);
    expectReviews((await exported.json()) as ClaimReviewJson[]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "organisation-public-page-390");
    await anonymous.close();
    await editor.context().close();
  });

  interface ClaimReviewJson {
    url: string;
    author: { "@type": string; name: string; url: string; logo: { "@type": string; url: string } };
    itemReviewed: { author: unknown; datePublished: string; firstAppearance: unknown; appearance: { url: string } };
  }

  function expectReviews(reviews: ClaimReviewJson[]) {
    expect(reviews).toHaveLength(1);
    const [review] = reviews;
    expect(review.url).toBe(`${origin}/p/${articleId}/claims/1`);
    expect(review.author).toMatchObject({ "@type": "Organization", name: ORGANISATION, url: "https://factdesk.example", logo: { "@type": "ImageObject" } });
    expect(review.author.logo.url).toMatch(new RegExp(`^${origin}/api/organisation/logo\\?v=[0-9a-f]{16}$`));
    expect(review.itemReviewed).toMatchObject({
      author: { "@type": "Person", name: CLAIMANT },
      datePublished: "2025-03-07",
      firstAppearance: { "@type": "CreativeWork", url: APPEARANCE },
      // A published article without an outlet address appears on its public page (never the workbench).
      appearance: { url: `${origin}/p/${articleId}` },
    });
  }

  async function expectPublishedByOrganisation(page: Page) {
    const brand = page.locator(".public-bar__brand");
    await expect(brand).toHaveText(ORGANISATION);
    await expect(brand.locator("img.public-bar__logo")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
    await expect(page.locator(".doc-kicker")).toHaveText(`Fact-check by ${ORGANISATION}`);
    const entry = page.locator(".claim-entry").first();
    await expect(entry.locator(".claim-entry__claimant")).toHaveText(`Made by ${CLAIMANT} on 7 Mar 2025. Where it appeared`);
    const footer = page.locator(".doc-footer");
    await expect(footer.getByRole("link", { name: "Methodology and corrections policy" })).toHaveAttribute("href", "https://factdesk.example/methodology");
    await expect(footer.getByRole("link", { name: "Contact: corrections@factdesk.example" })).toHaveAttribute("href", "mailto:corrections@factdesk.example");
    await expect(footer.locator(".doc-made-with")).toHaveText("Made with Verity");
    // Nothing else on the page names the software.
    const text = (await page.locator("body").innerText()).replace("Made with Verity", "");
    expect(text).not.toContain("Verity");
  }
});
