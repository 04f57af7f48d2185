import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, markClaim, newSignedInPage, panel, panelTitle, waitForReader, workflowButton } from "./fixtures";

/**
 * The claim panel's actions answer with what changed, and the reader shows it without
 * rendering the article page again: editing, commenting, adding and removing evidence and
 * each workflow step update the panel, the claim list and the progress, with no request for
 * the page's RSC payload. Another person viewing the article still sees each change (live
 * updates), and the queue and the articles list are right when next visited.
 */

const RUN = Date.now().toString(36).slice(-5);
const SENTENCES = [
  "The council said the new tram line will carry 40,000 passengers a day.",
  "Trams will run every four minutes at peak times.",
];

/** Counts, from now on, the requests that render the article page again (its RSC payload, as router.refresh fetches it). */
function countPageRenders(page: Page, articleId: string) {
  const renders: string[] = [];
  page.on("request", (request) => {
    // A link's prefetch (Next-Router-Prefetch) is not a render of this page.
    const headers = request.headers();
    if (new URL(request.url()).pathname === `/articles/${articleId}` && headers["rsc"] === "1" && !headers["next-router-prefetch"]) renders.push(request.url());
  });
  return renders;
}

/** Waits past the live updates' debounce, so a page render the action caused would have been requested. */
async function settle(page: Page) {
  await page.waitForTimeout(1_000);
}

function stateBadge(page: Page) {
  return panel(page).locator(".claim-panel__badges .state-badge");
}

test("the claim actions update the panel, the list and the progress without rendering the page again; others see each change", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Tram line report (claim actions ${RUN})`;
  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(elena, { content: SENTENCES.join("\n\n"), title, outlet: "Verity claim action tests" });

  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const claimId = await markClaim(ravi, SENTENCES[0], { restatement: `40,000 passengers a day [${RUN}]`, verdict: "MOSTLY_TRUE" });
  // Elena watches the claim while Ravi works on it.
  await elena.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(panel(elena).getByText(/^Marked by /)).toBeVisible();
  // Elena's arrival (a presence event) renders Ravi's page again: the count starts after it.
  await settle(ravi);
  const raviRenders = countPageRenders(ravi, articleId);

  // Editing: the panel and (back in it) the list show the new words.
  const restatement = `About 40,000 passengers a day [${RUN}]`;
  await panel(ravi).getByRole("button", { name: "Edit claim" }).click();
  await panel(ravi).getByLabel("The claim, in your words").fill(restatement);
  await panel(ravi).getByLabel("Rationale").fill("The council's own forecast.");
  await panel(ravi).getByRole("button", { name: "Save changes" }).click();
  await expect(panelTitle(ravi)).toHaveText(restatement);
  await expect(panel(ravi).locator(".rationale")).toHaveText("The council's own forecast.");
  await expect(panelTitle(elena)).toHaveText(restatement);
  await expect(panel(elena).locator(".rationale")).toHaveText("The council's own forecast.");

  // A comment, and evidence added, removed and added again.
  await panel(ravi).getByLabel("Add a comment").fill("Is 40,000 the opening year's figure?");
  await panel(ravi).getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel(ravi).getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(panel(ravi).locator(".comment__body")).toHaveText("Is 40,000 the opening year's figure?");
  await expect(panel(elena).getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await addExternalSource(ravi, { url: "https://example.org/tram-forecast", title: "Tram forecast" });
  await panel(ravi).getByTestId("evidence-item").getByRole("button", { name: "Remove" }).click();
  await expect(panel(ravi).getByRole("heading", { name: "Evidence (0)" })).toBeVisible();
  await expect(panel(elena).getByRole("heading", { name: "Evidence (0)" })).toBeVisible();
  await addExternalSource(ravi, { url: "https://example.org/tram-forecast", title: "Tram forecast" });
  await expect(panel(elena).getByRole("heading", { name: "Evidence (1)" })).toBeVisible();

  // Submitting: the panel's state, the list's badge and the header's progress.
  await workflowButton(ravi, "Submit for review").click();
  await expect(stateBadge(ravi)).toHaveText("Submitted");
  await expect(workflowButton(ravi, "Submit for review")).toHaveCount(0);
  const progress = ravi.locator(".article__header").getByTestId("claim-progress");
  await expect(progress.getByRole("progressbar").locator(".progress-bar__segment.state-SUBMITTED")).toHaveCount(1);
  await expect(stateBadge(elena)).toHaveText("Submitted");
  await panel(ravi).getByRole("button", { name: /All claims/ }).click();
  const item = ravi.getByTestId("claim-item").filter({ hasText: restatement });
  await expect(item.locator(".state-badge")).toHaveText("Submitted");
  await settle(ravi);
  expect(raviRenders, "Ravi's actions rendered the article page again").toEqual([]);

  // The editor approves from the reader: the same, and the queue and the articles list agree when visited.
  const elenaRenders = countPageRenders(elena, articleId);
  await workflowButton(elena, "Approve").click();
  await expect(stateBadge(elena)).toHaveText("Approved");
  await expect(elena.locator(".article__header .claim-progress__summary")).toHaveText("1 of 1 claim approved");
  await expect(ravi.getByTestId("claim-item").filter({ hasText: restatement }).locator(".state-badge")).toHaveText("Approved");
  await settle(elena);
  expect(elenaRenders, "Elena's approval rendered the article page again").toEqual([]);

  await elena.getByRole("link", { name: "Review queue", exact: true }).first().click();
  await expect(elena).toHaveURL(/\/queue$/);
  await expect(elena.getByTestId("queue-item").filter({ hasText: restatement })).toHaveCount(0);
  await elena.goto(`/articles?q=${encodeURIComponent(title)}`);
  const row = elena.getByTestId("article-row").filter({ has: elena.getByRole("link", { name: title, exact: true }) });
  await expect(row.locator(".claim-progress__summary")).toHaveText("1 of 1 claim approved");

  // Reopening from the reader puts it back in the queue.
  await elena.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(panel(elena).getByText(/^Marked by /)).toBeVisible();
  const reopenRenders = countPageRenders(elena, articleId);
  await panel(elena).getByLabel("Why reopen it? (the reviewer sees this)").fill("The forecast was revised.");
  await workflowButton(elena, "Reopen").click();
  await expect(stateBadge(elena)).toHaveText("Submitted");
  await expect(panel(elena).locator(".review-note")).toContainText("The forecast was revised.");
  await settle(elena);
  expect(reopenRenders, "reopening rendered the article page again").toEqual([]);
  await elena.getByRole("link", { name: "Review queue", exact: true }).first().click();
  await expect(elena.getByTestId("queue-item").filter({ hasText: restatement })).toHaveCount(1);
});
