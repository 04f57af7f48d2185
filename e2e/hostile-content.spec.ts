import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import MarkdownIt from "markdown-it";
import { importArticleSource } from "../lib/import";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  addExternalSource,
  createUserViaAdmin,
  importArticle,
  panel,
  panelTitle,
  screenshot,
  signIn,
  uniqueEmail,
  waitForReader,
  workflowButton,
  type Account, confirmPublishing } from "./fixtures";
import { NEXT_ID, PAYLOADS } from "./xss-payloads";
import { expectQuiet, expectSafeMarkup, expectWebLinks, watch, type Watch } from "./security";

/**
 * Hostile content: known XSS payloads (e2e/xss-payloads.ts) put everywhere a user can put
 * text — an imported HTML article and an imported Markdown article (body, title, outlet,
 * URL), claims' restatements and rationales (through an annotations import), evidence
 * URLs, titles and excerpts, comments, an editor's note, users' names — then every page
 * that shows them is visited: the reader with its tooltips, claim list and every claim's
 * panel, the queue, My work, search results (and a search for the payloads themselves),
 * the admin's user list, every export and the public page.
 *
 * The pages are visited in browser contexts that bypass the Content-Security-Policy, so a
 * payload the markup let through would really run (each calls `xss(id)` or alert(id),
 * recorded by e2e/security.ts): this tests the escaping and sanitising, not the policy.
 * A last test visits the same pages under the policy and expects no violation.
 *
 * The e2e database is shared with the other spec files: everything here is on articles
 * this file imports, under titles carrying RUN.
 */

const RUN = Date.now().toString(36).slice(-5);
let nextId = NEXT_ID;
/** A made-up payload with an id of its own (for names, titles, URLs). */
const made = (template: string) => template.replaceAll("ID", String(nextId++));

const HOSTILE_EDITOR: Account = { name: made("<img src=x onerror=xss(ID)> Mallory"), email: uniqueEmail("hostile-editor"), password: "hostile-editor-pw", role: "EDITOR" };
const HOSTILE_APPROVER: Account = { name: made('"><svg onload=xss(ID)> Trudy'), email: uniqueEmail("hostile-approver"), password: "hostile-approver-pw", role: "EDITOR" };
const HOSTILE_REVIEWER: Account = { name: made("</textarea><script>xss(ID)</script> Eve"), email: uniqueEmail("hostile-reviewer"), password: "hostile-reviewer-pw", role: "REVIEWER" };

const marker = (id: number) => `Hostile passage ${id} reads`;

// The Markdown article: every payload as text in a paragraph of its own.
const MD_TITLE = made(`Markdown "><img src=x onerror=xss(ID)> report ${RUN}`);
const MD_OUTLET = made("<svg/onload=xss(ID)> Gazette");
const MD_URL = made('https://evil.example/"><script>xss(ID)</script>');
const MD_SOURCE = PAYLOADS.map((p) => `${marker(p.id)} ${p.text}`).join("\n\n");

// The HTML article: every payload as markup, and its title from its <title>.
const HTML_TITLE_TEXT = made(`Hostile HTML <script>xss(ID)</script> report ${RUN}`);
const HTML_OUTLET = made("'><img src=x onerror=xss(ID)> Herald");
const HTML_SOURCE = `<!doctype html>
<html><head><title>${HTML_TITLE_TEXT.replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</title>
${made("<script>xss(ID)</script>")}${made('<meta http-equiv="refresh" content="0;url=javascript:xss(ID)">')}</head>
<body ${made('onload="xss(ID)"')}>
${PAYLOADS.map((p) => `<p>${marker(p.id)} ${p.text}</p>`).join("\n")}
</body></html>`;

