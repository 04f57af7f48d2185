import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, REVIEWER, REVIEWER2, addExternalSource, confirmPublishing, importArticle, markClaim, newSignedInPage, openSavedExport, panel, waitForReader, workflowButton } from "./fixtures";

/**
 * axe-core on every page a person can reach, at desktop (1280) and phone (390) widths: the
 * workbench pages (signed in as an admin, who may open them all), the HTML exports and the
 * public pages. The rule: no serious or critical violation; the test prints each one found.
 *
 * The article is this file's own (its title carries RUN), reviewed by the demo reviewer and
 * approved and published by the admin, so the reader, queue, exports and public pages all
 * have claims to show.
 */

// Set by beforeAll, which runs again in a new worker after a failed test: a new article each time.
let RUN = "";
let TITLE = "";
const PARAGRAPHS = [
  "The transport authority said the new tram depot will house 40 trams by 2028.",
  "Its chief engineer claimed the depot cuts maintenance costs by a third.",
  "Residents said the consultation lasted only two weeks.",
];
const WIDTHS = [1280, 390];

let articleId = "";
let approvedClaimId = "";
let admin: Page;

async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n/g, " ")}`).join("\n")}`);
  // Soft: one run lists every page's violations.
  expect.soft(report, `serious or critical axe violations on ${name}`).toEqual([]);
}

/**
 * Opens `path` at each width and checks it; `ready` waits for what the page must show first.
 * A download (the HTML export) is fetched and opened as the saved file.
 */
async function check(page: Page, path: string, ready: (page: Page) => Promise<void>, download = false) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    if (download) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      await openSavedExport(page, await response.text());
    } else {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
    }
    await ready(page);
    await expectNoSeriousViolations(page, `${path} at ${width}px`);
  }
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

test.describe("accessibility (axe-core)", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    RUN = Date.now().toString(36).slice(-6);
    TITLE = `Tram depot accessibility check ${RUN}`;
    admin = await newSignedInPage(browser, ADMIN);
    articleId = await importArticle(admin, { content: [TITLE, ...PARAGRAPHS].join("\n\n"), outlet: "The Depot Gazette", url: "https://gazette.example/depot" });

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    const ids: string[] = [];
    for (const [text, restatement, verdict] of [
      ["will house 40 trams by 2028", `The depot houses 40 trams by 2028 [${RUN}]`, "MOSTLY_TRUE"],
      ["cuts maintenance costs by a third", `The depot cuts maintenance costs by a third [${RUN}]`, "MISLEADING"],
    ] as const) {
      const id = await markClaim(reviewer, text, { restatement, verdict, rationale: `The authority's plan says so (${RUN}).` });
      await addExternalSource(reviewer, { url: "https://transport.example/depot-plan", title: `Depot plan ${RUN}`, excerpt: "Capacity: 40 trams." });
      await workflowButton(reviewer, "Submit for review").click();
      await expect(panel(reviewer).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
      ids.push(id);
    }
    await reviewer.context().close();

    approvedClaimId = ids[0];
    await admin.goto(`/articles/${articleId}?claim=${approvedClaimId}`);
    await waitForReader(admin);
    await workflowButton(admin, "Approve").click();
    await expect(panel(admin).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
    await confirmPublishing(admin.getByRole("region", { name: "Export and publish" }), "Publish");
  });

  test.afterAll(async () => {
    await admin?.context().close();
  });

  test("the workbench's lists, search, queue, my work and account", async () => {
    test.setTimeout(180_000);
    await check(admin, "/articles", heading("Articles"));
    await check(admin, `/search?q=${encodeURIComponent("tram depot")}`, heading(/Search/));
    await check(admin, "/queue", heading(/queue/i));
    await check(admin, "/home", heading("My work"));
    await check(admin, "/account", heading(/account/i));
    await check(admin, "/articles/import", heading("Import an article"));
  });

  test("the reader with its claims, with a claim's panel open, and the article's versions", async () => {
    test.setTimeout(180_000);
    await check(admin, `/articles/${articleId}`, waitForReader);
    await check(admin, `/articles/${articleId}?claim=${approvedClaimId}`, async (page) => {
      await waitForReader(page);
      await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
    });
    await check(admin, `/articles/${articleId}/versions`, heading(/Versions/));
    await check(admin, `/articles/${articleId}/versions/1`, heading(TITLE));
    await check(admin, `/articles/${articleId}/versions/new`, heading(/version/i));
  });

  test("blind marking: a reviewer marking, and the revealed marks an editor reconciles", async ({ browser }) => {
    test.setTimeout(180_000);
    await admin.goto(`/articles/${articleId}`);
    await admin.getByText("Ask for blind marking…").click();
    const ask = admin.getByRole("form", { name: "Ask for blind marking" });
    for (const name of [REVIEWER.name, REVIEWER2.name]) await ask.getByLabel(name, { exact: true }).check();
    await ask.getByRole("button", { name: "Ask for blind marking" }).click();
    await expect(admin.getByTestId("marking-notice")).toBeVisible();
    const marking = `/articles/${articleId}/marking`;
    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(marking);
    const form = reviewer.getByRole("form", { name: "Mark a claim" });
    await form.getByLabel("The claim’s words").fill("will house 40 trams by 2028");
    await form.getByLabel("The claim in your words").fill("The depot houses 40 trams by 2028.");
    await form.getByRole("button", { name: "Mark as a claim" }).click();
    await expect(reviewer.getByRole("heading", { name: "Your marks (1)" })).toBeVisible();
    await check(reviewer, marking, heading("Blind marking"));
    await admin.goto(marking);
    await admin.getByRole("button", { name: "Close now and reveal the marks made" }).click();
    await expect(admin.getByRole("form", { name: "Reconcile claim 1" })).toBeVisible();
    await check(admin, marking, async (page) => {
      await expect(page.getByRole("form", { name: "Reconcile claim 1" })).toBeVisible();
    });
    await check(admin, "/agreement", heading("Agreement"));
    await reviewer.context().close();
  });

  test("the admin pages", async () => {
    test.setTimeout(120_000);
    await check(admin, "/admin/users", heading(/Users/));
    await check(admin, "/admin/audit", heading(/Audit/));
    await check(admin, "/admin/organisation", heading(/Organisation/));
  });

  test("the HTML exports, public and internal", async () => {
    test.setTimeout(120_000);
    await check(admin, `/articles/${articleId}/export/html`, heading(TITLE), true);
    await check(admin, `/articles/${articleId}/export/html?pending=1`, heading(TITLE), true);
  });

  test("the public pages: the article, a claim's page, the corrections log and the sign-in page", async ({ browser }) => {
    test.setTimeout(180_000);
    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    await check(page, `/p/${articleId}`, heading(TITLE));
    await check(page, `/p/${articleId}/claims/1`, heading(`The depot houses 40 trams by 2028 [${RUN}]`));
    await check(page, "/p/corrections", heading("Corrections"));
    await check(page, "/login", async (p) => {
      await expect(p.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
    await anonymous.close();
  });
});
