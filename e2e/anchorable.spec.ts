import path from "node:path";
import { build } from "esbuild";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, markForm, newSignedInPage, panel, saveMarkForm, screenshot, selectText, waitForReader, workflowButton, confirmPublishing } from "./fixtures";
import type { LibraryAnchors, Selectors } from "../test/dom-anchoring";

/**
 * The published annotations anchor exactly on the real public page and on the HTML export,
 * in Chromium, with third-party annotation libraries (test/dom-anchoring.ts, bundled into
 * the page): Apache Annotator's quote and position matchers, and dom-anchor-text-quote and
 * dom-anchor-text-position. The article is this file's own (its title carries RUN), with a
 * claim after an emoji and a claim across two paragraphs.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Ferry timetable ${RUN}`;
const ORIGINAL = `https://harbour-news.example/ferry-${RUN}`;
const PARAGRAPHS = [
  "The ferry 🚢 leaves at 7am from the north pier, the operator said.",
  "Tickets cost 🎟️ €12 for adults and 👩‍👩‍👧 families travel for €30.",
  "The route reopens in June after repairs.",
];
const TEXT = PARAGRAPHS.join("\n");
// In text order, as the export lists them.
const CLAIMS = [
  // After an emoji: a position in UTF-16 units would be one off here.
  { select: "leaves at 7am from the north pier", exact: "leaves at 7am from the north pier", restatement: `The ferry leaves at 7am [${RUN}]` },
  // Across two paragraphs (the selection's text has no line break; the claim's has one).
  { select: "operator said.Tickets cost", exact: "operator said.\nTickets cost", restatement: `The operator set the prices [${RUN}]` },
  // After a ticket emoji and a family of five code points.
  { select: "families travel for €30", exact: "families travel for €30", restatement: `Families travel for €30 [${RUN}]` },
];

/** test/dom-anchoring.ts for the browser, as `window.domAnchoring`. */
async function anchoringBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(process.cwd(), "test/dom-anchoring.ts")],
    bundle: true,
    format: "iife",
    globalName: "domAnchoring",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

interface ClaimAnnotation {
  target: { source: { id: string; via?: string }; selector: Array<{ type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }> };
}

/** Anchors each annotation's selectors in the page's <article> with every library. */
async function anchorAll(page: Page, annotations: ClaimAnnotation[]): Promise<LibraryAnchors[]> {
  const selectors: Selectors[] = annotations.map(({ target }) => {
    const quote = target.selector.find((s) => s.type === "TextQuoteSelector")!;
    const position = target.selector.find((s) => s.type === "TextPositionSelector")!;
    return { quote: { exact: quote.exact!, prefix: quote.prefix!, suffix: quote.suffix! }, position: { start: position.start!, end: position.end! } };
  });
  return page.evaluate(async (all) => {
    const { anchorWithLibraries } = (window as unknown as { domAnchoring: typeof import("../test/dom-anchoring") }).domAnchoring;
    const article = document.querySelector("article")!;
    return Promise.all(all.map((each) => anchorWithLibraries(article, each)));
  }, selectors);
}

/** Every library lands on exactly each claim's text, at its place in the canonical text. */
function expectExact(found: LibraryAnchors[]) {
  expect(found).toEqual(
    CLAIMS.map(({ exact }) => {
      const start = TEXT.indexOf(exact);
      const landed = { start, end: start + exact.length, text: exact };
      return { apacheQuote: [landed], apachePosition: landed, domAnchorQuote: landed, domAnchorPosition: landed };
    }),
  );
}

async function anonymousPage(browser: Browser, bundle: string, width = 1100) {
  // The public page allows no script at all; the test's own bundle is let in by bypassing its CSP.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  return { page, context, inject: () => page.addScriptTag({ content: bundle }) };
}

