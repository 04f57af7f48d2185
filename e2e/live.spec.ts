import { expect, test, type Page } from "@playwright/test";
import { ADMIN, EDITOR, REVIEWER, importArticle, markClaim, newSignedInPage, panel, panelTitle, screenshot, waitForReader } from "./fixtures";

/**
 * Live updates (issue 17): two people at two computers on one article. What one marks
 * appears in the other's reader without a reload; an edit form open in one is not
 * overwritten by the other's save ("Changed by …", the typed text kept, the new values
 * offered); each sees who else is viewing and who is editing a claim.
 */

const RUN = Date.now().toString(36).slice(-5);

// Three or four signed-in browsers each: more than the default minute on a loaded machine.
test.setTimeout(180_000);

const PARAGRAPHS = [
  `The regional airport handled 3.2 million passengers last year (${RUN}).`,
  "The operator says a second runway would double that by 2035.",
  "Local residents have filed 1,400 noise complaints since January.",
];

async function openReader(page: Page, articleId: string, claimId?: string) {
  await page.goto(`/articles/${articleId}${claimId ? `?claim=${claimId}` : ""}`);
  await waitForReader(page);
  if (claimId) await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
}

test("a claim marked in one browser appears in the other's reader, and each sees the other viewing", async ({ browser }) => {
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Airport growth ${RUN}`;
  const articleId = await importArticle(elena, { content: [...PARAGRAPHS, `Filed as “${title}”.`].join("\n\n"), title, outlet: "Verity live tests" });
  const ravi = await newSignedInPage(browser, REVIEWER);
  await openReader(ravi, articleId);
  await openReader(elena, articleId);

  // Presence: each sees the other in the article's header, by name.
  await expect(ravi.getByTestId("presence")).toContainText(`Also viewing: ${EDITOR.name}`);
  await expect(elena.getByTestId("presence")).toContainText(`Also viewing: ${REVIEWER.name}`);
  await screenshot(ravi, "live-presence", false);

  const restatement = `Passenger numbers reached 3.2 million [live-${RUN}].`;
  const claimId = await markClaim(ravi, "3.2 million passengers", { restatement, verdict: "MOSTLY_TRUE" });
  // Without a reload: the claim list and the highlight in Elena's reader.
  const item = elena.getByTestId("claim-item").filter({ hasText: restatement });
  await expect(item).toBeVisible({ timeout: 5_000 });
  await expect(elena.locator(`.hl-marker[data-claim="${claimId}"]`)).toHaveCount(1);
  await screenshot(elena, "live-claim-appeared", false);

  // Ravi leaves: Elena's header no longer shows him.
  await ravi.context().close();
  await expect(elena.getByTestId("presence")).toHaveCount(0, { timeout: 5_000 });
  await elena.context().close();
});

test("an open edit form is not overwritten by another's save: it says who changed the claim and keeps the typed text", async ({ browser }) => {
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Airport noise ${RUN}`;
  const articleId = await importArticle(elena, { content: [...PARAGRAPHS, `Filed as “${title}”.`].join("\n\n"), title, outlet: "Verity live tests" });
  const ravi = await newSignedInPage(browser, REVIEWER);
  await openReader(ravi, articleId);
  const restatement = `Residents filed 1,400 complaints [live-${RUN}].`;
  const claimId = await markClaim(ravi, "1,400 noise complaints", { restatement, verdict: "TRUE", rationale: "The council's log." });
  await ravi.context().close();

  const avery = await newSignedInPage(browser, ADMIN);
  await openReader(avery, articleId, claimId);
  await openReader(elena, articleId, claimId);
  const elenaPanel = panel(elena);
  await elenaPanel.getByRole("button", { name: "Edit claim" }).click();
  const typed = "The council's complaint log, January to June, as typed by Elena.";
  await elenaPanel.getByLabel("Rationale").fill(typed);
  // Avery sees that Elena is editing this claim.
  const averyPanel = panel(avery);
  await expect(averyPanel.getByTestId("live-editing")).toHaveText(`${EDITOR.name} is editing this claim`, { timeout: 5_000 });
  await screenshot(avery, "live-someone-editing", false);

  // Avery saves a new restatement.
  await averyPanel.getByRole("button", { name: "Edit claim" }).click();
  const changed = `Residents filed about 1,400 complaints [live-${RUN}].`;
  await averyPanel.getByLabel("The claim, in your words").fill(changed);
  await averyPanel.getByRole("button", { name: "Save changes" }).click();
  await expect(panelTitle(avery)).toHaveText(changed);

  // Elena's form is still open with what she typed, and says who changed the claim.
  const notice = elenaPanel.getByTestId("changed-meanwhile");
  await expect(notice).toContainText(`Changed by ${ADMIN.name} just now`, { timeout: 5_000 });
  await expect(elenaPanel.getByLabel("Rationale")).toHaveValue(typed);
  await expect(panelTitle(elena)).toHaveText(changed);
  await screenshot(elena, "live-changed-under-form", false);

  // Loading the new values keeps her rationale and takes Avery's restatement; then it saves.
  await notice.getByRole("button", { name: /Load the new values/ }).click();
  await expect(elenaPanel.getByLabel("The claim, in your words")).toHaveValue(changed);
  await expect(elenaPanel.getByLabel("Rationale")).toHaveValue(typed);
  await elenaPanel.getByRole("button", { name: "Save changes" }).click();
  await expect(elenaPanel.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(elenaPanel.locator(".rationale")).toHaveText(typed);
  await expect(panelTitle(elena)).toHaveText(changed);
  await elena.context().close();
  await avery.context().close();
});

test("saving a form that kept the old version is still refused as a conflict, with the typed text kept", async ({ browser }) => {
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Airport runway ${RUN}`;
  const articleId = await importArticle(elena, { content: [...PARAGRAPHS, `Filed as “${title}”.`].join("\n\n"), title, outlet: "Verity live tests" });
  const claimId = await markClaim(elena, "double that by 2035", { restatement: `A second runway doubles traffic [live-${RUN}].` });
  const avery = await newSignedInPage(browser, ADMIN);
  await openReader(avery, articleId, claimId);
  await panel(elena).getByRole("button", { name: "Edit claim" }).click();
  await panel(elena).getByLabel("Rationale").fill("Elena's rationale.");

  await panel(avery).getByRole("button", { name: "Edit claim" }).click();
  await panel(avery).getByLabel("Rationale").fill("Avery's rationale.");
  await panel(avery).getByRole("button", { name: "Save changes" }).click();
  await expect(panel(avery).locator(".rationale")).toHaveText("Avery's rationale.");

  await expect(panel(elena).getByTestId("changed-meanwhile")).toContainText(`Changed by ${ADMIN.name} just now`, { timeout: 5_000 });
  await panel(elena).getByRole("button", { name: "Save changes" }).click();
  await expect(panel(elena).locator(".conflict[role=alert]")).toContainText("Avery's rationale.");
  await expect(panel(elena).getByLabel("Rationale")).toHaveValue("Elena's rationale.");
  await elena.context().close();
  await avery.context().close();
});

test("closing a claim while a live refresh is on its way keeps the page as it is: no reload", async ({ browser }) => {
  const ravi = await newSignedInPage(browser, REVIEWER);
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Night flights ${RUN}`;
  const content = [`Night flights rose by a fifth this year (${RUN}).`, PARAGRAPHS[2], `Filed as “${title}”.`].join("\n\n");
  const articleId = await importArticle(elena, { content, title, outlet: "Verity live tests" });
  const claimId = await markClaim(elena, "1,400 noise complaints", { restatement: `Residents filed 1,400 complaints [live-${RUN}].` });
  await openReader(ravi, articleId, claimId);
  // A reload would start the page's scripts again and lose this.
  await ravi.evaluate(() => Object.assign(window, { __samePage: true }));

  // The refresh that a change of Elena's sets off reaches Ravi only once he has closed the claim.
  const isRefresh = (url: URL) => url.pathname === `/articles/${articleId}` && url.searchParams.has("_rsc");
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let refreshing = () => {};
  const refreshSent = new Promise<void>((resolve) => (refreshing = resolve));
  await ravi.route(isRefresh, async (route) => {
    refreshing();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  }, { times: 1 });

  const changed = `Residents filed 1,400 noise complaints since January [live-${RUN}].`;
  await panel(elena).getByRole("button", { name: "Edit claim" }).click();
  await panel(elena).getByLabel("The claim, in your words").fill(changed);
  await panel(elena).getByRole("button", { name: "Save changes" }).click();
  await refreshSent;
  await ravi.keyboard.press("Escape");
  await expect(ravi).not.toHaveURL(/[?&]claim=/);
  await ravi.waitForTimeout(500);
  release();

  // The change arrives in the list, and the page is the one it was, still without the claim open.
  await expect(ravi.getByTestId("claim-item").filter({ hasText: changed })).toBeVisible();
  await ravi.waitForTimeout(1_000);
  expect(await ravi.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  await expect(ravi).not.toHaveURL(/[?&]claim=/);
  await expect(panel(ravi)).toHaveCount(0);
  await ravi.context().close();
  await elena.context().close();
});
