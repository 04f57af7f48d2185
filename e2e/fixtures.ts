/**
 * Shared helpers for the browser tests: the demo accounts, the seed article titles,
 * signing in, creating users through the admin page, screenshots, and opening a saved export.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_USERS, SEEDS_DIR } from "../lib/seed/seed";
import { importPlainText } from "../lib/import/plain-text";

export type Account = { name: string; email: string; password: string; role: "ADMIN" | "EDITOR" | "REVIEWER" };

function demo(email: string): Account {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email} in lib/seed/seed.ts`);
  return { ...user };
}

export const ADMIN = demo("admin@verity.test");
export const EDITOR = demo("editor@verity.test");
export const REVIEWER = demo("reviewer@verity.test");
export const REVIEWER2 = demo("reviewer2@verity.test");

export const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", REVIEWER: "Reviewer" } as const;

/** The titles the seed import gives the sample articles (same importer as the app). */
export const SEED_TITLES: string[] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => importPlainText(readFileSync(path.join(SEEDS_DIR, f), "utf8")).title);

export const GENERIC_LOGIN_ERROR = "That email and password do not match an active account.";
export const SESSION_ENDED = "Your session has ended. Please sign in again.";
export const ACCOUNT_DISABLED = "This account has been disabled. Ask an administrator.";

/** The login form's message box (not `[role=alert]`: Next adds its own route announcer). */
export function loginMessage(page: Page): Locator {
  return page.locator("form[aria-label='Sign in'] .form-message");
}

/**
 * Fills in and submits the login form and waits for the server's answer, leaving the
 * page wherever the answer takes it (use for attempts that are meant to fail).
 */
export async function submitLogin(page: Page, email: string, password: string) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** Submits a login that must fail and returns the message shown. */
export async function failedLogin(page: Page, email: string, password: string): Promise<string> {
  await submitLogin(page, email, password);
  // The button is back once the form has taken in the answer.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(page).toHaveURL(/\/login/);
  const message = loginMessage(page);
  await expect(message).toBeVisible();
  return (await message.textContent())?.trim() ?? "";
}

/** Signs in through the login page and waits for the article list with the user's header. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function expectHeader(page: Page, account: { name: string; role: keyof typeof ROLE_LABEL }) {
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
  await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABEL[account.role]);
}

/** The article list shows every seed article (specs that run earlier may have added their own). */
export async function expectSeedArticles(page: Page) {
  const rows = page.getByTestId("article-row");
  for (const title of SEED_TITLES) {
    await expect(rows.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
}

/** An email no other test (or earlier run against the same database) has used. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@verity.test`;
}

export function userRow(page: Page, email: string): Locator {
  return page.locator(`[data-testid=user-row][data-email="${email}"]`);
}

/** As an admin on /admin/users: creates a user through the form and waits for the row. */
export async function createUserViaAdmin(page: Page, account: Account) {
  if (!page.url().endsWith("/admin/users")) await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "Create a user" });
  await form.getByLabel("Name").fill(account.name);
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Role").selectOption(account.role);
  await form.getByLabel(/^Initial password/).fill(account.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.locator(".form-message--ok")).toHaveText(`${account.name} can now sign in as ${account.email}.`);
  await expect(userRow(page, account.email)).toBeVisible();
}

export const SCREENSHOT_DIR = path.join(process.cwd(), "test-results", "screenshots");

export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.mouse.move(0, 0); // no hover styles left from the last click
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * Opens a downloaded HTML export the way a reader opens the saved file: from disk. Written into
 * an app page with `setContent` instead, it would keep that page's Content-Security-Policy, whose
 * nonce its inline stylesheet lacks, and every check would run on the export unstyled.
 */
