/**
 * Shared helpers for the browser tests: the demo accounts, the seed article titles,
 * signing in, creating users through the admin page, and screenshots.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
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

export const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", REVIEWER: "Reviewer" } as const;

/** The titles the seed import gives the sample articles (same importer as the app). */
export const SEED_TITLES: string[] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => importPlainText(readFileSync(path.join(SEEDS_DIR, f), "utf8")).title);

export const GENERIC_LOGIN_ERROR = "That email and password do not match an active account.";
export const SESSION_ENDED = "Your session has ended. Please sign in again.";

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

/** The article list shows exactly the seed articles. */
export async function expectSeedArticles(page: Page) {
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(SEED_TITLES.length);
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