// Claims on the Markdown article, one per payload, each quoting its paragraph.
const MD_TEXT = importArticleSource({ format: "MARKDOWN", content: MD_SOURCE }).canonicalText;
const restatement = (id: number) => `Claim ${id}: ${PAYLOADS[id - 1].text}`;
const ANNOTATIONS = {
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "AnnotationCollection",
  items: [
    ...PAYLOADS.map((p) => ({
      id: `urn:hostile:${p.id}`,
      type: "Annotation",
      motivation: "assessing",
      body: [
        { type: "TextualBody", purpose: "describing", value: restatement(p.id) },
        { type: "TextualBody", purpose: "assessing", value: "False" },
        { type: "TextualBody", purpose: "commenting", value: `Rationale ${p.id}: ${p.text}` },
      ],
      target: { selector: [{ type: "TextQuoteSelector", exact: MD_TEXT.split("\n").find((line) => line.startsWith(`${marker(p.id)} `)) }] },
    })),
    // Two whose text is not in the article: listed back as not placed.
    ...["<img src=x onerror=xss(ID)>", "<svg onload=xss(ID)>"].map((template) => ({
      type: "Annotation",
      motivation: "assessing",
      body: [{ type: "TextualBody", purpose: "describing", value: made(template) }],
      target: { selector: [{ type: "TextQuoteSelector", exact: made(`Nowhere in the text ${template}`) }] },
    })),
  ],
};

// The claims that go through the workflow: evidence, comments, submitted; then approved,
// sent back with a note, or left in the queue.
const WORKFLOW = { approved: [1, 59, 8], changes: 36, queued: 22 } as const;
const WORKFLOW_IDS = [...WORKFLOW.approved, WORKFLOW.changes, WORKFLOW.queued];
const EVIDENCE_URLS = [
  made('https://evil.example/"><svg/onload=xss(ID)>'),
  made("https://evil.example/?q=</a><img/src=x/onerror=xss(ID)>"),
  made("https://evil.example/#'onmouseover='xss(ID)'"),
  made("https://evil.example/javascript:xss(ID)"),
  made("HTTPS://evil.example/%22%3E%3Cscript%3Exss(ID)%3C/script%3E"),
];
const REFUSED_URLS = [
  made("javascript:xss(ID)"),
  made("JaVaScRiPt:xss(ID)"),
  made(" javascript:xss(ID)"),
  made("java\tscript:xss(ID)"),
  made("data:text/html,<script>xss(ID)</script>"),
  made("vbscript:msgbox(ID)"),
];
const REVIEW_NOTE = made("Please fix </textarea><img src=x onerror=xss(ID)>");
/** All the payloads, in comments of up to 4,000 characters. */
const COMMENTS = PAYLOADS.reduce<string[]>((chunks, p) => {
  const line = `${p.id}: ${p.text}`;
  if (chunks.length > 0 && chunks.at(-1)!.length + line.length < 4000) chunks[chunks.length - 1] += `\n${line}`;
  else chunks.push(line);
  return chunks;
}, []);
/** Payloads in evidence titles of up to 300 characters (four sources' worth; the excerpt has them all). */
const EVIDENCE_TITLES = PAYLOADS.reduce<string[]>((chunks, p) => {
  if (chunks.length > 0 && chunks.at(-1)!.length + p.text.length < 299) chunks[chunks.length - 1] += ` ${p.text}`;
  else chunks.push(p.text);
  return chunks;
}, []).slice(0, 4);
const EXCERPT = PAYLOADS.map((p) => p.text).join("\n");

test.describe.configure({ mode: "serial" });

/** A context of its own in which a payload the markup let through would run. */
async function hostileContext(browser: Browser, account: Account | null): Promise<{ page: Page; seen: Watch; context: BrowserContext }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const seen = await watch(context);
  const page = await context.newPage();
  if (account) await signIn(page, account.email, account.password);
  return { page, seen, context };
}

async function openClaim(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(page);
  await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
}

/** The reader's paragraph that holds payload `id`. */
function paragraph(page: Page, id: number) {
  return page.locator(".ProseMirror p", { hasText: `${marker(id)} ` }).first();
}

/** The page is quiet and its markup inert. */
async function expectInert(page: Page, seen: Watch, where: string) {
  await expectSafeMarkup(page, where);
  expectQuiet(seen, where);
}

let mdId = "";
let htmlId = "";
const claimIds = new Map<number, string>();

