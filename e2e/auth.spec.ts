import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  GENERIC_LOGIN_ERROR,
  SEED_TITLES,
  createUserViaAdmin,
  expectHeader,
  expectSeedArticles,
  failedLogin,
  loginMessage,
  screenshot,
  signIn,
  uniqueEmail,
  type Account,
} from "./fixtures";

test.describe("signing in by role", () => {
  test("an admin sees the header, the seed articles and the users table", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expectHeader(page, ADMIN);
    await expectSeedArticles(page);
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
    await screenshot(page, "articles-list");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const table = page.getByRole("table", { name: "Users" });
    await expect(table).toBeVisible();
    for (const email of [ADMIN.email, EDITOR.email, REVIEWER.email]) {
      await expect(table.locator(`[data-testid=user-row][data-email="${email}"]`)).toBeVisible();
    }
    await expect(page.getByText("Administrators only")).toHaveCount(0);
  });

  test("an editor sees the seed articles and Edit details, but not the users page", async ({ page }) => {
    await signIn(page, EDITOR.email, EDITOR.password);
    await expectHeader(page, EDITOR);
    await expectSeedArticles(page);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

    await page.getByRole("link", { name: SEED_TITLES[0], exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: SEED_TITLES[0] })).toBeVisible();
    await expect(page.getByText("Edit details")).toBeVisible();

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Administrators only" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  });

  test("a reviewer sees the seed articles, no Edit details and not the users page", async ({ page }) => {
    await signIn(page, REVIEWER.email, REVIEWER.password);
    await expectHeader(page, REVIEWER);
    await expectSeedArticles(page);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

    await page.getByRole("link", { name: SEED_TITLES[0], exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: SEED_TITLES[0] })).toBeVisible();
    await expect(page.locator(".article-body p").first()).toBeVisible();
    await expect(page.getByText("Edit details")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save details" })).toHaveCount(0);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Administrators only" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  });
});

test("an anonymous visit to the articles goes to the login page", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // No session existed, so no "session has ended" notice either.
  await expect(loginMessage(page)).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
  await page.goto("/login");
  expect(await failedLogin(page, EDITOR.email, "not-the-password")).toBe(GENERIC_LOGIN_ERROR);
  await screenshot(page, "login-error", false);

  await page.getByLabel("Email").fill("");
  expect(await failedLogin(page, "nobody-here@verity.test", "not-the-password")).toBe(GENERIC_LOGIN_ERROR);
  // Still signed out.
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
});

test("signing out returns to the login page and the articles need a login again", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // Signing in again works.
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await expectHeader(page, REVIEWER);
});

test("a copy of the session cookie stops working once its user signs out", async ({ browser, page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/articles");
  await expect(stolen).toHaveURL(/\/login\?ended=1$/);
  await expect(stolen.getByTestId("current-user")).toHaveCount(0);
  await thief.close();
});

test("a link to /session-ended, as another site could send, does not sign anyone out", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.goto("/session-ended");
  await expect(page).toHaveURL(/\/articles$/);
  await expectHeader(page, REVIEWER);
  await page.goto("/articles");
  await expectHeader(page, REVIEWER);
});

test("five wrong passwords lock the account, even for the right password", async ({ browser, page }) => {
  // An account of its own, so no other test gets locked out.
  const account: Account = { name: "Lena Lockout", email: uniqueEmail("lockout"), password: "lockout-pass-123", role: "REVIEWER" };
  await signIn(page, ADMIN.email, ADMIN.password);
  await createUserViaAdmin(page, account);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await failedLogin(visitor, account.email, `wrong-password-${attempt}`), `attempt ${attempt}`).toBe(GENERIC_LOGIN_ERROR);
  }

  const locked = /^Too many failed sign-in attempts\. Try again in (\d+) minutes? \(at \d{1,2}:\d{2}(\s?[AP]M)?\)\.$/;
  const first = await failedLogin(visitor, account.email, account.password);
  expect(first).toMatch(locked);
  const minutes = Number(first.match(locked)![1]);
  expect(minutes).toBeGreaterThanOrEqual(14);
  expect(minutes).toBeLessThanOrEqual(15);
  await screenshot(visitor, "login-locked", false);

  // The right password again: still locked, still not signed in.
  expect(await failedLogin(visitor, account.email, account.password)).toMatch(locked);
  await visitor.goto("/articles");
  await expect(visitor).toHaveURL(/\/login$/);
  await expect(loginMessage(visitor)).toHaveCount(0);

  // Other accounts are not affected.
  await signIn(visitor, REVIEWER.email, REVIEWER.password);
  await expectHeader(visitor, REVIEWER);
  await context.close();
});

test("next-auth's routes answer an off-site or malformed callbackUrl as if it were the home page, not with an error", async ({ request, baseURL }) => {
  const hostile = ["http://localhost:3450.evil.example/", "javascript:alert(1)", "http://[::1", "%", "//evil.example/"];
  for (const callbackUrl of hostile) {
    for (const route of ["session", "csrf", "providers", "signin", "signout"]) {
      const response = await request.get(`/api/auth/${route}?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(response.status(), `${route} with ${callbackUrl}`).toBeLessThan(400);
      expect(response.headers()["location"] ?? "", `${route} with ${callbackUrl}`).not.toMatch(/evil|javascript|error=/);
    }
  }
  // The home page is what next-auth now redirects to after signing in from such a link.
  const signIn = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(hostile[0])}`, { maxRedirects: 0 });
  expect(new URL(signIn.headers()["location"], baseURL).searchParams.get("callbackUrl")).toBe(new URL(baseURL!).origin);
});

/** Signs in as next-auth's client does, with the X-Forwarded-For given; returns the error code, or null when signed in. */
async function signInOverHttp(request: APIRequestContext, email: string, password: string, forwardedFor: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": forwardedFor },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("wrong passwords from made-up X-Forwarded-For addresses do not keep a user out of their account", async ({ page, playwright, baseURL }) => {
  const account: Account = { name: "Fred Forwarded", email: uniqueEmail("forwarded"), password: "forwarded-pass-123", role: "REVIEWER" };
  await signIn(page, ADMIN.email, ADMIN.password);
  await createUserViaAdmin(page, account);

  const request = await playwright.request.newContext({ baseURL });
  // The user signs in once from this machine, which makes its address known to the account.
  expect(await signInOverHttp(request, account.email, account.password, "198.51.100.1")).toBeNull();
  // Five wrong passwords, each claiming another address (enough to lock the account for
  // every address it has not signed in from).
  for (let i = 1; i <= 5; i++) expect(await signInOverHttp(request, account.email, `wrong-${i}`, `203.0.113.${i}`)).toBe("INVALID_CREDENTIALS");
  // The server goes by the connection, not the header: from the user's own machine the
  // right password still works, whatever address the request claims.
  expect(await signInOverHttp(request, account.email, account.password, "203.0.113.99")).toBeNull();
  await request.dispose();
});
