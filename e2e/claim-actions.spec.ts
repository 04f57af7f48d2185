import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, markClaim, newSignedInPage, panel, panelTitle, waitForReader, workflowButton } from "./fixtures";

/**
 * The claim panel's actions (edit, comment, add and remove evidence, a workflow step, delete)
 * answer with what changed, and the reader takes it in without the article page being
 * rendered again: not into the action's answer (what revalidatePath does in a Server Action),
 * and not by a refresh after it (the live stream's echo of the viewer's own write). Someone
 * else viewing the article sees each change through the live stream, and the queue and the
 * articles list show it when visited.
 */

const RUN = Date.now().toString(36).slice(-5);
// The page's RSC tree carries the whole article text: this sentence, far from both claims
// (more than a quote's 32 characters of context away), is in an answer only if the page was.
const MARKER = `Unrelated paragraph ${RUN}: the depot's roof is painted green and nobody disputes that.`;
const SENTENCES = [
  "The council said the new tram line will carry 40,000 passengers a day.",
  "Its second paragraph only separates the claims from the rest of the text.",
  "Trams will run every four minutes at peak times.",
  "A third paragraph keeps the marker well away from any quote's context.",
  MARKER,
];
/** More than any claim's answer (a few KB), less than the article page rendered into one. */
const ANSWER_LIMIT = 12_000;

interface Watched {
  /** The Server Actions' answers: their size, and whether they carry the page's text. */
  answers: { size: number; hasPage: boolean }[];
  /** Renders of the article page after the action: router refreshes (RSC fetches) and page loads. */
  renders: string[];
}

/**
 * Watches the page's requests from now on: what its Server Actions answered (read through a
 * route, which hands the answer on unchanged) and whether the article page was rendered again.
 */
async function watch(page: Page, articleId: string) {
  const watched: Watched = { answers: [], renders: [] };
  const isArticlePage = (url: URL) => url.pathname === `/articles/${articleId}`;
  const onRequest = (request: Request) => {
    const headers = request.headers();
    if (!isArticlePage(new URL(request.url())) || request.method() !== "GET") return;
    // A link's prefetch is not a render of this page.
    if ((headers["rsc"] === "1" && !headers["next-router-prefetch"]) || request.isNavigationRequest()) watched.renders.push(request.url());
  };
  const onAction = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    const body = await response.body();
    watched.answers.push({ size: body.length, hasPage: body.toString("utf8").includes(MARKER) });
    await route.fulfill({ response, body });
  };
  page.on("request", onRequest);
  await page.route(isArticlePage, onAction);
  return {
    async stop(): Promise<Watched> {
      // Past the live stream's debounce, so a refresh the action's echo caused would have been requested.
      await page.waitForTimeout(1_500);
      page.off("request", onRequest);
      await page.unroute(isArticlePage, onAction);
      return watched;
    },
  };
}

/**
 * Runs `act` (ending when the UI shows its change) and checks the article page was not rendered for it
 * (soft: every action's answer is checked and told, not only the first one's).
 */
async function withoutPageRender(page: Page, articleId: string, what: string, act: () => Promise<void>) {
  const watcher = await watch(page, articleId);
  await act();
  const { answers, renders } = await watcher.stop();
  console.log(`${what}: action answers ${answers.map((answer) => `${answer.size} B`).join(", ")}; page renders ${renders.length}`);
  expect(answers.length, `${what}: a Server Action answered`).toBeGreaterThan(0);
  for (const answer of answers) {
    expect.soft(answer.hasPage, `${what}: the action's answer carries the article page`).toBe(false);
    expect.soft(answer.size, `${what}: the action's answer size`).toBeLessThan(ANSWER_LIMIT);
  }
  expect.soft(renders, `${what}: the article page was rendered again`).toEqual([]);
}

function stateBadge(page: Page) {
  return panel(page).locator(".claim-panel__badges .state-badge");
}