test("hostile content goes in through the app: users, two imported articles, claims, evidence, comments, the workflow", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page: admin, seen: adminSeen, context: adminContext } = await hostileContext(browser, ADMIN);
  for (const account of [HOSTILE_EDITOR, HOSTILE_APPROVER, HOSTILE_REVIEWER]) await createUserViaAdmin(admin, account);
  await expectInert(admin, adminSeen, "the admin's user list");
  await adminContext.close();

  // The hostile editor imports both articles (so "imported by" is a payload too).
  const { page: mallory, seen, context } = await hostileContext(browser, HOSTILE_EDITOR);
  htmlId = await importArticle(mallory, { content: HTML_SOURCE, format: "HTML", outlet: HTML_OUTLET });
  await expect(mallory.getByRole("heading", { level: 1 })).toHaveText(HTML_TITLE_TEXT);
  await expectInert(mallory, seen, "the reader, just after importing the HTML article");
  mdId = await importArticle(mallory, { content: MD_SOURCE, format: "MARKDOWN", title: MD_TITLE, outlet: MD_OUTLET, url: MD_URL });
  await expect(mallory.getByRole("heading", { level: 1 })).toHaveText(MD_TITLE);
  // Markdown's raw HTML stays text: the first paragraph shows the <script> element as written.
  await expect(mallory.locator(".ProseMirror p").first()).toHaveText(`${marker(1)} ${PAYLOADS[0].text}`);

  // One claim per payload, from a Web Annotations file; two are not placed and are listed back.
  await mallory.getByText("Import annotations…").click();
  const form = mallory.getByRole("form", { name: "Import annotations" });
  await form.getByLabel("Annotations file").setInputFiles({ name: "hostile.annotations.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(JSON.stringify(ANNOTATIONS)) });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByTestId("orphaned-annotation")).toHaveCount(2);
  await expectInert(mallory, seen, "the annotations import's result");
  await mallory.reload();
  await waitForReader(mallory);
  await expect(mallory.locator(".claim-list__head .muted")).toHaveText(String(PAYLOADS.length));

  // The claims that go through the workflow, opened by a click on their text.
  for (const id of WORKFLOW_IDS) {
    // Loaded afresh each time: ProseMirror takes two quick clicks at one place for a double click.
    await mallory.goto(`/articles/${mdId}`);
    await waitForReader(mallory);
    await paragraph(mallory, id).click({ position: { x: 40, y: 8 } });
    await expect(panelTitle(mallory)).toHaveText(restatement(id));
    claimIds.set(id, new URL(mallory.url()).searchParams.get("claim")!);
  }

  // Evidence: script URLs are refused, whatever their spelling; web addresses carrying payloads are kept.
  await openClaim(mallory, mdId, claimIds.get(1)!);
  const claimPanel = panel(mallory);
  await claimPanel.getByText("Add an external source").click();
  for (const url of REFUSED_URLS) {
    await claimPanel.getByLabel("URL").fill(url);
    await claimPanel.getByLabel("Title").fill("A script URL");
    await claimPanel.getByRole("button", { name: "Add source" }).click();
    await expect(claimPanel.getByLabel("URL")).toHaveAccessibleDescription("Enter a web address starting with http:// or https://.");
  }
  await expect(claimPanel.getByRole("heading", { name: "Evidence (0)" })).toBeVisible();
  await mallory.reload();
  await waitForReader(mallory);
  await addExternalSource(mallory, { url: EVIDENCE_URLS[0], title: EVIDENCE_TITLES[0], excerpt: EXCERPT });
  for (const [i, title] of EVIDENCE_TITLES.slice(1).entries()) await addExternalSource(mallory, { url: EVIDENCE_URLS[(i + 1) % EVIDENCE_URLS.length], title });
  for (const id of WORKFLOW_IDS.slice(1)) {
    await openClaim(mallory, mdId, claimIds.get(id)!);
    await addExternalSource(mallory, { url: EVIDENCE_URLS[id % EVIDENCE_URLS.length], title: PAYLOADS[id - 1].text, excerpt: PAYLOADS[id - 1].text });
  }
  for (const id of WORKFLOW_IDS) {
    await openClaim(mallory, mdId, claimIds.get(id)!);
    await workflowButton(mallory, "Submit for review").click();
    await expect(panel(mallory).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  }
  await expectInert(mallory, seen, "the claim panel of the hostile editor");
  await context.close();

  // A reviewer with a hostile name comments every payload.
  const { page: eve, seen: eveSeen, context: eveContext } = await hostileContext(browser, HOSTILE_REVIEWER);
  await openClaim(eve, mdId, claimIds.get(1)!);
  for (const comment of COMMENTS) {
    await panel(eve).getByLabel("Add a comment").fill(comment);
    await panel(eve).getByRole("button", { name: "Comment" }).click();
    await expect(panel(eve).locator(".comment__body").last()).toHaveText(comment);
  }
  await expectInert(eve, eveSeen, "the claim panel with comments");
  await eveContext.close();

  // Another hostile editor approves three, sends one back with a note, and publishes.
  const { page: trudy, seen: trudySeen, context: trudyContext } = await hostileContext(browser, HOSTILE_APPROVER);
  for (const id of WORKFLOW.approved) {
    await openClaim(trudy, mdId, claimIds.get(id)!);
    await workflowButton(trudy, "Approve").click();
    await expect(panel(trudy).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
  }
  await openClaim(trudy, mdId, claimIds.get(WORKFLOW.changes)!);
  await panel(trudy).getByLabel("What should change? (the reviewer sees this)").fill(REVIEW_NOTE);
  await workflowButton(trudy, "Request changes").click();
  await expect(panel(trudy).locator(".claim-panel__badges .state-badge")).toHaveText("Changes requested");
  const bar = trudy.getByRole("region", { name: "Export and publish" });
  await confirmPublishing(bar, "Publish");
  await expect(bar.getByTestId("publish-status")).toContainText("Published");
  await expectInert(trudy, trudySeen, "the approving editor's reader");
  await trudyContext.close();
});

test("the reader shows it all as text: article, tooltips, claim list, every claim's panel", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, seen, context } = await hostileContext(browser, REVIEWER);
  await page.goto("/articles");
  await expect(page.getByTestId("article-row").filter({ hasText: RUN })).toHaveCount(2);
  await expectInert(page, seen, "the article list");

  await page.goto(`/articles/${htmlId}`);
  await waitForReader(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HTML_TITLE_TEXT);
  // (Some payloads' markup moves the paragraphs after it, as an HTML parser must.)
  for (const id of [1, 33, PAYLOADS.length]) await expect(page.locator(".ProseMirror")).toContainText(`${marker(id)} `);
  await expectInert(page, seen, "the reader of the HTML article");
  await screenshot(page, "hostile-html-reader", false);

  await page.goto(`/articles/${mdId}`);
  await waitForReader(page);
  await expect(page.locator(".ProseMirror p").first()).toContainText(`${marker(1)} ${PAYLOADS[0].text}`);
  // Hovering shows each claim's restatement in a tooltip.
  for (const id of [1, 8, 20, 51, 59]) {
    await paragraph(page, id).hover({ position: { x: 40, y: 8 } });
    await expect(page.locator(".hl-tooltip")).toContainText(restatement(id));
  }
  // The list counts every claim; past 50 only the items near the view are in the page, so the
  // side panel is scrolled through and each item checked as it comes in: every restatement as text.
  await expect(page.locator(".claim-list__head .muted")).toHaveText(String(PAYLOADS.length));
  const side = page.locator(".reader__side");
  const words = (text: string) => text.replace(/\s+/g, " ").trim();
  const listed = new Set<string>();
  for (let atEnd = false; ; ) {
    await expectSafeMarkup(page, "the claim list, scrolled");
    for (const text of await side.locator(".claim-item__text").allTextContents()) listed.add(words(text));
    if (atEnd) break;
    // Half a panel at a time, and two frames for the items that come in to be drawn.
    atEnd = await side.evaluate(async (panel) => {
      panel.scrollTop += panel.clientHeight / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 1;
    });
  }
  expect([...listed].sort()).toEqual(PAYLOADS.map((p) => words(restatement(p.id))).sort());
  await expectInert(page, seen, "the reader of the Markdown article with its claim list and tooltips");

  // Every claim's panel, one after another (J).
  await side.evaluate((panel) => panel.scrollTo(0, 0));
  await expect(side.locator(".claim-items > li").first()).toHaveAttribute("aria-posinset", "1");
  await page.getByTestId("claim-item").first().click();
  for (const p of PAYLOADS) {
    if (p.id > 1) await page.keyboard.press("j");
    await expect(panelTitle(page)).toHaveText(restatement(p.id));
    await expect(panel(page).locator(".rationale")).toHaveText(`Rationale ${p.id}: ${p.text}`);
  }
  await expectInert(page, seen, "every claim's panel");

  // The panel with evidence and comments.
  await openClaim(page, mdId, claimIds.get(1)!);
  await expect(panel(page).locator(".comment__body")).toHaveCount(COMMENTS.length);
  await expect(panel(page).locator(".comment__meta strong").first()).toHaveText(HOSTILE_REVIEWER.name);
  await expectWebLinks(panel(page).locator('a.evidence__source:not([href^="/"])'), "the claim panel");
  await expectInert(page, seen, "the claim panel with evidence and comments");
  await screenshot(page, "hostile-claim-panel", false);

  // Payloads in the address: a search the reader echoes.
  for (const p of PAYLOADS.slice(0, 12)) {
    await page.goto(`/articles/${mdId}?${new URLSearchParams({ at: "0-10", q: p.text })}`);
    await waitForReader(page);
    await expect(page.getByTestId("found-bar")).toContainText(p.text);
  }
  await expectInert(page, seen, "the reader's found bar with payloads from the address");
  await context.close();
});

