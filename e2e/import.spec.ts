import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, screenshot, signIn } from "./fixtures";

declare global {
  interface Window {
    __xss?: number;
  }
}

const HTML_TITLE = "Harbour council approves sea wall";
const HTML = `<!doctype html>
<html><head><title>${HTML_TITLE}</title><script>window.__xss=1</script></head>
<body>
  <h1>${HTML_TITLE}</h1>
  <p>The council voted <strong>7 to 2</strong> for the sea wall.<img src=x onerror="window.__xss=2"></p>
  <p>Read <a href="javascript:window.__xss=3">the minutes</a> or <a href="https://example.org/summary">the summary</a>.</p>
  <script>alert("xss")</script>
</body></html>`;

const MARKDOWN = `# Ferry timetable changes

From Monday the *early* ferry leaves at 6:15.

## What changes

- Weekday sailings move by ten minutes
- Weekend sailings stay as they are
`;

/** The first bytes of a PNG image, full of NUL bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function openImport(page: Page) {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.getByRole("link", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "Import an article" })).toBeVisible();
}

const previewRegion = (page: Page) => page.getByRole("region", { name: "Preview" });

async function xss(page: Page) {
  return page.evaluate(() => window.__xss);
}

test("an editor previews and imports an HTML article, and nothing in it runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openImport(page);
  await page.getByLabel("Paste the article").fill(HTML);
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = previewRegion(page);
  await expect(preview.getByRole("status")).toHaveText("Read as HTML: 16 words. Language: English (detected).");
  await expect(preview.getByRole("heading", { name: HTML_TITLE })).toBeVisible();
  const body = preview.locator(".article-body");
  await expect(body.locator("p").first()).toHaveText("The council voted 7 to 2 for the sea wall.");
  await expect(body.locator("strong")).toHaveText("7 to 2");
  // The javascript: link is plain text; the https one stays a link.
  await expect(body).toContainText("Read the minutes or the summary.");
  await expect(body.getByRole("link", { name: "the minutes" })).toHaveCount(0);
  await expect(body.getByRole("link", { name: "the summary" })).toHaveAttribute("href", "https://example.org/summary");
  await expect(body.locator("script, img, iframe, [onerror]")).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(HTML_TITLE);
  expect(await xss(page)).toBeUndefined();
  await screenshot(page, "import-preview");

  // Without an outlet: a field error, and the form keeps everything.
  await page.getByRole("button", { name: "Import article" }).click();
  const outlet = page.getByLabel("Outlet");
  await expect(outlet).toHaveAttribute("aria-invalid", "true");
  await expect(outlet).toHaveAccessibleDescription("Enter the outlet.");
  await expect(page.getByLabel("Paste the article")).toHaveValue(HTML);

  await outlet.fill("Harbour Gazette");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HTML_TITLE);
  await expect(page.locator(".article__meta")).toContainText("Harbour Gazette");
  // The reader's own markup may change; the article is whatever the main region shows.
  const article = page.getByRole("main");
  await expect(article).toContainText("The council voted 7 to 2 for the sea wall.");
  await expect(article).toContainText("Read the minutes or the summary.");
  await expect(article.getByRole("link", { name: "the minutes" })).toHaveCount(0);
  await expect(article.locator("script, img, iframe, [onerror]")).toHaveCount(0);
  expect(await xss(page)).toBeUndefined();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HTML_TITLE);
  expect(await xss(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a reviewer has no import link and is told the page is for editors", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import article" })).toHaveCount(0);

  await page.goto("/articles/import");
  await expect(page.getByRole("heading", { level: 1, name: "Editors only" })).toBeVisible();
  await expect(page.getByLabel("Paste the article")).toHaveCount(0);
});

test("an editor imports an uploaded Markdown file", async ({ page }) => {
  await openImport(page);
  await page.getByLabel("Or choose a file").setInputFiles({ name: "ferry.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) });
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = previewRegion(page);
  await expect(preview.getByRole("status")).toHaveText("Read as Markdown: 22 words. Language: English (detected).");
  await expect(preview.getByRole("heading", { name: "Ferry timetable changes" })).toBeVisible();
  await expect(preview.locator(".article-body em")).toHaveText("early");
  await expect(preview.locator(".article-body li")).toHaveText(["Weekday sailings move by ten minutes", "Weekend sailings stay as they are"]);

  // The file is still chosen after the preview: importing sends it again.
  await page.getByLabel("Outlet").fill("Island News");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ferry timetable changes");
  await expect(page.getByRole("main").getByRole("heading", { name: "What changes" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("From Monday the early ferry leaves at 6:15.");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("link", { name: "Ferry timetable changes", exact: true })).toBeVisible();
});

test("a binary file is refused as not text, on the file field", async ({ page }) => {
  await openImport(page);
  const file = page.getByLabel("Or choose a file");
  await file.setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: PNG });
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(/The file is not text \(it contains NUL bytes\)\.$/);
  await expect(page.locator(".form-message--error")).toHaveText("The file is not text (it contains NUL bytes).");
  await expect(previewRegion(page).locator(".article")).toHaveCount(0);
  await screenshot(page, "import-binary-error");
});
