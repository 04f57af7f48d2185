import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  EDITOR,
  REVIEWER,
  addExternalSource,
  importArticle,
  markClaim,
  newSignedInPage,
  panel,
  panelTitle,
  waitForReader,
  workflowButton,
} from "./fixtures";

/**
 * Keyboard-only use: the review loop (mark, rate, add evidence, edit, submit, approve,
 * request changes) driven by keys alone. After every step the focus is somewhere sensible
 * (never the page's body) and shows a ring that meets WCAG 2.2's focus appearance: an
 * outline at least 2 CSS px thick with at least 3:1 contrast against what it covers.
 */

const RUN = Date.now().toString(36).slice(-5);

/** What has the focus, and how its ring looks against the background around it. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const rgba = (css: string) => css.match(/[\d.]+/g)!.map(Number);
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    // The outline (drawn outside the element, past its offset) covers its parent's background.
    let background = [255, 255, 255];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour.length < 4 || colour[3] === 1) {
        background = colour;
        break;
      }
    }
    const style = getComputedStyle(element);
    const [lighter, darker] = [luminance(rgba(style.outlineColor)), luminance(background)].sort((a, b) => b - a);
    return {
      element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className ? `.${String(element.className).split(" ")[0]}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
      width: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
      contrast: (lighter + 0.05) / (darker + 0.05),
    };
  });
}

/** The focus is on `target` (not the body) and its ring is visible. */
async function expectFocusOn(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  await expectVisibleRing(page);
}