test("edit, comment, evidence, submit and delete show their change without rendering the article page; others see each live", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Tram line report (claim actions ${RUN})`;
  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(elena, { content: SENTENCES.join("\n\n"), title, outlet: "Verity claim action tests" });

  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const doomed = `Every four minutes [${RUN}]`;
  const doomedId = await markClaim(ravi, SENTENCES[2], { restatement: doomed });
  await panel(ravi).getByRole("button", { name: /All claims/ }).click();
  const claimId = await markClaim(ravi, SENTENCES[0], { restatement: `40,000 passengers a day [${RUN}]`, verdict: "MOSTLY_TRUE" });

  // Elena watches the claim while Ravi works on it; her arrival (a presence event) refreshes Ravi's page once, before counting starts.
  await elena.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(panel(elena).getByText(/^Marked by /)).toBeVisible();
  await ravi.waitForTimeout(1_500);

  const restatement = `About 40,000 passengers a day [${RUN}]`;
  await withoutPageRender(ravi, articleId, "edit", async () => {
    await panel(ravi).getByRole("button", { name: "Edit claim" }).click();
    await panel(ravi).getByLabel("The claim, in your words").fill(restatement);
    await panel(ravi).getByLabel("Verdict").selectOption("TRUE");
    await panel(ravi).getByLabel("Rationale").fill("The council's own forecast.");
    await panel(ravi).getByRole("button", { name: "Save changes" }).click();
    await expect(panelTitle(ravi)).toHaveText(restatement);
    await expect(panel(ravi).locator(".rationale")).toHaveText("The council's own forecast.");
  });
  await expect(panelTitle(elena)).toHaveText(restatement);
  await expect(panel(elena).locator(".rationale")).toHaveText("The council's own forecast.");

  await withoutPageRender(ravi, articleId, "comment", async () => {
    await panel(ravi).getByLabel("Add a comment").fill("Is 40,000 the opening year's figure?");
    await panel(ravi).getByRole("button", { name: "Comment", exact: true }).click();
    await expect(panel(ravi).getByRole("heading", { name: "Comments (1)" })).toBeVisible();
    await expect(panel(ravi).locator(".comment__body")).toHaveText("Is 40,000 the opening year's figure?");
  });
  await expect(panel(elena).getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(panel(elena).locator(".comment__body")).toHaveText("Is 40,000 the opening year's figure?");

  await withoutPageRender(ravi, articleId, "add evidence", () => addExternalSource(ravi, { url: "https://example.org/tram-forecast", title: "Tram forecast" }));
  await expect(panel(elena).getByRole("heading", { name: "Evidence (1)" })).toBeVisible();

  await withoutPageRender(ravi, articleId, "remove evidence", async () => {
    await panel(ravi).getByTestId("evidence-item").getByRole("button", { name: "Remove" }).click();
    await expect(panel(ravi).getByRole("heading", { name: "Evidence (0)" })).toBeVisible();
  });
  await expect(panel(elena).getByRole("heading", { name: "Evidence (0)" })).toBeVisible();

  await withoutPageRender(ravi, articleId, "add evidence again", () => addExternalSource(ravi, { url: "https://example.org/tram-forecast", title: "Tram forecast" }));
  await expect(panel(elena).getByRole("heading", { name: "Evidence (1)" })).toBeVisible();

  // Submitting: the panel's state and buttons, the header's progress, and (back in it) the list's row.
  const raviProgress = ravi.locator(".article__header").getByTestId("claim-progress");
  await withoutPageRender(ravi, articleId, "submit", async () => {
    await workflowButton(ravi, "Submit for review").click();
    await expect(stateBadge(ravi)).toHaveText("Submitted");
    await expect(workflowButton(ravi, "Submit for review")).toHaveCount(0);
    await expect(raviProgress.locator(".progress-bar__segment.state-SUBMITTED")).toHaveCount(1);
  });
  await expect(stateBadge(elena)).toHaveText("Submitted");
  await panel(ravi).getByRole("button", { name: /All claims/ }).click();
  const row = ravi.getByTestId("claim-item").filter({ hasText: restatement });
  await expect(row.locator(".state-badge")).toHaveText("Submitted");
  await expect(row).toContainText("1 comment");

  // Deleting the other claim: gone from Ravi's list, highlights and progress, and from Elena's.
  await ravi.getByTestId("claim-item").filter({ hasText: doomed }).click();
  await expect(panelTitle(ravi)).toHaveText(doomed);
  await expect(panel(ravi).getByText(/^Marked by /)).toBeVisible();
  const doomedMarker = ravi.locator(`.ProseMirror [data-claim="${doomedId}"]`);
  await expect(doomedMarker).toHaveCount(1);
  await withoutPageRender(ravi, articleId, "delete", async () => {
    ravi.once("dialog", (dialog) => void dialog.accept());
    await panel(ravi).getByRole("button", { name: "Delete claim" }).click();
    await expect(ravi.getByTestId("claim-item")).toHaveCount(1);
    await expect(ravi.getByTestId("claim-item").filter({ hasText: doomed })).toHaveCount(0);
    await expect(doomedMarker).toHaveCount(0);
    await expect(raviProgress.locator(".claim-progress__summary")).toHaveText("0 of 1 claim approved");
  });
  const elenaProgress = elena.locator(".article__header").getByTestId("claim-progress");
  await expect(elenaProgress.locator(".claim-progress__summary")).toHaveText("0 of 1 claim approved");

  // The other pages read the changes when visited: the queue has the submitted claim, the articles list its progress.
  await elena.getByRole("link", { name: "Review queue", exact: true }).first().click();
  await expect(elena).toHaveURL(/\/queue$/);
  await expect(elena.getByTestId("queue-item").filter({ hasText: restatement })).toHaveCount(1);
  await elena.goto(`/articles?q=${encodeURIComponent(title)}`);
  const articleRow = elena.getByTestId("article-row").filter({ has: elena.getByRole("link", { name: title, exact: true }) });
  await expect(articleRow.locator(".claim-progress__summary")).toHaveText("0 of 1 claim approved");
  await expect(articleRow.getByText(/1\s+submitted/)).toBeVisible();
});
