import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/seed/seed";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  REVIEWER2,
  addExternalSource,
  importArticle,
  markClaim,
  newSignedInPage,
  panel,
  signIn,
  waitForReader,
  workflowButton, confirmPublishing } from "./fixtures";
import { readServerInfo } from "./server-info";

/**
 * No secret reaches a browser: the client bundle (.next/static) holds no auth secret, no
 * demo password, no password hash, no database URL and no user's email; and nothing a
 * reviewer can load — pages, their data requests, the claim API, the search routes, every
 * export, the public pages — holds a password hash, the secret or any other user's email
 * (people are shown by name only).
 *
 * The e2e database is shared with the other spec files: the article here is imported by
 * this file under a title carrying RUN; the reviewer then visits every article there is.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Ferry fares check ${RUN}`;
const SENTENCE = "The operator said fares will fall by a third from April.";

/** The secret the test server signs sessions with (e2e/serve.ts: AUTH_SECRET, else one generated in its data folder). */
function authSecret(): string {
  const given = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (given) return given;
  return readFileSync(path.join(readServerInfo().dataDir, "auth-secret"), "utf8").trim();
}

/** What must never be in what a browser gets, by what it is. */
function secrets(emails: string[]): Map<string, string> {
  const found = new Map<string, string>([
    ["the auth secret", authSecret()],
    ["a password hash", "$argon2"],
    ["a database URL", "postgresql://"],
    ["a database URL", "postgres://"],
  ]);
  const databaseUrl = readServerInfo().databaseUrl;
  if (databaseUrl) found.set("the database URL", databaseUrl);
  for (const user of DEMO_USERS) found.set(`${user.email}'s password`, user.password);
  for (const email of emails) found.set(`the email ${email}`, email);
  return found;
}

function leaks(text: string, forbidden: Map<string, string>): string[] {
  const lower = text.toLowerCase();
  return [...forbidden].filter(([, needle]) => lower.includes(needle.toLowerCase())).map(([what]) => what);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

let emails: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  // Every user's email, as the admin sees them.
  const admin = await newSignedInPage(browser, ADMIN);
  await admin.goto("/admin/users");
  emails = await admin.getByTestId("user-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-email")!));
  expect(emails).toEqual(expect.arrayContaining(DEMO_USERS.map((user) => user.email)));

  // Work by others for the reviewer to see: a claim by the editor with evidence, a comment
  // by another reviewer, approved by the admin, on a published article.
  const editor = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(editor, { content: `${SENTENCE}\n\nPassengers' groups welcomed the change.`, title: TITLE, outlet: "Island News" });
  const claimId = await markClaim(editor, "fares will fall by a third", { restatement: `Fares fall by a third (${RUN})`, verdict: "MOSTLY_TRUE", rationale: "The tariff sheet shows 30%." });
  await addExternalSource(editor, { url: "https://ferry.example/tariffs", title: "Tariff sheet" });
  await workflowButton(editor, "Submit for review").click();
  await expect(panel(editor).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");

  const rosa = await newSignedInPage(browser, REVIEWER2);
  await rosa.goto(`/articles/${articleId}?claim=${claimId}`);
  await panel(rosa).getByLabel("Add a comment").fill("Is that before or after the fuel surcharge?");
  await panel(rosa).getByRole("button", { name: "Comment" }).click();
  await expect(panel(rosa).locator(".comment__body")).toHaveCount(1);

  await admin.goto(`/articles/${articleId}?claim=${claimId}`);
  await workflowButton(admin, "Approve").click();
  await expect(panel(admin).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
  await editor.goto(`/articles/${articleId}`);
  await waitForReader(editor);
  const bar = editor.getByRole("region", { name: "Export and publish" });
  await confirmPublishing(bar, "Publish");
  await expect(bar.getByTestId("publish-status")).toContainText("Published");
  for (const page of [admin, editor, rosa]) await page.context().close();
});

test("the client bundle holds no secret, password, hash, database URL or email", () => {
  const forbidden = secrets(emails);
  const bundle = files(path.join(process.cwd(), ".next", "static"));
  expect(bundle.filter((file) => file.endsWith(".js")).length, "the client bundle's scripts").toBeGreaterThan(0);
  for (const file of bundle) {
    expect(leaks(readFileSync(file, "latin1"), forbidden), path.relative(process.cwd(), file)).toEqual([]);
  }
});

test("nothing a reviewer can load holds a password hash, the secret or another user's email", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const forbidden = secrets(emails.filter((email) => email !== REVIEWER.email));
  const bodies: Array<Promise<{ url: string; body: string }>> = [];
  // Every answer from the app the reviewer's browser gets: documents, RSC payloads, JSON.
  page.context().on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(baseURL!).origin || url.pathname.startsWith("/_next/static/")) return;
    if (response.status() >= 300 && response.status() < 400) return;
    bodies.push(response.text().then((body) => ({ url: response.url(), body }), () => ({ url: response.url(), body: "" })));
  });
  await signIn(page, REVIEWER.email, REVIEWER.password);

  const articleIds = await page.getByTestId("article-row").getByRole("link").evaluateAll((links) =>
    [...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.match(/^\/articles\/([^/]+)$/)?.[1]).filter(Boolean) as string[])],
  );
  expect(articleIds.length).toBeGreaterThan(0);
  const claimIds: string[] = [];
  for (const id of articleIds) {
    await page.goto(`/articles/${id}`);
    await waitForReader(page);
    const first = page.getByTestId("claim-item").first();
    if (await first.count()) {
      await first.click();
      await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
      claimIds.push(new URL(page.url()).searchParams.get("claim")!);
    }
    for (const format of ["html", "md", "annotations.jsonld", "claimreview.jsonld"]) {
      await fetchAs(page, bodies, `/articles/${id}/export/${format}`);
      await fetchAs(page, bodies, `/articles/${id}/export/${format}?pending=1`);
    }
    await fetchAs(page, bodies, `/p/${id}`);
    await fetchAs(page, bodies, `/search/api/claims?article=${id}`);
  }
  expect(claimIds.length, "claims the reviewer opened").toBeGreaterThan(0);
  for (const id of claimIds) {
    await fetchAs(page, bodies, `/api/claims/${id}`);
    await fetchAs(page, bodies, `/search/api/evidence?claim=${id}`);
    await fetchAs(page, bodies, `/search/api/same-claim?claim=${id}`);
  }
  for (const url of ["/home", "/queue", "/admin/users", "/articles/import", `/search?q=fares`, "/search?q=fares&claims=with", "/search/api/passages?q=fares"]) {
    await page.goto(url);
  }
  await fetchAs(page, bodies, "/api/claim-reviews");

  const answers = await Promise.all(bodies);
  expect(answers.length).toBeGreaterThan(articleIds.length * 10);
  // The reviewer sees the others' work by name.
  expect(answers.some(({ body }) => body.includes("Elena Editor"))).toBe(true);
  for (const { url, body } of answers) expect(leaks(body, forbidden), url).toEqual([]);
});

/** A request from the reviewer's browser session (its answer is collected with the rest). */
async function fetchAs(page: Page, bodies: Array<Promise<{ url: string; body: string }>>, url: string) {
  const response = await page.request.get(url);
  bodies.push(response.text().then((body) => ({ url, body })));
}