/** Something other than the body has the focus, with a ring at least 2px thick and 3:1 against its background. */
async function expectVisibleRing(page: Page) {
  await expect
    .poll(async () => {
      const ring = await focusRing(page);
      if (!ring) return "the focus is on the page's body";
      if (ring.width < 2 || ring.contrast < 3) return `${ring.element} has a ${ring.width}px ring with ${ring.contrast.toFixed(2)}:1 contrast`;
      return "visible";
    }, { message: "the focused element shows its focus ring" })
    .toBe("visible");
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; every stop on the way shows its ring. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press(key);
    await expectVisibleRing(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached the target`);
}

test("a keyboard-only review loop never loses the focus, and the focus is always visible", async ({ browser }) => {
  test.setTimeout(120_000);
  const sentences = [
    `Ferry fares rose 8 percent in January (${RUN}).`,
    "The harbour ferry carried 1.2 million passengers last year, a record for the service.",
  ];
  const restatement = `Ferry fares rose 8 percent [${RUN}]`;
  const rationale = "The operator's fare table for January says so.";

  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(elena, {
    content: sentences.join("\n\n"),
    title: `Harbour ferry fares (keyboard ${RUN})`,
    outlet: "Verity keyboard tests",
  });

  // A claim already in the queue behind the one marked below (set up with the mouse).
  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const earlier = `The ferry carried a record 1.2 million passengers [${RUN}]`;
  await markClaim(ravi, sentences[1], { restatement: earlier, verdict: "TRUE", rationale: "The annual report says so." });
  await addExternalSource(ravi, { url: "https://example.org/annual-report", title: `Annual report ${RUN}` });
  await workflowButton(ravi, "Submit for review").click();
  await expect(panel(ravi).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");

  // From here on, keys only. Into the article text with Tab: it shows that it has the focus.
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const text = ravi.locator(".ProseMirror");
  await tabTo(ravi, text);

  // Select the first sentence and mark it.
  await ravi.keyboard.press("Control+Home");
  await ravi.keyboard.press("Shift+End");
  await expect(ravi.locator(".selection-tools")).toBeVisible();
  await ravi.keyboard.press("m");
  const form = ravi.getByRole("form", { name: "Mark a claim" });
  await expectFocusOn(ravi, form.getByLabel("The claim, in your words"));

  // An empty claim is refused: the focus goes to the field that says why.
  await ravi.keyboard.press("Control+a");
  await ravi.keyboard.press("Delete");
  await tabTo(ravi, form.getByRole("button", { name: "Save claim" }));
  await ravi.keyboard.press("Enter");
  await expect(form.locator("#claim-restatement-error")).toBeVisible();
  await expectFocusOn(ravi, form.getByLabel("The claim, in your words"));

  // Rate it and save: the focus goes to the saved claim's heading.
  await ravi.keyboard.type(restatement);
  await ravi.keyboard.press("Tab");
  await expectFocusOn(ravi, form.getByLabel("Verdict"));
  await ravi.keyboard.press("ArrowDown"); // the first verdict of the scale
  await ravi.keyboard.press("Tab");
  await ravi.keyboard.type(rationale);
  await tabTo(ravi, form.getByRole("button", { name: "Save claim" }));
  await ravi.keyboard.press("Enter");
  await expect(panelTitle(ravi)).toHaveText(restatement);
  await expect(panel(ravi).getByText(/^Marked by /)).toBeVisible();
  await expectFocusOn(ravi, panelTitle(ravi));

  // Add evidence: an empty source is refused with the focus on its first wrong field; a
  // complete one is added, and the focus goes to the evidence's heading with its new count.
  const claimPanel = panel(ravi);
  await tabTo(ravi, claimPanel.locator("summary", { hasText: "Add an external source" }));
  await ravi.keyboard.press("Enter");
  await tabTo(ravi, claimPanel.getByRole("button", { name: "Add source" }));
  await ravi.keyboard.press("Enter");
  await expect(claimPanel.locator("#external-url-error")).toBeVisible();
  await expectFocusOn(ravi, claimPanel.getByLabel("URL"));
  await ravi.keyboard.type("https://example.org/fares");
  await ravi.keyboard.press("Tab");
  await ravi.keyboard.type(`Fare table ${RUN}`);
  await tabTo(ravi, claimPanel.getByRole("button", { name: "Add source" }));
  await ravi.keyboard.press("Enter");
  await expectFocusOn(ravi, claimPanel.getByRole("heading", { name: "Evidence (1)" }));

  // A comment: the focus goes to the comments' heading with their new count.
  await tabTo(ravi, claimPanel.getByLabel("Add a comment"));
  await ravi.keyboard.type(`Fare table checked against the January notice (${RUN}).`);
  await tabTo(ravi, claimPanel.getByRole("button", { name: "Comment", exact: true }));
  await ravi.keyboard.press("Enter");
  await expectFocusOn(ravi, claimPanel.getByRole("heading", { name: "Comments (1)" }));

  // Edit the claim: the form takes the focus; saving brings it back to the claim's heading.
  await tabTo(ravi, claimPanel.getByRole("button", { name: "Edit claim" }), "Shift+Tab");
  await ravi.keyboard.press("Enter");
  await expectFocusOn(ravi, claimPanel.getByLabel("The claim, in your words"));
  await tabTo(ravi, claimPanel.getByLabel("Rationale"));
  await ravi.keyboard.press("Control+End");
  await ravi.keyboard.type(" Checked twice.");
  await tabTo(ravi, claimPanel.getByRole("button", { name: "Save changes" }));
  await ravi.keyboard.press("Enter");
  await expect(claimPanel.locator(".rationale")).toHaveText(`${rationale} Checked twice.`);
  await expectFocusOn(ravi, panelTitle(ravi));

  // Submit: the focus stays on the claim, now submitted.
  await tabTo(ravi, workflowButton(ravi, "Submit for review"));
  await ravi.keyboard.press("Enter");
  await expect(claimPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  await expectFocusOn(ravi, panelTitle(ravi));

  // Escape closes the claim: the focus goes to the claim's own item in the list that takes its place.
  await ravi.keyboard.press("Escape");
  await expect(claimPanel).toHaveCount(0);
  await expectFocusOn(ravi, ravi.getByTestId("claim-item").filter({ hasText: restatement }));

  // The editor's queue, this article's claims, oldest first. J moves to the first claim (A
  // approves only a claim the editor moved to); A approves it and the focus moves to the next.
  await elena.goto(`/queue?article=${articleId}`);
  const items = elena.getByTestId("queue-item");
  await expect(items.locator(".queue-item__claim")).toHaveText([earlier, restatement]);
  await elena.keyboard.press("j");
  await expectFocusOn(elena, items.first());
  await elena.keyboard.press("a");
  await expect(items.locator(".queue-item__claim")).toHaveText([restatement]);
  await expectFocusOn(elena, items.first());

  // R: the note is asked for; an empty note is refused with the focus on it; with a note the
  // claim goes back to its reviewer and the focus to the queue's end.
  await elena.keyboard.press("r");
  const note = items.first().getByLabel("What should change?", { exact: false });
  await expectFocusOn(elena, note);
  await tabTo(elena, items.first().getByRole("button", { name: "Request changes", exact: true }));
  await elena.keyboard.press("Enter");
  await expect(items.first().locator(".field-error")).toBeVisible();
  await expectFocusOn(elena, note);
  await elena.keyboard.type(`Which fare table? (${RUN})`);
  await tabTo(elena, items.first().getByRole("button", { name: "Request changes", exact: true }));
  await elena.keyboard.press("Enter");
  await expect(items).toHaveCount(0);
  await expectFocusOn(elena, elena.getByTestId("queue-empty"));
});
