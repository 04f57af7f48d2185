import { expect, test, type Page } from "@playwright/test";
import { EDITOR, screenshot, signIn, waitForReader } from "./fixtures";

/**
 * Articles in other languages (issue 14): an editor imports a French and a German article,
 * the preview names the language it detected and the editor confirms it, and a search in
 * each language finds them by another inflection of their words. The articles are this
 * file's own (their titles carry RUN); the seed articles are left as they are.
 */

const RUN = Date.now().toString(36).slice(-5);

const FRENCH = {
  title: `Le gouvernement présente son plan d'économies ${RUN}`,
  body: [
    "Le ministre a annoncé mardi un plan de dix milliards d'euros pour relancer l'économie du pays.",
    "Selon l'Insee, la croissance a atteint 1,1 % l'an dernier, un chiffre inférieur aux prévisions.",
    "« Nous tiendrons nos engagements », a déclaré le Premier ministre devant les députés.",
  ],
};

const GERMAN = {
  title: `Mieten in Berlin steigen weiter ${RUN}`,
  body: [
    "Die Mieten in Berlin sind im vergangenen Jahr um sieben Prozent gestiegen, teilte das Statistikamt mit.",
    "Ein Haus in der Innenstadt kostet inzwischen doppelt so viel wie vor zehn Jahren.",
    "„Wir bauen zu wenig“, sagte die Senatorin am Montag.",
  ],
};

/** Imports through the form: preview, the detected language confirmed, then import; returns the article's id. */
async function importConfirmingLanguage(page: Page, article: { title: string; body: string[] }, language: { tag: string; name: string }) {
  await page.goto("/articles/import");
  await page.getByLabel("Paste the article").fill([article.title, ...article.body].join("\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("status")).toContainText(`Language: ${language.name} (detected).`);
  const field = page.getByLabel("Language", { exact: true });
  await expect(field).toHaveValue(language.tag);
  await expect(field).toHaveAccessibleDescription(new RegExp(`^Detected: ${language.name}\\. Confirm it`));
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(article.title);
  await page.getByLabel("Outlet").fill("Verity languages test");
  return field;
}

async function submitImport(page: Page) {
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/?]+$/);
  await waitForReader(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function searchIn(page: Page, query: string, languageName: string) {
  await page.goto("/search");
  await page.getByLabel("Search for").fill(query);
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: languageName });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?/);
}

test("a French and a German article are imported with their detected languages and found by inflected words", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.setViewportSize({ width: 1280, height: 900 });

  await importConfirmingLanguage(page, FRENCH, { tag: "fr", name: "French" });
  await screenshot(page, "languages-import-preview");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "languages-import-preview-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  const french = await submitImport(page);
  // The article keeps the confirmed language (its details form shows the tag).
  await expect(page.locator('input[name="language"]')).toHaveValue("fr");

  // The editor may correct a detection; here it is confirmed by typing the same tag in another case.
  const field = await importConfirmingLanguage(page, GERMAN, { tag: "de", name: "German" });
  await field.fill("DE");
  const german = await submitImport(page);

  // French: "économies" finds "économie" (the French stemmer), limited to French articles.
  await searchIn(page, "économies", "French");
  const frenchHits = page.getByTestId("search-hit").filter({ has: page.locator(`a[href="/articles/${french}"]`) });
  await expect(frenchHits).toHaveCount(1);
  await expect(frenchHits.locator("mark")).toHaveText(["économie"]);
  await expect(page.getByTestId("search-hit").filter({ has: page.locator(`a[href="/articles/${german}"]`) })).toHaveCount(0);
  await screenshot(page, "languages-search");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "languages-search-phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // German: "Häusern" finds "Haus"; the German article was imported as German ("DE" is stored as "de").
  await searchIn(page, "Häusern", "German");
  const germanHits = page.getByTestId("search-hit").filter({ has: page.locator(`a[href="/articles/${german}"]`) });
  await expect(germanHits).toHaveCount(1);
  await expect(germanHits.locator("mark")).toHaveText(["Haus"]);

  // Suggested claims in the French article say which rules read it.
  await page.goto(`/articles/${french}`);
  await waitForReader(page);
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(page.getByTestId("suggestion-rules")).toContainText("the English word rules (named officials, opinion, sport) are not used for French");
});
