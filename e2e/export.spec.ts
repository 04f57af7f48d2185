import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, markClaim, markerLabels, newSignedInPage, panel, screenshot, waitForReader, type Verdict } from "./fixtures";

/**
 * Exports from the article page: each format downloaded through the export bar, the HTML
 * export opened in the browser (on screen and as printed), pending claims only for
 * editors, and the round trip: the Web Annotations file imported onto a copy of the
 * article, and onto a changed version of it.
 *
 * The e2e database is shared with the other spec files: the articles here are imported by
 * this file under titles carrying RUN.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Harbour export ${RUN}`;
const PARAGRAPHS = [
  "The port authority said on Monday that the new harbour will create 2,000 jobs and cost £40 million.",
  "Critics said the budget had doubled since 2019, and that the official estimates were optimistic.",
  "The mayor called it the biggest project in the city's history, and construction starts next spring.",
];
const DOWNLOADS = path.join(process.cwd(), "test-results", "export-downloads");

const CLAIMS = {
  jobs: { text: "the new harbour will create 2,000 jobs", restatement: `The harbour creates 2,000 jobs [${RUN}]`, verdict: "MOSTLY_FALSE" as Verdict },
  budget: { text: "the budget had doubled since 2019", restatement: `The budget doubled since 2019 [${RUN}]`, verdict: "FALSE" as Verdict },
  mayor: { text: "the biggest project in the city's history", restatement: `The mayor overstates the project [${RUN}]`, verdict: "MISLEADING" as Verdict },
};

// ------------------------------------------------------------------ helpers

/** As an editor: imports a plain-text article under `title`; returns its id. */
/** Imports an article; `copy`: Verity has its text already, and the editor imports it anyway. */
async function importArticle(page: Page, title: string, paragraphs: string[], { copy = false } = {}) {
  await page.goto("/articles/import");
  await page.getByLabel("Paste the article").fill(paragraphs.join("\n\n"));
  await page.getByLabel("Format").selectOption("TEXT");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Outlet").fill("The Coastal Times");
  await page.getByRole("button", { name: "Import article" }).click();
  if (copy) await page.getByRole("button", { name: "Import anyway as a separate article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await waitForReader(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

function workflowButton(page: Page, name: string): Locator {
  return panel(page).locator(".workflow-controls").getByRole("button", { name, exact: true });
}

/** As the reviewer: marks a claim with a verdict, a rationale and a source, and submits it. */
async function submitClaim(page: Page, claim: { text: string; restatement: string; verdict: Verdict }) {
  const id = await markClaim(page, claim.text, { restatement: claim.restatement, verdict: claim.verdict, rationale: `Checked against the record (${RUN}).` });
  const claimPanel = panel(page);
  await claimPanel.getByText("Add an external source").click();
  await claimPanel.getByLabel("URL").fill("https://example.org/record");
  await claimPanel.getByLabel("Title").fill(`Public record ${RUN}`);
  await claimPanel.getByRole("button", { name: "Add source" }).click();
  await expect(claimPanel.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await workflowButton(page, "Submit for review").click();
  await expect(claimPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  return id;
}

async function approveClaim(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(page);
  await workflowButton(page, "Approve").click();
  await expect(panel(page).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
}

/** An article with two approved claims and one submitted (pending) one; returns its id. */
async function articleWithVerdicts(browser: Browser, title: string) {
  const editor = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(editor, title, PARAGRAPHS);
  const reviewer = await newSignedInPage(browser, REVIEWER);
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  const jobs = await submitClaim(reviewer, CLAIMS.jobs);
  const budget = await submitClaim(reviewer, CLAIMS.budget);
  await submitClaim(reviewer, CLAIMS.mayor);
  await approveClaim(editor, articleId, jobs);
  await approveClaim(editor, articleId, budget);
  await reviewer.context().close();
  return { articleId, editor };
}

/** Clicks an export link and saves the download; returns its file name and path. */
async function download(page: Page, label: string) {
  const link = page.getByRole("region", { name: "Export and publish" }).getByRole("link", { name: label, exact: true });
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  mkdirSync(DOWNLOADS, { recursive: true });
  const saved = path.join(DOWNLOADS, `${RUN}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), path: saved, text: readFileSync(saved, "utf8") };
}

// ------------------------------------------------------------------ tests

test.describe.serial("exports", () => {
  let articleId = "";
  let editor: Page;
  let annotationsFile = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    ({ articleId, editor } = await articleWithVerdicts(browser, TITLE));
  });

  test("downloads each format from the article page: approved verdicts only", async () => {
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    const bar = editor.getByRole("region", { name: "Export and publish" });
    await bar.scrollIntoViewIfNeeded();
    await screenshot(editor, "export-bar", false);
    const slug = `verity-harbour-export-${RUN}`;

    const html = await download(editor, "HTML");
    expect(html.name).toBe(`${slug}.html`);
    expect(html.text.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.text).toContain(CLAIMS.jobs.restatement);
    expect(html.text).toContain(CLAIMS.budget.restatement);
    expect(html.text).not.toContain(CLAIMS.mayor.restatement);
    expect(html.text).not.toMatch(/<script/i);

    const md = await download(editor, "Markdown");
    expect(md.name).toBe(`${slug}.md`);
    expect(md.text).toContain(`# ${TITLE}`);
    expect(md.text).toContain("[^1]: **≠ Mostly false.** The harbour creates 2,000 jobs");
    expect(md.text).toContain("[^2]: **✗ False.** The budget doubled since 2019");
    expect(md.text).not.toContain(CLAIMS.mayor.restatement);

    const annotations = await download(editor, "Web Annotations");
    expect(annotations.name).toBe(`${slug}.annotations.jsonld`);
    const collection = JSON.parse(annotations.text);
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 2 });
    expect(collection["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.first.items.map((item: { body: Array<{ purpose: string; value: string }> }) => item.body[0].value)).toEqual([
      CLAIMS.jobs.restatement,
      CLAIMS.budget.restatement,
    ]);
    annotationsFile = annotations.path;

    const reviews = await download(editor, "ClaimReview");
    expect(reviews.name).toBe(`${slug}.claimreview.jsonld`);
    const parsed = JSON.parse(reviews.text) as Array<Record<string, unknown>>;
    expect(parsed.map((r) => [r["@type"], r.claimReviewed, (r.reviewRating as { ratingValue: number }).ratingValue])).toEqual([
      ["ClaimReview", CLAIMS.jobs.restatement, 2],
      ["ClaimReview", CLAIMS.budget.restatement, 1],
    ]);
  });

  test("opens the HTML export in the browser, on screen and printed", async ({ browser }) => {
    const file = await download(editor, "HTML");
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`file://${file.path}`);
    // One file: nothing else is fetched.
    expect(requests).toEqual([`file://${file.path}`]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.locator("mark.claim-mark")).toHaveCount(2);
    expect(await markerLabels(page)).toEqual(["≠1", "✗2"]);
    await expect(page.locator(".claim-entry")).toHaveCount(2);
    await expect(page.locator("#claim-1")).toContainText("Approved by Elena Editor");
    // The marker leads to the claim's entry.
    await page.locator(".claim-marker").first().click();
    await expect(page).toHaveURL(/#claim-1$/);
    await screenshot(page, "export-html");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".claim-entry").first()).toHaveCSS("break-inside", "avoid");
    await screenshot(page, "export-html-print");
    await context.close();
  });

  test("gives editors pending claims, marked as pending, when they ask; never reviewers", async ({ browser }) => {
    const bar = editor.getByRole("region", { name: "Export and publish" });
    await bar.getByLabel("Include pending claims (internal)").check();
    await expect(bar.getByRole("link", { name: "HTML", exact: true })).toHaveAttribute("href", `/articles/${articleId}/export/html?pending=1`);
    const html = await download(editor, "HTML");
    expect(html.name).toBe(`verity-harbour-export-${RUN}-internal.html`);
    expect(html.text).toContain(CLAIMS.mayor.restatement);
    expect(html.text).toContain("Pending: submitted, not approved");
    expect(html.text).toContain("internal, includes pending claims");
    await bar.getByLabel("Include pending claims (internal)").uncheck();

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    const reviewerBar = reviewer.getByRole("region", { name: "Export and publish" });
    await expect(reviewerBar.getByRole("link", { name: "HTML", exact: true })).toBeVisible();
    await expect(reviewerBar.getByLabel("Include pending claims (internal)")).toHaveCount(0);
    await expect(reviewerBar.getByRole("button", { name: "Publish" })).toHaveCount(0);
    const refused = await reviewer.request.get(`/articles/${articleId}/export/html?pending=1`);
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: "Only editors may export pending claims." });
    const allowed = await reviewer.request.get(`/articles/${articleId}/export/md`);
    expect(allowed.status()).toBe(200);
    expect(allowed.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(allowed.headers()["content-disposition"]).toContain("attachment;");
    await reviewer.context().close();
  });

  test("imports the Web Annotations export onto a copy of the article: the same claims at the same spans, as drafts", async ({ browser }) => {
    expect(annotationsFile).not.toBe("");
    const reviewer = await newSignedInPage(browser, REVIEWER);
    const copyId = await importArticle(editor, `${TITLE} (copy)`, PARAGRAPHS, { copy: true });
    await reviewer.goto(`/articles/${copyId}`);
    await waitForReader(reviewer);
    await expect(reviewer.locator(".hl-claim")).toHaveCount(0);
    // The copy repeats the original's approved claim, so that sentence is marked "checked before" (a highlight of its own).
    const checkedBefore = Number(await reviewer.locator(".reader__text").getAttribute("data-highlights"));
    const form = reviewer.getByRole("form", { name: "Import annotations" });
    await reviewer.getByText("Import annotations…").click();
    await form.getByLabel("Annotations file").setInputFiles(annotationsFile);
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.locator(".form-message--ok")).toHaveText("2 draft claims created.");
    // The new drafts are highlighted where the originals are.
    await expect(reviewer.locator(".reader__text")).toHaveAttribute("data-highlights", String(checkedBefore + 2));
    await expect(reviewer.locator(".hl-claim.hl-pending", { hasText: "2,000 jobs" }).first()).toBeVisible();
    const list = reviewer.getByRole("complementary", { name: "Claims" });
    await expect(list.getByText(CLAIMS.jobs.restatement)).toBeVisible();
    await expect(list.getByText(CLAIMS.budget.restatement)).toBeVisible();
    await screenshot(reviewer, "export-import-round-trip", false);

    // Onto changed text: the rewritten sentence's claim is listed back, not placed.
    const changedId = await importArticle(editor, `${TITLE} (changed)`, [
      "Updated on Tuesday.",
      PARAGRAPHS[0],
      "Critics said the budget was cut in half, and that the official estimates were optimistic.",
    ]);
    await reviewer.goto(`/articles/${changedId}`);
    await waitForReader(reviewer);
    const checkedBeforeInChanged = Number(await reviewer.locator(".reader__text").getAttribute("data-highlights"));
    await reviewer.getByText("Import annotations…").click();
    await form.getByLabel("Annotations file").setInputFiles(annotationsFile);
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.locator(".form-message--ok")).toHaveText("1 draft claim created; 1 could not be placed on this article’s text.");
    await expect(form.getByTestId("orphaned-annotation")).toHaveText([`${CLAIMS.budget.restatement} — “${CLAIMS.budget.text}”`]);
    await expect(reviewer.locator(".reader__text")).toHaveAttribute("data-highlights", String(checkedBeforeInChanged + 1));
    await reviewer.context().close();
  });

  test("refuses a file that is not a Web Annotations export, saying so on the field", async () => {
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    // Other specs' approved claims may add "checked before" highlights here; the refusal must add none.
    const highlightsBefore = await editor.locator(".reader__text").getAttribute("data-highlights");
    await editor.getByText("Import annotations…").click();
    const form = editor.getByRole("form", { name: "Import annotations" });
    await form.getByLabel("Annotations file").setInputFiles({ name: "notes.jsonld", mimeType: "application/ld+json", buffer: Buffer.from('{"hello": "world"}') });
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.getByLabel("Annotations file")).toHaveAccessibleDescription(/not a W3C Web Annotation export/);
    await expect(editor.locator(".reader__text")).toHaveAttribute("data-highlights", highlightsBefore ?? "");
  });
});
