import { expect, test, type Page } from "@playwright/test";
import { addExternalSource, EDITOR, importArticle, markClaim, newSignedInPage, panel, REVIEWER, screenshot, waitForReader, workflowButton } from "./fixtures";

/**
 * A new version of an article (issue 15): the editor pastes the outlet's updated text, the
 * review screen shows a moved claim, a changed claim (old and new words) and an orphaned
 * one; confirming makes the version current, sends the changed and orphaned claims back to
 * their reviewer, and keeps the old version readable. The test imports its own article.
 */

const RUN = Date.now().toString(36);
const TITLE = `Ferry link upgrade ${RUN}`;
const PARAGRAPHS = [
  "The regional council approved a new ferry link on Monday.",
  "Officials said the upgrade will cost 40 million euros over five years.",
  "The old terminal will close in March while the quay is rebuilt.",
  "Local traders warned that parking near the harbour is already scarce.",
];
const VERSION_2 = [
  TITLE,
  "Local traders warned that parking near the harbour is already scarce.",
  "The regional council approved a new ferry link on Monday.",
  "Officials said the upgrade will cost 55 million euros over five years.",
].join("\n");

const CHANGED = "the upgrade will cost 40 million euros";
const MOVED = "parking near the harbour is already scarce";
const ORPHANED = "The old terminal will close in March";

function claimItem(page: Page, restatement: string) {
  return page.getByTestId("claim-item").filter({ hasText: restatement });
}

test("a new version: moved, changed and orphaned claims reviewed, confirmed, sent back; the old version stays readable", async ({ browser }) => {
  const editor = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(editor, { content: [TITLE, ...PARAGRAPHS].join("\n"), outlet: "Harbour Herald" });

  // The reviewer marks three claims and submits the one about the cost.
  const reviewer = await newSignedInPage(browser, REVIEWER);
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  await markClaim(reviewer, CHANGED, { restatement: `Cost ${RUN}`, verdict: "MOSTLY_TRUE", rationale: "The budget says 40 million." });
  await addExternalSource(reviewer, { url: "https://example.org/budget", title: "Council budget" });
  await workflowButton(reviewer, "Submit for review").click();
  await expect(panel(reviewer).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  await markClaim(reviewer, MOVED, { restatement: `Parking ${RUN}` });
  await markClaim(reviewer, ORPHANED, { restatement: `Terminal ${RUN}` });

  // The editor brings in the outlet's new text and reviews it.
  await editor.goto(`/articles/${articleId}/versions`);
  await editor.getByRole("link", { name: "Bring in a new version" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`New version of “${TITLE}”`);
  await editor.getByLabel("Paste the updated article").fill(VERSION_2);
  await editor.getByLabel("Format").selectOption("TEXT");
  await editor.getByLabel("Updated by the outlet on").fill("2026-11-30");
  await editor.getByRole("button", { name: "Review changes" }).click();
  const review = editor.getByRole("region", { name: "Review" });
  await expect(review.getByRole("status")).toHaveText("Version 2: 33 words. 2 claims go back to the reviewer.");
  const changed = review.getByTestId("review-changed");
  await expect(changed).toContainText(`Cost ${RUN}`);
  await expect(changed).toContainText("Submitted → Changes requested");
  await expect(changed.locator("del")).toHaveText(["[removed: 40]"]);
  await expect(changed.locator("ins")).toHaveText(["[added: 55]"]);
  const orphaned = review.getByTestId("review-orphaned");
  await expect(orphaned).toContainText(`Terminal ${RUN}`);
  await expect(orphaned).toContainText(`“${ORPHANED}”`);
  await expect(orphaned).toContainText("Why: its words are no longer in the article");
  await expect(review.getByTestId("review-moved")).toContainText(`Parking ${RUN}`);
  await screenshot(editor, "version-review");
  await editor.setViewportSize({ width: 390, height: 844 });
  await screenshot(editor, "version-review-phone");
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await editor.setViewportSize({ width: 1280, height: 800 });

  await editor.getByRole("button", { name: "Confirm version 2" }).click();
  await expect(editor).toHaveURL(new RegExp(`/articles/${articleId}/versions/2\\?confirmed=1$`));
  await expect(editor.getByRole("status")).toContainText("Version 2 is now the article’s text.");
  await expect(editor.getByTestId("version-notice")).toContainText("Version 2 (current) · Updated by the outlet on 30 Nov 2026");
  const diff = editor.getByTestId("version-diff");
  await expect(diff.locator("ins").filter({ hasText: "55" })).toHaveCount(1);
  await expect(diff.locator("del").filter({ hasText: "The old terminal will close in March" })).toHaveCount(1);
  await screenshot(editor, "version-changes");

  // The reader names the update; the claims are where the new text has them, or sent back.
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  await expect(reviewer.getByTestId("version-notice")).toHaveText("updated by the outlet on 30 Nov 2026");
  await expect(reviewer.locator(".ProseMirror")).toContainText("55 million euros");
  await expect(claimItem(reviewer, `Cost ${RUN}`).locator(".state-badge")).toHaveText("Changes requested");
  await expect(claimItem(reviewer, `Terminal ${RUN}`)).toContainText("text not found");
  await expect(claimItem(reviewer, `Parking ${RUN}`)).not.toContainText("text not found");
  await claimItem(reviewer, `Parking ${RUN}`).click();
  await expect(panel(reviewer)).toContainText(MOVED);
  await reviewer.goto("/home");
  await expect(reviewer.getByTestId("notification").filter({ hasText: `Cost ${RUN}` })).toContainText("Version 2 of the article changed the words this claim quotes");
  await expect(reviewer.getByTestId("notification").filter({ hasText: `Terminal ${RUN}` })).toContainText("no longer has the words this claim quotes");

  // The old version is readable, read-only.
  await reviewer.goto(`/articles/${articleId}/versions`);
  await reviewer.getByRole("link", { name: "Version 1" }).click();
  await expect(reviewer.getByTestId("version-notice")).toContainText("Version 1 (an earlier version: read only) · As imported");
  await expect(reviewer.getByRole("article", { name: "Version 1" })).toContainText("The old terminal will close in March while the quay is rebuilt.");
  await expect(reviewer.getByRole("article", { name: "Version 1" }).locator("[contenteditable=true]")).toHaveCount(0);
  await screenshot(reviewer, "version-old");

  // From 360 px up, no page of versions scrolls sideways.
  for (const width of [360, 390]) {
    for (const [page, path] of [
      [reviewer, "versions"],
      [reviewer, "versions/1"],
      [editor, "versions/2"],
      [editor, "versions/new"],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/articles/${articleId}/${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect([path, width, await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)]).toEqual([path, width, 0]);
    }
  }
  await screenshot(editor, "version-new-phone");
  await screenshot(reviewer, "version-old-phone");
});