test("search, the queue, My work and the admin's user list show it as text", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, seen, context } = await hostileContext(browser, REVIEWER);
  await page.goto(`/search?${new URLSearchParams({ q: "hostile passage reads" })}`);
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await expectInert(page, seen, "search results");
  for (const p of PAYLOADS.filter((p) => p.kind !== "markdown").slice(0, 20)) {
    await page.goto(`/search?${new URLSearchParams({ q: p.text })}`);
    await expect(page.locator("#search-q")).toHaveValue(p.text);
  }
  await expectInert(page, seen, "searches for the payloads themselves");
  await page.goto("/home");
  await expectInert(page, seen, "a reviewer's My work");
  await context.close();

  const mallory = await hostileContext(browser, HOSTILE_EDITOR);
  await mallory.page.goto("/home");
  const changes = mallory.page.getByRole("region", { name: /^Changes requested/ });
  await expect(changes.locator(".review-note")).toContainText(REVIEW_NOTE);
  await expectInert(mallory.page, mallory.seen, "My work of the hostile editor");
  await mallory.context.close();

  const editor = await hostileContext(browser, EDITOR);
  await editor.page.goto("/queue");
  const item = editor.page.getByTestId("queue-item").filter({ hasText: restatement(WORKFLOW.queued) });
  await expect(item).toHaveCount(1);
  await expect(item.locator(".queue-item__meta")).toContainText(HOSTILE_EDITOR.name);
  await expectInert(editor.page, editor.seen, "the review queue");
  await screenshot(editor.page, "hostile-queue", false);
  await editor.context.close();

  const admin = await hostileContext(browser, ADMIN);
  await admin.page.goto("/admin/users");
  for (const account of [HOSTILE_EDITOR, HOSTILE_APPROVER, HOSTILE_REVIEWER]) {
    await expect(admin.page.locator(`[data-testid=user-row][data-email="${account.email}"]`)).toContainText(account.name);
  }
  await expectInert(admin.page, admin.seen, "the admin's user list");
  await admin.context.close();
});