test.describe.serial("the published annotations anchor with third-party libraries", () => {
  let articleId = "";
  let editor: Page;
  let bundle = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    bundle = await anchoringBundle();
    editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, { content: PARAGRAPHS.join("\n\n"), title: TITLE, outlet: "Harbour News", url: ORIGINAL });

    const reviewer = await newSignedInPage(browser, REVIEWER);
    const claimIds: string[] = [];
    for (const claim of CLAIMS) {
      await reviewer.goto(`/articles/${articleId}`);
      await waitForReader(reviewer);
      await selectText(reviewer, claim.select);
      await reviewer.locator(".selection-tools").getByRole("button", { name: /Mark claim/ }).click();
      await expect(markForm(reviewer)).toBeVisible();
      claimIds.push(await saveMarkForm(reviewer, { restatement: claim.restatement, verdict: "TRUE", rationale: `The operator's timetable (${RUN}).` }));
      await addExternalSource(reviewer, { url: "https://operator.example/timetable", title: `Timetable ${RUN}` });
      // By keyboard: in one CI run a pointer click on it waited until the hook timed out (cause not found).
      await workflowButton(reviewer, "Submit for review").press("Enter");
      await expect(panel(reviewer).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
    }
    await reviewer.context().close();

    for (const claimId of claimIds) {
      await editor.goto(`/articles/${articleId}?claim=${claimId}`);
      await waitForReader(editor);
      await workflowButton(editor, "Approve").press("Enter");
      await expect(panel(editor).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
    }
    const bar = editor.getByRole("region", { name: "Export and publish" });
    await confirmPublishing(bar, "Publish");
    await expect(bar.getByTestId("publish-status")).toContainText("Published");
  });

  test.afterAll(async () => {
    await editor?.context().close();
  });

  test("targets the public page, with the outlet's address as via, and names no workbench page", async ({ browser, baseURL }) => {
    const { page, context } = await anonymousPage(browser, bundle);
    const response = await page.request.get(`/articles/${articleId}/export/annotations.jsonld`);
    expect(response.status()).toBe(200);
    const json = await response.text();
    const claims = (JSON.parse(json).first.items as Array<ClaimAnnotation & { motivation: string }>).filter((item) => item.motivation === "assessing");
    expect(claims).toHaveLength(CLAIMS.length);
    const publicUrl = new URL(`/p/${articleId}`, baseURL).href;
    for (const { target } of claims) expect(target.source).toMatchObject({ id: publicUrl, via: ORIGINAL });
    // The only /articles/ address in public output is the download route itself.
    const html = await (await page.request.get(`/p/${articleId}`)).text();
    for (const text of [json, html]) expect(text.match(/\/articles\/[^"\s<]*/g)?.filter((url) => !url.includes("/export/")) ?? []).toEqual([]);
    await context.close();
  });

  test("anchors every claim's quote and position exactly on the public page", async ({ browser }) => {
    const { page, context, inject } = await anonymousPage(browser, bundle);
    const annotations = await (await page.request.get(`/articles/${articleId}/export/annotations.jsonld`)).json();
    await page.goto(`/p/${articleId}`);
    await expect(page.locator("mark.claim-mark").first()).toBeVisible();
    expect(await page.locator("article").evaluate((article) => article.textContent)).toBe(TEXT);
    await inject();
    const claims = annotations.first.items.filter((item: { motivation: string }) => item.motivation === "assessing");
    expectExact(await anchorAll(page, claims));
    await screenshot(page, "anchorable-public-page");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "anchorable-public-page-phone");
    await context.close();
  });

  test("anchors every claim's quote and position exactly on the HTML export", async ({ browser }) => {
    const { page, context, inject } = await anonymousPage(browser, bundle);
    const annotations = await (await page.request.get(`/articles/${articleId}/export/annotations.jsonld`)).json();
    const exported = await (await page.request.get(`/articles/${articleId}/export/html`)).text();
    await page.setContent(exported);
    expect(await page.locator("article").evaluate((article) => article.textContent)).toBe(TEXT);
    await inject();
    const claims = annotations.first.items.filter((item: { motivation: string }) => item.motivation === "assessing");
    expectExact(await anchorAll(page, claims));
    await context.close();
  });
});
