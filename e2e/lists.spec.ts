import { expect, test, type Page } from "@playwright/test";
import { ADMIN, EDITOR, SEED_TITLES, createUserViaAdmin, screenshot, signIn, uniqueEmail } from "./fixtures";

/** The query of the page's address, without the empty fields a plain form sends. */
function queryOf(page: Page) {
  const params = [...new URL(page.url()).searchParams].filter(([, value]) => value !== "");
  return Object.fromEntries(params);
}

/** The titles listed once the page a filter form led to has loaded (without JavaScript, the URL changes first). */
async function titlesShown(page: Page) {
  await page.waitForLoadState();
  return page.getByTestId("article-row").locator(".article-row__title").allTextContents();
}

test("an editor sets an article's language, then searches, filters and sorts the list without JavaScript", async ({ page, browser }) => {
  const title = SEED_TITLES[1];
  await signIn(page, EDITOR.email, EDITOR.password);
  // Found by its title: articles the other specs import push the seed articles off the list's first page.
  await page.goto(`/articles?${new URLSearchParams({ q: title })}`);
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByText("Edit details").click();
  const details = page.getByRole("form", { name: "Article details" });
  await details.getByLabel("Language").fill("EN-gb");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.locator(".form-message--ok")).toBeVisible();

  // The filters are a plain form in the URL: they work in a browser without JavaScript.
  const context = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  const list = await context.newPage();
  await list.goto(`/articles?${new URLSearchParams({ q: title })}`);
  const filters = list.getByRole("form", { name: "Search and filter articles" });
  const row = list.getByTestId("article-row").filter({ hasText: title });
  await expect(row).toContainText("British English");

  await filters.getByLabel("Title", { exact: true }).fill("");
  await filters.getByRole("combobox", { name: /^Language/ }).selectOption({ label: "British English" });
  await filters.getByRole("button", { name: "Apply" }).click();
  expect(queryOf(list)).toEqual({ language: "en-GB", sort: "newest" });
  expect(await titlesShown(list)).toEqual([title]);

  // Title search, with the language cleared; the sort keeps the search.
  await filters.getByRole("combobox", { name: /^Language/ }).selectOption("");
  await filters.getByLabel("Title", { exact: true }).fill("HEGSETH");
  await filters.getByLabel("Sort").selectOption({ label: "Title A–Z" });
  await filters.getByRole("button", { name: "Apply" }).click();
  expect(queryOf(list)).toEqual({ q: "HEGSETH", sort: "title" });
  const matching = SEED_TITLES.filter((t) => /hegseth/i.test(t));
  expect(matching.length).toBeGreaterThan(0);
  expect(await titlesShown(list)).toEqual([...matching].sort((a, b) => a.localeCompare(b)));
  await expect(list.getByTestId("article-total")).toHaveText(`${matching.length} article${matching.length === 1 ? "" : "s"} match`);
  await screenshot(list, "articles-filtered");

  // Published: every article listed carries the marker in words; not published, none does.
  await list.goto("/articles?published=yes");
  const published = list.getByTestId("article-row");
  for (const marked of await published.all()) await expect(marked.getByText("✓ Published")).toBeVisible();
  await list.goto("/articles?published=no");
  await expect(list.getByTestId("article-row").first()).toBeVisible();
  await expect(list.getByTestId("article-row").getByText("✓ Published")).toHaveCount(0);

  // A value the list does not understand is named, and the rest still applies.
  await list.goto("/articles?language=not%20a%20tag&q=hegseth");
  await expect(list.getByRole("alert")).toContainText("Language: Enter a language tag such as en, de or pt-BR.");
  expect(await titlesShown(list)).toHaveLength(matching.length);
  await context.close();
});

test("an admin finds an event in the audit log by filtering", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const email = uniqueEmail("audited");
  await createUserViaAdmin(page, { name: "Audrey Audited", email, password: "audited-password-1", role: "REVIEWER" });
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter the audit log" });
  // By role and the start of the name: a select's label also holds its options' text (article titles).
  await filters.getByRole("combobox", { name: /^Who/ }).selectOption({ label: ADMIN.name });
  await filters.getByRole("combobox", { name: /^What/ }).selectOption({ label: "User created" });
  const today = new Date().toISOString().slice(0, 10);
  await filters.getByLabel("From (UTC)").fill(today);
  await filters.getByLabel("To (UTC)").fill(today);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?/);
  expect(queryOf(page)).toEqual({ actor: expect.any(String), action: "user.create", from: today, to: today });

  const entries = page.getByTestId("audit-entry");
  await expect(entries.first()).toBeVisible();
  for (const entry of await entries.all()) await expect(entry).toContainText(`User created by ${ADMIN.name}`);
  const created = entries.filter({ hasText: email });
  await expect(created).toHaveCount(1);
  await expect(created.getByRole("row", { name: /^email/ })).toContainText(email);
  await expect(created.getByRole("row", { name: /^role/ })).toContainText("REVIEWER");
  await screenshot(page, "admin-audit");
});

test("the audit log is for admins only", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Administrators only" })).toBeVisible();
  await expect(page.getByTestId("audit-entry")).toHaveCount(0);
});
