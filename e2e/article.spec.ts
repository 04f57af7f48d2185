import { expect, test } from "@playwright/test";
import { EDITOR, REVIEWER, SEED_TITLES, screenshot, signIn } from "./fixtures";

const LEVERAGE_ARTICLE = "Trump’s Early Concessions to Russia Raise Concerns Amid Ukraine Peace Talks";

test("an article page shows its title as the h1, its paragraphs and its subheadings", async ({ page }) => {
  expect(SEED_TITLES).toContain(LEVERAGE_ARTICLE);
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.getByRole("link", { name: LEVERAGE_ARTICLE, exact: true }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(page).toHaveTitle(`${LEVERAGE_ARTICLE} · Verity`);

  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(LEVERAGE_ARTICLE);

  const body = page.locator(".article-body");
  const paragraphs = body.locator("p");
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(5);
  await expect(paragraphs.first()).toHaveText(/^WASHINGTON\/PARIS — U\.S\. President Donald Trump, who took office on January 20/);
  // The title line became the h1: the body starts with the first paragraph.
  await expect(body.locator(":scope > :first-child")).toHaveText(/^WASHINGTON\/PARIS — /);

  // Subheadings are the level below the h1: no heading level is skipped.
  const subheading = body.getByRole("heading", { level: 2, name: "A Question of Leverage" });
  await expect(subheading).toBeVisible();
  await expect(body.getByRole("heading", { level: 2, name: "A Risky Precedent" })).toBeVisible();
  await expect(body.locator("h3, h4, h5, h6")).toHaveCount(0);
  // A heading, not a paragraph.
  await expect(body.locator("p", { hasText: /^A Question of Leverage$/ })).toHaveCount(0);
  await expect(page.locator(".article__meta")).toContainText("Unattributed");
  await screenshot(page, "article");
  await screenshot(page, "article-top", false);
});

test("an editor corrects a bad URL, then saves a new outlet and date that the list shows", async ({ page }) => {
  const title = SEED_TITLES[3];
  const outlet = "Kyiv Ledger";
  const url = "https://example.com/news/hegseth-nato";

  await signIn(page, EDITOR.email, EDITOR.password);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByText("Edit details").click();
  const tools = page.getByRole("form", { name: "Article details" });
  const outletField = tools.getByLabel("Outlet");
  const urlField = tools.getByLabel("URL");
  const dateField = tools.getByLabel("Publication date");
  await expect(outletField).toHaveValue("Unattributed");

  await outletField.fill(outlet);
  await dateField.fill("2025-02-14");
  await urlField.fill("example.com/news/hegseth-nato");
  await tools.getByRole("button", { name: "Save details" }).click();

  await expect(urlField).toHaveAttribute("aria-invalid", "true");
  await expect(urlField).toHaveAccessibleDescription("Enter a web address starting with http:// or https://.");
  await expect(tools.locator(".form-message--error")).toHaveText("Please correct the marked fields.");
  await screenshot(page, "article-details-error", false);
  // The other edits are still in the form; nothing was saved yet.
  await expect(outletField).toHaveValue(outlet);
  await expect(dateField).toHaveValue("2025-02-14");
  await expect(page.locator(".article__meta")).toContainText("Unattributed");

  await urlField.fill(url);
  await tools.getByRole("button", { name: "Save details" }).click();
  await expect(tools.locator(".form-message--ok")).toHaveText("Details saved.");
  await expect(urlField).not.toHaveAttribute("aria-invalid", "true");

  const meta = page.locator(".article__meta");
  await expect(meta).toContainText(`${outlet} · 14 Feb 2025`);
  await expect(meta.getByRole("link", { name: "original" })).toHaveAttribute("href", url);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  const row = page.getByTestId("article-row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row).toHaveCount(1);
  // The seed articles' language was detected when they were seeded.
  await expect(row.locator(".article-row__meta")).toHaveText(`${outlet} · English · 14 Feb 2025`);

  // Still there after a full reload.
  await page.reload();
  await expect(row.locator(".article-row__meta")).toHaveText(`${outlet} · English · 14 Feb 2025`);
});
