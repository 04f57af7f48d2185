import { expect, test, type Page } from "@playwright/test";
import { NEWS_PATH, startNewsServer, type NewsServer } from "../lib/import/url/__fixtures__/news-server";
import { EDITOR, screenshot, signIn } from "./fixtures";

/**
 * Importing from a web page: a local news site on the port after the app's (the app allows
 * it through VERITY_FETCH_ALLOW_HOSTS, playwright.config.ts); refusals of addresses that need
 * no outside connection; the offer when the article is already in Verity.
 */
const SITE_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const TITLE = "Harbour council approves £12m sea wall";
let site: NewsServer;

test.beforeAll(async () => {
  site = await startNewsServer(SITE_PORT);
});
test.afterAll(() => site.close());

async function previewUrl(page: Page, url: string) {
  await page.goto("/articles/import");
  await page.getByLabel("Web address of the article").fill(url);
  await page.getByRole("button", { name: "Preview" }).click();
}

const preview = (page: Page) => page.getByRole("region", { name: "Preview" });

test("an editor imports a news page: furniture left out, its details filled in, a paragraph edited", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await previewUrl(page, site.origin + NEWS_PATH);

  await expect(preview(page).getByRole("status")).toHaveText(
    /^Read from the web page: \d+ words\. Language: English \(detected\)\. 3 paragraphs look like site furniture and are left out: keep any the article needs\.$/,
  );
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);
  await expect(page.getByLabel("Outlet")).toHaveValue("The Harbour Gazette");
  await expect(page.getByLabel("URL", { exact: true })).toHaveValue(`${site.origin}/news/2025/03/04/sea-wall-approved`);
  await expect(page.getByLabel("Publication date")).toHaveValue("2025-03-04");
  const details = page.getByRole("region", { name: "From the web page" });
  await expect(details).toContainText("Jane Marsh, Tom Okafor");
  await expect(details).toContainText("en-GB");
  await details.getByText(/parts? of the page left out/).click();
  await expect(details.getByText("Another waste of money by this council.")).toBeVisible();

  const paragraphs = preview(page).getByRole("list", { name: "Paragraphs to import" }).locator(":scope > [role=listitem]");
  await expect(paragraphs).toHaveCount(8);
  await expect(paragraphs.nth(0)).toContainText("Looks like site furniture (the title again): left out");
  await expect(paragraphs.nth(6)).toContainText("Looks like site furniture (subscription or paywall notice): left out");
  await expect(paragraphs.nth(7)).toContainText("Looks like site furniture (share or follow prompt): left out");
  await screenshot(page, "url-import-preview");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "url-import-preview-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Keep the share prompt after all, then leave out the third paragraph and reword the second, by keyboard.
  await page.getByRole("button", { name: "Keep paragraph 8" }).click();
  await expect(paragraphs.nth(7)).toContainText(": kept");
  await page.getByRole("button", { name: "Leave out paragraph 3" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Edit paragraph 2" }).click();
  const editor = page.getByLabel("Text of paragraph 2");
  await expect(editor).toBeFocused();
  await editor.fill("The harbour council voted 7–2 on Tuesday to build a £12m sea wall.");
  await page.getByRole("button", { name: "Done editing paragraph 2" }).click();

  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const body = page.locator(".article-body").first();
  await expect(body).toContainText("The harbour council voted 7–2 on Tuesday to build a £12m sea wall.");
  await expect(body).toContainText("Share this article on Facebook, Twitter or WhatsApp");
  await expect(body).not.toContainText("Councillor Jane Okafor");
  await expect(body).not.toContainText("Already a subscriber");
});

test("the same page again: the editor may open the existing article or import anyway", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await previewUrl(page, `${site.origin}/redirect/2`);
  const offer = page.getByRole("alert").filter({ hasText: "Already in Verity" });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole("link", { name: `Open “${TITLE}”` })).toBeVisible();
  await expect(offer).toContainText("same web address");
  await screenshot(page, "url-import-duplicate");

  // Import refuses to copy it silently; the offer stays.
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText("An article with this web address is already in Verity. Open it, or import this one anyway as a separate article.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/articles\/import$/);

  await offer.getByRole("button", { name: "Import anyway as a separate article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/]+$/);
  const copy = page.url();

  await previewUrl(page, site.origin + NEWS_PATH);
  await page.getByRole("alert").filter({ hasText: "Already in Verity" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  expect(page.url()).not.toBe(copy);

  // Or the page comes in as a new version of the article already there: its address comes along.
  await previewUrl(page, site.origin + NEWS_PATH);
  await page.getByRole("alert").filter({ hasText: "Already in Verity" }).getByRole("link", { name: "bring it in as a new version of that article" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New version of");
  await expect(page.getByLabel("Web address to fetch it from")).toHaveValue(site.origin + NEWS_PATH);
});

test("each refused address is named on the web address field, before any connection", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  const cases: Array<[string, string]> = [
    ["http://127.0.0.1:1/", "The address 127.0.0.1 is a loopback address (this server itself): Verity fetches only from public addresses."],
    ["ftp://example.org/story.html", "Only http:// and https:// pages can be imported, not ftp://."],
    ["http://169.254.169.254/latest/meta-data/", "The address 169.254.169.254 is a link-local address (where cloud metadata services answer): Verity fetches only from public addresses."],
    ["http://[::1]:8080/", "The address ::1 is a loopback address (this server itself): Verity fetches only from public addresses."],
    ["http://10.0.0.1/", "The address 10.0.0.1 is a private network address: Verity fetches only from public addresses."],
    [`${site.origin}/report.pdf`, "The address is not a web page (it is of type application/pdf); only HTML pages can be imported."],
    [`${site.origin}/to-metadata`, "The address 169.254.169.254 is a link-local address (where cloud metadata services answer): Verity fetches only from public addresses."],
  ];
  for (const [url, message] of cases) {
    await previewUrl(page, url);
    const field = page.getByLabel("Web address of the article");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(`${escape(message)}$`));
  }
  await screenshot(page, "url-import-refused");
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
