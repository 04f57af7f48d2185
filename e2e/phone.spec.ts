import { expect, test, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  addExternalSource,
  importArticle,
  markClaim,
  newSignedInPage,
  openSavedExport,
  panel,
  rangeOf,
  waitForReader,
  workflowButton, approveAndPublish } from "./fixtures";

/**
 * Narrow screens: every page fits from 360 px up with no sideways scrolling, the header folds
 * into a menu, the claims panel becomes a sheet over the text, and "Mark claim" never covers
 * the selected words or the words after them.
 *
 * The data is real and made here (the e2e database is shared with the other spec files): an
 * article with two claims, one waiting in the queue and one approved on the published page.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Harbour expansion to double cargo capacity by 2030, says the port authority (${RUN})`;
const LONG_PARAGRAPH =
  "The port authority said on Tuesday that the harbour expansion would double cargo capacity by 2030, " +
  "creating four thousand jobs in the region and cutting lorry traffic through the old town by a third, " +
  "according to figures it published alongside the plans, which critics say rely on optimistic forecasts " +
  "of trade with the continent and leave out the cost of dredging the approach channel every few years.";
const PARAGRAPHS = [
  LONG_PARAGRAPH,
  "Opposition councillors said the estimate of £240 million was half what similar projects had cost elsewhere.",
  "Residents' groups have asked for the full business case to be published: https://harbour-authority.example/consultations/2030-expansion/business-case-appendix-b-traffic-modelling.pdf",
];
const QUEUED = { text: "creating four thousand jobs in the region", restatement: `The expansion creates 4,000 jobs [${RUN}]` };
const APPROVED = { text: "half what similar projects had cost elsewhere", restatement: `The estimate is half the usual cost [${RUN}]` };
const WIDTHS = [360, 390, 768];

/** How many pixels the page is wider than the window, and the elements that stick out (to say what to fix). */
async function overflow(page: Page) {
  // Measured once the page has laid out again at the new width (fonts loaded, two frames drawn).
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  return page.evaluate(() => {
    const extra = document.documentElement.scrollWidth - window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(-3)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> “${(element.textContent ?? "").trim().slice(0, 80)}” in <${element.parentElement?.tagName.toLowerCase()} class="${element.parentElement?.getAttribute("class") ?? ""}">`);
    return { extra, culprits };
  });
}

async function submitClaim(page: Page, claim: { text: string; restatement: string }) {
  const id = await markClaim(page, claim.text, { restatement: claim.restatement, verdict: "MOSTLY_FALSE", rationale: `Checked against the plans (${RUN}).` });
  await addExternalSource(page, { url: "https://harbour-authority.example/plans", title: `Expansion plans ${RUN}`, excerpt: "Capacity rises to 2.1 million containers." });
  await workflowButton(page, "Submit for review").click();
  await expect(panel(page).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  return id;
}

test.describe.serial("narrow screens", () => {
  let articleId = "";
  let editor: Page;
  let reviewer: Page;
  let admin: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, {
      content: PARAGRAPHS.join("\n\n"),
      title: TITLE,
      outlet: "The Coastal Gazette",
      url: "https://coastal-gazette.example/news/2026/harbour-expansion-to-double-cargo-capacity-by-2030",
    });

    reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    await submitClaim(reviewer, QUEUED);
    const approved = await submitClaim(reviewer, APPROVED);

    await approveAndPublish(editor, articleId, approved);

    admin = await newSignedInPage(browser, ADMIN);
  });

  test.afterAll(async () => {
    for (const page of [editor, reviewer, admin]) await page?.context().close();
  });

  test("every page fits the screen at 360, 390 and 768 px, with no sideways scrolling", async ({ browser }) => {
    test.setTimeout(180_000);
    const anonymous = await (await browser.newContext()).newPage();
    const visit = (url: string, ready: (page: Page) => Promise<void>) => async (page: Page) => {
      await page.goto(url);
      await ready(page);
    };
    const pages: { name: string; page: Page; open: (page: Page) => Promise<void> }[] = [
      { name: "login", page: anonymous, open: visit("/login", (p) => expect(p.getByRole("button", { name: "Sign in" })).toBeVisible()) },
      { name: "public page", page: anonymous, open: visit(`/p/${articleId}`, (p) => expect(p.locator(".claim-entry")).toHaveCount(1)) },
      { name: "not found", page: anonymous, open: visit("/no-such-page", (p) => expect(p.getByRole("heading", { name: "Page not found" })).toBeVisible()) },
      { name: "my work", page: reviewer, open: visit("/home", (p) => expect(p.getByText(QUEUED.restatement).first()).toBeVisible()) },
      { name: "articles", page: editor, open: visit("/articles", (p) => expect(p.getByRole("link", { name: TITLE })).toBeVisible()) },
      { name: "reader", page: reviewer, open: visit(`/articles/${articleId}`, waitForReader) },
      { name: "import", page: editor, open: visit("/articles/import", (p) => expect(p.getByLabel("Paste the article")).toBeVisible()) },
      { name: "search", page: editor, open: visit("/search?q=harbour+expansion", (p) => expect(p.getByTestId("search-hit").first()).toBeVisible()) },
      { name: "queue", page: editor, open: visit("/queue", (p) => expect(p.getByText(QUEUED.restatement)).toBeVisible()) },
      { name: "admin users", page: admin, open: visit("/admin/users", (p) => expect(p.getByRole("region", { name: "Create a user" })).toBeVisible()) },
      {
        name: "article not found",
        page: editor,
        open: visit("/articles/no-such-article", (p) => expect(p.getByRole("heading", { name: "Page not found" })).toBeVisible()),
      },
      {
        // A download: opened the way a browser opens the saved file.
        name: "HTML export",
        page: anonymous,
        open: async (page) => {
          const response = await editor.request.get(`/articles/${articleId}/export/html`);
          expect(response.status()).toBe(200);
          await openSavedExport(page, await response.text());
          await expect(page.getByText(APPROVED.restatement).first()).toBeVisible();
        },
      },
    ];
    const tooWide: string[] = [];
    for (const { name, page, open } of pages) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const { extra, culprits } = await overflow(page);
        if (extra > 0) tooWide.push(`${name} at ${width} px: ${extra} px too wide (${culprits.join("; ")})`);
      }
    }
    expect(tooWide).toEqual([]);
    await anonymous.context().close();
  });

  test("the header folds into a menu on a phone, opened and closed from the keyboard", async () => {
    const page = reviewer;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/articles");
    const menu = page.getByRole("button", { name: "Menu" });
    const myWork = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" });
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(myWork).toBeHidden();
    await expect(signOut).toBeHidden();

    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab"); // the brand
    await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    // The focus ring shows (the browser's own :focus-visible, after a key).
    expect(await menu.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(myWork).toBeVisible();
    await expect(signOut).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(REVIEWER.name);
    expect((await overflow(page)).extra).toBeLessThanOrEqual(0);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" })).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(myWork).toBeHidden();

    // A link in the menu takes you there and folds the menu away.
    await menu.click();
    await myWork.click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // On a wide screen everything is in the header, and there is no menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(menu).toBeHidden();
    await expect(myWork).toBeVisible();
    await expect(signOut).toBeVisible();
  });

  test("on a phone the claims open in a sheet over the text, from the Claims button and from a highlight", async () => {
    const page = reviewer;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`/articles/${articleId}`);
    await waitForReader(page);
    const sheet = page.getByRole("complementary", { name: "Claims" });
    const claimsButton = page.getByRole("button", { name: /^Claims/ });
    await expect(sheet).toBeHidden();
    await expect(claimsButton).toHaveAttribute("aria-expanded", "false");

    // From the Claims button, with the keyboard: the focus goes into the sheet and back.
    await claimsButton.focus();
    await page.keyboard.press("Enter");
    await expect(sheet).toBeVisible();
    await expect(claimsButton).toHaveAttribute("aria-expanded", "true");
    await expect(sheet.getByText(QUEUED.restatement)).toBeVisible();
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(box.y).toBeGreaterThan(0); // over the text, not covering all of it
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(claimsButton).toBeFocused();

    // From a highlight: the claim opens in the sheet; its Close button puts the focus back in the text.
    const highlight = page.locator(".hl-claim").filter({ hasText: "four thousand jobs" }).first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    await expect(sheet).toBeVisible();
    await expect(panel(page).locator("#claim-panel-title")).toHaveText(QUEUED.restatement);
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect((await overflow(page)).extra).toBeLessThanOrEqual(0);
    await sheet.getByRole("button", { name: "Close", exact: true }).click();
    await expect(sheet).toBeHidden();
    await expect(page.locator(".ProseMirror")).toBeFocused();

    // On a wide screen the claims sit beside the text, with no Claims button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(sheet).toBeVisible();
    await expect(claimsButton).toBeHidden();
  });

  test("'Mark claim' covers neither the selected words nor the words after them, at every width", async () => {
    const page = reviewer;
    await page.goto(`/articles/${articleId}`);
    await waitForReader(page);
    const selected = "would double cargo capacity by 2030";
    for (const width of [360, 768, 1280]) {
      for (const where of ["middle", "top"] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.locator(".ProseMirror").focus();
        await rangeOf(page, selected);
        const measured = await page.evaluate((where) => {
          const range = (window as unknown as { __range: Range }).__range;
          // The middle of the screen, or the selection's first line at the very top of it.
          const top = range.getBoundingClientRect().top;
          window.scrollBy(0, where === "top" ? top - 2 : top - window.innerHeight / 2);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          // The rest of the paragraph after the selection, over the following lines.
          const after = document.createRange();
          after.setStart(range.endContainer, range.endOffset);
          const paragraph = (range.endContainer.parentElement as HTMLElement).closest("p")!;
          after.setEndAfter(paragraph.lastChild!);
          const rects = (r: Range) => [...r.getClientRects()].filter((rect) => rect.width > 0).map(({ left, right, top, bottom }) => ({ left, right, top, bottom }));
          return { selection: rects(range), after: rects(after) };
        }, where);
        const tools = page.locator(".selection-tools");
        await expect(tools).toBeVisible();
        const box = (await tools.boundingBox())!;
        const covers = (rect: { left: number; right: number; top: number; bottom: number }) =>
          box.x < rect.right && rect.left < box.x + box.width && box.y < rect.bottom && rect.top < box.y + box.height;
        const label = `at ${width} px, selection at the ${where} of the screen`;
        expect(measured.selection.filter(covers), `${label}: the selected words`).toEqual([]);
        // With room above the selection, the tools go there and leave all the following words free;
        // at the top of the screen they go below its last line, clear of the words after it on that line.
        const lastLine = measured.selection[measured.selection.length - 1];
        const after = where === "middle" ? measured.after : measured.after.filter((rect) => rect.top < lastLine.bottom);
        expect(after.length, `${label}: words follow the selection`).toBeGreaterThan(0);
        expect(after.filter(covers), `${label}: the words after the selection`).toEqual([]);
        expect(box.x, `${label}: inside the screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${label}: inside the screen`).toBeLessThanOrEqual(width);
        expect(box.y, `${label}: inside the screen`).toBeGreaterThanOrEqual(0);
        await page.evaluate(() => window.getSelection()!.collapseToEnd());
        await expect(tools).toBeHidden();
      }
    }
  });
});
