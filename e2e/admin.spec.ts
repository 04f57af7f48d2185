import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  ACCOUNT_DISABLED,
  ADMIN,
  GENERIC_LOGIN_ERROR,
  SESSION_ENDED,
  expectHeader,
  expectSeedArticles,
  failedLogin,
  loginMessage,
  screenshot,
  signIn,
  uniqueEmail,
  userRow,
  type Account,
} from "./fixtures";

// One user's life, step by step: each test builds on the one before.
test.describe.configure({ mode: "serial" });

const account: Account = { name: "Nora Newcomer", email: uniqueEmail("nora"), password: "first-password-42", role: "REVIEWER" };

async function adminOnUsersPage(page: Page) {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
}

/** The test user, signed in in a browser context of their own. */
async function userSignedIn(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
  return { context, page };
}

/** The user's next request after their session stopped counting. */
async function expectSessionEnded(page: Page) {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login\?ended=1$/);
  await expect(loginMessage(page)).toHaveText(SESSION_ENDED);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
}

test("an admin creates a reviewer, after field errors for a bad email and a short password", async ({ page }) => {
  await adminOnUsersPage(page);
  const form = page.getByRole("region", { name: "Create a user" });
  const name = form.getByLabel("Name");
  const email = form.getByLabel("Email");
  const password = form.getByLabel(/^Initial password/);
  const role = form.getByLabel("Role");

  await name.fill(account.name);
  await email.fill("nora-at-example");
  await role.selectOption("EDITOR");
  await password.fill("short");
  await form.getByRole("button", { name: "Create user" }).click();

  await expect(form.locator(".form-message--error")).toHaveText("Please correct the marked fields.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription("A password needs at least 10 characters.");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  // What was typed stays, so only the marked fields need correcting.
  await expect(name).toHaveValue(account.name);
  await expect(email).toHaveValue("nora-at-example");
  await expect(role).toHaveValue("EDITOR");
  await expect(password).toHaveValue("");
  await expect(userRow(page, account.email)).toHaveCount(0);
  await screenshot(page, "admin-users-errors");

  await email.fill(account.email);
  await role.selectOption(account.role);
  await password.fill(account.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.locator(".form-message--ok")).toHaveText(`${account.name} can now sign in as ${account.email}.`);
  await expect(form.locator(".field-error")).toHaveCount(0);
  // The form is cleared for the next user.
  await expect(name).toHaveValue("");

  const row = userRow(page, account.email);
  await expect(row).toBeVisible();
  await expect(row).toContainText(account.name);
  await expect(row.getByLabel("Role")).toHaveValue("REVIEWER");
  await expect(row.getByText("Active")).toBeVisible();
  await screenshot(page, "admin-users");

  // The same email a second time is refused, and what was typed stays (except the password).
  await name.fill("Nora Again");
  await email.fill(account.email.toUpperCase());
  await role.selectOption("EDITOR");
  await password.fill(account.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(email).toHaveAccessibleDescription("A user with this email already exists.");
  await expect(userRow(page, account.email)).toHaveCount(1);
  await expect(name).toHaveValue("Nora Again");
  await expect(email).toHaveValue(account.email.toUpperCase());
  await expect(role).toHaveValue("EDITOR");
  await expect(password).toHaveValue("");
});

test("the new reviewer signs in in a second browser and sees the articles", async ({ browser }) => {
  const user = await userSignedIn(browser);
  await expectHeader(user.page, account);
  await expectSeedArticles(user.page);
  await user.context.close();
});

test("changing the role ends the user's session; signed in again, the header says Editor", async ({ browser, page }) => {
  const user = await userSignedIn(browser);
  await expect(user.page.getByTestId("current-role")).toHaveText("Reviewer");

  await adminOnUsersPage(page);
  const row = userRow(page, account.email);
  await row.getByLabel("Role").selectOption("EDITOR");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText(/is now editor/i);
  await page.reload();
  await expect(userRow(page, account.email).getByLabel("Role")).toHaveValue("EDITOR");

  await expectSessionEnded(user.page);
  await signIn(user.page, account.email, account.password);
  await expectHeader(user.page, { ...account, role: "EDITOR" });
  account.role = "EDITOR";
  await user.context.close();
});

test("resetting the password: the old one fails, the new one works", async ({ browser, page }) => {
  const user = await userSignedIn(browser);
  const oldPassword = account.password;
  const newPassword = "second-password-77";

  await adminOnUsersPage(page);
  const row = userRow(page, account.email);
  await row.getByLabel(`New password for ${account.name}`).fill(newPassword);
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("status")).toHaveText(`The password of ${account.name} was reset; their open sessions have ended.`);

  await expectSessionEnded(user.page);
  expect(await failedLogin(user.page, account.email, oldPassword)).toBe(GENERIC_LOGIN_ERROR);
  await signIn(user.page, account.email, newPassword);
  await expectHeader(user.page, account);
  account.password = newPassword;
  await user.context.close();
});

test("disabling a signed-in user ends their session and blocks signing in", async ({ browser, page }) => {
  const user = await userSignedIn(browser);
  await expectSeedArticles(user.page);
  await user.page.getByTestId("article-row").first().getByRole("link").click();
  await expect(user.page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(user.page.locator(".article-body")).toBeVisible();

  await adminOnUsersPage(page);
  const row = userRow(page, account.email);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toHaveText(`${account.name} is disabled and signed out.`);
  await expect(row).toHaveAttribute("data-disabled", "true");
  await expect(row.getByText(/^Disabled /)).toBeVisible();
  await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

  // The badge stays on one line, on a desktop and on a phone.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const badge = row.getByText(/^Disabled /);
    const lineHeight = await badge.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await badge.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  }

  // The user's next navigation: back to the login page, told why.
  await user.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(user.page).toHaveURL(/\/login\?ended=disabled$/);
  await expect(loginMessage(user.page)).toHaveText(ACCOUNT_DISABLED);

  // The right password learns that the account is disabled; a wrong one learns nothing.
  expect(await failedLogin(user.page, account.email, account.password)).toBe(ACCOUNT_DISABLED);
  expect(await failedLogin(user.page, account.email, "not-the-password-1")).toBe(GENERIC_LOGIN_ERROR);
  // The dead session's cookie is gone: a later visit is a plain sign-in, without the notice.
  await user.page.goto("/articles");
  await expect(user.page).toHaveURL(/\/login$/);
  await expect(user.page.getByText(ACCOUNT_DISABLED)).toHaveCount(0);
  await expect(user.page.getByTestId("current-user")).toHaveCount(0);
  await user.context.close();
});