/** Opens an export in the page as a document (not as the download its headers ask for). */
async function openExport(page: Page, url: string) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-disposition"];
    await route.fulfill({ response, headers });
  });
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
}

test("every export keeps the payloads inert: HTML rendered, Markdown rendered by a permissive renderer, JSON-LD intact", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, seen, context } = await hostileContext(browser, EDITOR);
  for (const [query, claims] of [["", WORKFLOW.approved.length], ["?pending=1", PAYLOADS.length]] as const) {
    const url = `/articles/${mdId}/export/html${query}`;
    await openExport(page, url);
    await expect(page.locator(".claim-entry")).toHaveCount(claims);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(MD_TITLE);
    await expectWebLinks(page.locator("a.evidence-entry__link"), url);
    await expectInert(page, seen, url);
  }
  await screenshot(page, "hostile-export-html", false);

  for (const format of ["md", "annotations.jsonld", "claimreview.jsonld"]) {
    for (const query of ["", "?pending=1"]) {
      const url = `/articles/${mdId}/export/${format}${query}`;
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const headers = response.headers();
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["content-disposition"], url).toMatch(/^attachment; /);
      expect(headers["content-type"], url).toMatch(format === "md" ? /^text\/markdown; charset=utf-8$/ : /^application\/ld\+json;/);
      const body = await response.text();
      if (format === "md") {
        // Many Markdown renderers let raw HTML through: the export must not rely on them.
        await page.unrouteAll();
        await page.goto("about:blank");
        await page.setContent(new MarkdownIt({ html: true }).render(body));
        await expect(page.locator("h1")).toHaveText(MD_TITLE);
        await expect(page.locator("body")).toContainText(restatement(1));
        const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
        for (const href of links) expect(href, url).toMatch(/^(https?:\/\/|#)/);
        await expectInert(page, seen, `${url}, rendered`);
      } else {
        // Valid JSON that gives back each payload exactly as it was written (ClaimReviews are of approved claims only).
        const json = JSON.stringify(JSON.parse(body));
        const ids = query && format === "annotations.jsonld" ? PAYLOADS.map((p) => p.id) : WORKFLOW.approved;
        for (const id of ids) expect(json, url).toContain(JSON.stringify(restatement(id)).slice(1, -1));
      }
    }
  }
  await context.close();
});

