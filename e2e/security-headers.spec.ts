import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { ADMIN, EDITOR, REVIEWER, addExternalSource, importArticle, markClaim, panel, screenshot, signIn, waitForReader, workflowButton, confirmPublishing } from "./fixtures";
import { expectQuiet, watch } from "./security";

/**
 * The security headers: a Content-Security-Policy with a fresh nonce on every page (and
 * every inline script carrying it), no inline script or eval allowed, no framing; a
 * script-free policy on the exports and the public page; nosniff, Referrer-Policy and
 * X-Frame-Options everywhere; downloads as attachments; the session cookie HttpOnly and
 * SameSite. And the app still works under the policy: every page, with highlights, the
 * claim panel, the tooltip, forms and searches, reports no violation.
 *
 * The e2e database is shared with the other spec files: the article here is imported by
 * this file under a title carrying RUN.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Security headers check ${RUN}`;
const SENTENCE = "The harbour authority said the new crane doubles the port's capacity.";

type Directives = Map<string, string[]>;

function directives(policy: string | undefined): Directives {
  expect(policy, "a Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources] as const),
  );
}

function expectCommonHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], `nosniff on ${url}`).toBe("nosniff");
  expect(headers["referrer-policy"], `Referrer-Policy on ${url}`).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], `X-Frame-Options on ${url}`).toBe("DENY");
}

/** A page's policy: scripts by this response's nonce only; returns the nonce. */
function expectPagePolicy(response: APIResponse, url: string): string {
  expectCommonHeaders(response, url);
  const policy = directives(response.headers()["content-security-policy"]);
  const scripts = policy.get("script-src") ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `a nonce in script-src on ${url}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts, url).toContain("'strict-dynamic'");
  expect(scripts, url).not.toContain("'unsafe-inline'");
  expect(scripts, url).not.toContain("'unsafe-eval'");
  expect(policy.get("default-src"), url).toEqual(["'self'"]);
  expect(policy.get("object-src"), url).toEqual(["'none'"]);
  expect(policy.get("base-uri"), url).toEqual(["'self'"]);
  expect(policy.get("form-action"), url).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(policy.get("connect-src"), url).toEqual(["'self'"]);
  expect(policy.get("img-src"), url).toEqual(["'self'", "data:"]);
  expect(policy.get("style-src"), url).not.toContain("'unsafe-inline'");
  return nonce!;
}

/** The exports' and public page's policy: no script at all. */
function expectDocumentPolicy(response: APIResponse, url: string) {
  expectCommonHeaders(response, url);
  const policy = directives(response.headers()["content-security-policy"]);
  expect(policy.get("default-src"), url).toEqual(["'none'"]);
  expect(policy.get("script-src"), url).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(policy.get("base-uri"), url).toEqual(["'none'"]);
  expect(policy.get("style-src")?.every((source) => source.startsWith("'sha256-")), url).toBe(true);
}

/** Every <script> and <style> element in the served HTML carries the response's nonce. */
async function expectNoncedElements(response: APIResponse, nonce: string, url: string) {
  const html = await response.text();
  const tags = html.match(/<(script|style)\b[^>]*>/gi) ?? [];
  expect(tags.length, `scripts in ${url}`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `an element of ${url}`).toContain(`nonce="${nonce}"`);
}

let articleId = "";
let claimId = "";

test.describe.configure({ mode: "serial" });

test("every page has a policy with a fresh nonce, carried by each of its scripts; no inline script, no eval, no framing", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const request = page.request;
  const seed = new URL((await page.getByTestId("article-row").first().getByRole("link").first().getAttribute("href"))!, page.url()).pathname;
  for (const url of ["/articles", seed, "/home", "/queue", "/search?q=council", "/admin/users", "/articles/import", "/no-such-page"]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(url === "/no-such-page" ? 404 : 200);
    const nonce = expectPagePolicy(first, url);
    await expectNoncedElements(first, nonce, url);
    const second = await request.get(url);
    expect(expectPagePolicy(second, url), `a fresh nonce for each response of ${url}`).not.toBe(nonce);
  }
  // Signed out: the login page.
  const login = await page.context().browser()!.newContext();
  const response = await login.request.get("/login");
  await expectNoncedElements(response, expectPagePolicy(response, "/login"), "/login");
  await login.close();
});

test("the session cookie is HttpOnly and SameSite", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => /(^|\.)next-auth\.session-token$/.test(cookie.name));
  expect(session, "the next-auth session cookie").toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(["Lax", "Strict"]).toContain(session!.sameSite);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("next-auth's own pages send the browser to the login page, which has the page policy", async ({ page }) => {
  for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/error?error=Configuration", "/api/auth/verify-request"]) {
    const direct = await page.request.get(path, { maxRedirects: 0 });
    expect(direct.status(), path).toBe(302);
    expect(direct.headers()["content-type"] ?? "", path).not.toContain("text/html");
    const followed = await page.request.get(path);
    expect(new URL(followed.url()).pathname, path).toBe("/login");
    expectPagePolicy(followed, path);
  }
});

test("the app works under the policy: login, articles, import, the reader with highlights, tooltip and panel, queue, search, admin", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const seen = await watch(context);
  const page = await context.newPage();
  await signIn(page, EDITOR.email, EDITOR.password);

  // Import: a preview, then the import.
  const content = `${SENTENCE}\n\nOfficials expect the work to finish next spring.`;
  await page.goto("/articles/import");
  await page.getByLabel("Paste the article").fill(content);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("status")).toContainText("Read as plain text");
  articleId = await importArticle(page, { content, title: TITLE, outlet: "Port Times" });

  // The reader: mark a claim, add a source, comment, see the highlight's tooltip.
  claimId = await markClaim(page, "doubles the port's capacity", { restatement: `The crane doubles capacity (${RUN})`, verdict: "MISLEADING", rationale: "Capacity depends on berths too." });
  const claimPanel = panel(page);
  await addExternalSource(page, { url: "https://port.example/crane", title: "Port statement" });
  await claimPanel.getByLabel("Add a comment").fill("Checked the berth numbers.");
  await claimPanel.getByRole("button", { name: "Comment" }).click();
  await expect(claimPanel.locator(".comment__body")).toHaveText("Checked the berth numbers.");
  await workflowButton(page, "Submit for review").click();
  await expect(claimPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  await page.keyboard.press("Escape");
  await page.locator(".hl-claim", { hasText: "doubles the port" }).first().hover();
  await expect(page.locator(".hl-tooltip")).toContainText(`The crane doubles capacity (${RUN})`);
  // The styles apply: the highlight has its verdict's tint, the editor its pre-wrap text.
  expect(await page.locator(".hl-claim").first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  expect(await page.locator(".ProseMirror").evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("break-spaces");
  await screenshot(page, "csp-reader", false);

  // The queue, search (header box and page), My work, the admin's users, a 404.
  await page.goto("/queue");
  await expect(page.getByTestId("queue-item").filter({ hasText: `(${RUN})` })).toHaveCount(1);
  await screenshot(page, "csp-queue", false);
  await page.getByRole("searchbox", { name: "Search passages" }).fill("crane capacity");
  await page.getByRole("searchbox", { name: "Search passages" }).press("Enter");
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await page.goto("/home");
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await context.close();

  const admin = await browser.newContext();
  const adminSeen = await watch(admin);
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN.email, ADMIN.password);
  await adminPage.goto("/admin/users");
  await expect(adminPage.getByTestId("user-row").first()).toBeVisible();
  await screenshot(adminPage, "csp-admin-users", false);
  const notFound = await adminPage.goto("/no-such-page");
  expect(notFound?.status()).toBe(404);
  await expect(adminPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await admin.close();

  for (const [who, s] of [["the editor", seen], ["the admin", adminSeen]] as const) {
    expectQuiet(s, who);
    expect(s.console.filter((line) => /Content.Security.Policy|Refused to/i.test(line)), `CSP messages in the console (${who})`).toEqual([]);
  }
});

test("route handlers: the exports and the public page allow no script; downloads are attachments; JSON routes are nosniff", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  for (const format of ["html", "md", "annotations.jsonld", "claimreview.jsonld"]) {
    const url = `/articles/${articleId}/export/${format}?pending=1`;
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expectDocumentPolicy(response, url);
    expect(response.headers()["content-disposition"], url).toMatch(/^attachment; filename="verity-security-headers-check-[a-z0-9]+-internal\./);
  }
  const missing = await page.request.get(`/articles/${articleId}/export/pdf`);
  expect(missing.status()).toBe(404);
  expectDocumentPolicy(missing, "an export that does not exist");
  const notPublished = await page.request.get(`/p/${articleId}`);
  expect(notPublished.status()).toBe(404);
  expectDocumentPolicy(notPublished, "the public page of an unpublished article");
  expect(await notPublished.text()).not.toMatch(/<script/i);

  for (const url of [`/api/claims/${claimId}`, "/api/claim-reviews"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expectCommonHeaders(response, url);
    expect(response.headers()["content-type"], url).toMatch(/^application\/json/);
  }
});

test("the public page and the HTML export run under their policy without a violation", async ({ browser }) => {
  const editor = await browser.newContext();
  const page = await editor.newPage();
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto(`/articles/${articleId}`);
  await waitForReader(page);
  const bar = page.getByRole("region", { name: "Export and publish" });
  await confirmPublishing(bar, "Publish");
  await expect(bar.getByTestId("publish-status")).toContainText("Published");
  const seen = await watch(editor);
  // The HTML export as a document (not a download), under its own headers.
  const exportUrl = `/articles/${articleId}/export/html?pending=1`;
  await page.route(exportUrl, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-disposition"];
    await route.fulfill({ response, headers });
  });
  await page.goto(exportUrl);
  await expect(page.locator(".claim-entry")).toHaveCount(1);
  await expectStyled(page);
  await editor.close();

  const anonymous = await browser.newContext();
  const anonymousSeen = await watch(anonymous);
  const reader = await anonymous.newPage();
  const response = await reader.goto(`/p/${articleId}`);
  expect(response?.status()).toBe(200);
  expectDocumentPolicy((await reader.request.get(`/p/${articleId}`)), "the public page");
  // The article's page embeds no ClaimReview: each claim's own page carries one.
  await expect(reader.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expectStyled(reader);
  await screenshot(reader, "csp-public-page", false);
  await anonymous.close();
  expectQuiet(seen, "the HTML export");
  expectQuiet(anonymousSeen, "the public page");
});

/** The inline stylesheet, admitted by its hash, applies. */
async function expectStyled(page: Page) {
  expect(await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily)).toContain("system-ui");
}