export async function openSavedExport(page: Page, html: string) {
  // Saved beside the screenshots, in the folder `npm test` empties before each run.
  const dir = path.join(process.cwd(), "test-results", "exports");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.html`);
  writeFileSync(file, html);
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator("body"), "the export's own stylesheet is in effect").toHaveCSS("margin", "0px");
}

// ------------------------------------------------------------------ the reader

/** A rating's id: the Verity preset's are "FALSE", "MOSTLY_FALSE", "MIXED", "MOSTLY_TRUE", "TRUE", "MISLEADING", "UNVERIFIABLE". */
export type Verdict = string;

/** A browser context of its own, signed in as `account` (another person at another computer). */
export async function newSignedInPage(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  return page;
}

/**
 * As an editor: imports an article through the import page (plain text unless a format is
 * given; the title found in it unless one is given) and returns its id once the reader shows it.
 */
export async function importArticle(
  page: Page,
  article: { content: string; format?: "TEXT" | "MARKDOWN" | "HTML"; title?: string; outlet: string; url?: string },
): Promise<string> {
  await page.goto("/articles/import");
  await page.getByLabel("Paste the article").fill(article.content);
  await page.getByLabel("Format").selectOption(article.format ?? "TEXT");
  if (article.title) await page.getByLabel("Title", { exact: true }).fill(article.title);
  await page.getByLabel("Outlet").fill(article.outlet);
  if (article.url) await page.getByLabel("URL").fill(article.url);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!import$)[^/?]+$/);
  await waitForReader(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/**
 * Opens an article by searching the list for its title (earlier specs add articles, so a seed article
 * may no longer be on the list's first page) and waits until the editor has painted its highlights;
 * returns its id.
 */
export async function openArticle(page: Page, title: string): Promise<string> {
  await page.goto(`/articles?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForReader(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

export async function waitForReader(page: Page) {
  await expect(page.locator(".reader__text[data-highlights]")).toHaveCount(1);
  await expect(page.locator(".ProseMirror")).toBeVisible();
}

export function claimIdFromUrl(page: Page): string {
  const id = new URL(page.url()).searchParams.get("claim");
  expect(id, "the URL names the open claim").toBeTruthy();
  return id!;
}

/**
 * The DOM range of `needle` in the editor's text (skipping the markers, which are not
 * article text), kept in `window.__range`; the text may be split over several highlight
 * spans. It must occur once.
 */
export async function rangeOf(page: Page, needle: string) {
  const found = await page.evaluate((needle) => {
    const root = document.querySelector(".ProseMirror")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(".hl-marker") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    const starts: number[] = [];
    let all = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      starts.push(all.length);
      nodes.push(node as Text);
      all += (node as Text).data;
    }
    const at = all.indexOf(needle);
    if (at === -1) return { error: "not found" };
    if (all.indexOf(needle, at + 1) !== -1) return { error: "found more than once" };
    const end = at + needle.length;
    const locate = (offset: number, isEnd: boolean) => {
      for (let i = 0; i < nodes.length; i++) {
        const from = starts[i];
        const to = from + nodes[i].data.length;
        if (isEnd ? from < offset && offset <= to : from <= offset && offset < to) return { node: nodes[i], offset: offset - from };
      }
      throw new Error("offset outside the text");
    };
    const s = locate(at, false);
    const e = locate(end, true);
    (window as unknown as { __range: Range }).__range = (() => {
      const range = document.createRange();
      range.setStart(s.node, s.offset);
      range.setEnd(e.node, e.offset);
      return range;
    })();
    return { error: null };
  }, needle);
  expect(found.error, `"${needle}" in the article text`).toBeNull();
}

/** Selects text the way a script can: a DOM selection in the focused editor (ProseMirror reads it). */
export async function selectText(page: Page, needle: string) {
  await page.locator(".ProseMirror").focus();
  await rangeOf(page, needle);
  await page.evaluate(() => {
    const range = (window as unknown as { __range: Range }).__range;
    range.startContainer.parentElement!.scrollIntoView({ block: "center" });
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await expect(page.locator(".selection-tools")).toBeVisible();
}

export function markForm(page: Page): Locator {
  return page.getByRole("form", { name: "Mark a claim" });
}

export function panel(page: Page): Locator {
  return page.getByTestId("claim-panel");
}

export function panelTitle(page: Page): Locator {
  return panel(page).locator("#claim-panel-title");
}

/** Fills the open "Mark a claim" form, saves it, and returns the new claim's id once its panel is open. */
export async function saveMarkForm(page: Page, claim: { restatement: string; verdict?: Verdict; rationale?: string }) {
  const form = markForm(page);
  await form.getByLabel("The claim, in your words").fill(claim.restatement);
  if (claim.verdict) await form.getByLabel("Verdict").selectOption(claim.verdict);
  if (claim.rationale) await form.getByLabel("Rationale").fill(claim.rationale);
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(panelTitle(page)).toHaveText(claim.restatement);
  await expect(page).toHaveURL(/[?&]claim=/);
  // The panel's details (author, rationale) have loaded.
  await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
  return claimIdFromUrl(page);
}

/** Selects `text` (by script), marks it as a claim and returns its id. */
export async function markClaim(page: Page, text: string, claim: { restatement: string; verdict?: Verdict; rationale?: string }) {
  await selectText(page, text);
  await page.locator(".selection-tools").getByRole("button", { name: /Mark claim/ }).click();
  await expect(markForm(page).locator("blockquote")).toHaveText(text);
  return saveMarkForm(page, claim);
}

/** In the open claim's panel: adds an external source and waits for the evidence count to go up. */
export async function addExternalSource(page: Page, source: { url: string; title: string; excerpt?: string }) {
  const claimPanel = panel(page);
  const before = await claimPanel.getByTestId("evidence-item").count();
  const details = claimPanel.locator("details.add-evidence").filter({ hasText: "Add an external source" });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await claimPanel.getByLabel("URL").fill(source.url);
  await claimPanel.getByLabel("Title").fill(source.title);
  if (source.excerpt) await claimPanel.getByLabel("Quoted excerpt").fill(source.excerpt);
  await claimPanel.getByRole("button", { name: "Add source" }).click();
  await expect(claimPanel.getByRole("heading", { name: `Evidence (${before + 1})` })).toBeVisible();
}

/** A button of the open claim's workflow controls (Submit for review, Approve, Request changes…). */
export function workflowButton(page: Page, name: string): Locator {
  return panel(page).locator(".workflow-controls").getByRole("button", { name, exact: true });
}

/** What each claim marker in an exported document shows: its icon and number, which CSS generates from its data attributes. */
export async function markerLabels(page: Page): Promise<string[]> {
  return page.locator(".claim-marker").evaluateAll((markers) =>
    markers.map((marker) => [getComputedStyle(marker, "::before").content, getComputedStyle(marker, "::after").content].map((css) => css.replace(/^"|"$/g, "")).join("")),
  );
}

/** Publishes (or unpublishes) from the article page's export bar: the button opens a dialog, whose button confirms. */
export async function confirmPublishing(bar: Locator, verb: "Publish" | "Unpublish") {
  await bar.getByRole("button", { name: `${verb}…` }).click();
  const dialog = bar.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: verb, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** An editor approves the claim in its panel, then publishes the article's public page. */
export async function approveAndPublish(editor: Page, articleId: string, claimId: string) {
  await editor.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(editor);
  await workflowButton(editor, "Approve").click();
  await expect(panel(editor).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
  const bar = editor.getByRole("region", { name: "Export and publish" });
  await confirmPublishing(bar, "Publish");
  await expect(bar.getByTestId("publish-status")).toContainText("Published");
}