test("the public page shows the approved claims as text, and its JSON-LD is data", async ({ browser }) => {
  const { page, seen, context } = await hostileContext(browser, null);
  const response = await page.goto(`/p/${mdId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MD_TITLE);
  await expect(page.locator(".claim-entry")).toHaveCount(WORKFLOW.approved.length);
  await expect(page.locator(".claim-entry__approval").first()).toContainText(HOSTILE_APPROVER.name);
  await expectWebLinks(page.locator("a.evidence-entry__link"), "the public page");
  await expectInert(page, seen, "the public page");
  // The article page carries no script; each claim's own page carries one, its ClaimReview, whose
  // data reads back exactly (a "</script>" in it ends nothing).
  await expect(page.locator("script")).toHaveCount(0);
  await screenshot(page, "hostile-public-page", false);
  const reviewed: string[] = [];
  for (let n = 1; n <= WORKFLOW.approved.length; n++) {
    expect((await page.goto(`/p/${mdId}/claims/${n}`))?.status()).toBe(200);
    await expectInert(page, seen, `claim page ${n}`);
    await expect(page.locator("script")).toHaveCount(1);
    reviewed.push((JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { claimReviewed: string }).claimReviewed);
  }
  expect(reviewed.sort()).toEqual(WORKFLOW.approved.map((id) => restatement(id)).sort());
  await context.close();
});

test("under the Content-Security-Policy the same pages report no violation", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const seen = await watch(context);
  const page = await context.newPage();
  await signIn(page, EDITOR.email, EDITOR.password);
  for (const path of ["/articles", `/articles/${htmlId}`, `/articles/${mdId}`, `/articles/${mdId}?claim=${claimIds.get(1)}`]) {
    await page.goto(path);
    if (path.startsWith("/articles/")) await waitForReader(page);
  }
  await paragraph(page, 8).hover({ position: { x: 40, y: 8 } });
  await expect(page.locator(".hl-tooltip")).toBeVisible();
  for (const path of ["/queue", "/home", "/search?q=hostile+passage+reads", `/p/${mdId}`]) await page.goto(path);
  await openExport(page, `/articles/${mdId}/export/html?pending=1`);
  expectQuiet(seen, "the hostile pages under the policy");
  await context.close();
});
