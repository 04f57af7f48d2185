import { expect, test, type Page } from "@playwright/test";
import {
  EDITOR,
  REVIEWER,
  importArticle,
  REVIEWER2,
  SEED_TITLES,
  markClaim,
  markForm,
  newSignedInPage,
  openArticle,
  panel,
  panelTitle,
  screenshot,
  saveMarkForm,
  signIn,
  waitForReader,
} from "./fixtures";

/**
 * Search and evidence discovery in the browser: searching (header box, syntax, odd input,
 * filters, pages) and opening a result at its passage; suggested evidence for a claim,
 * attached in one click; linking the same claim in two articles and adopting an approved
 * verdict; suggested claims accepted and dismissed.
 *
 * The e2e database is shared with the other spec files: this one finds its own claims by a
 * restatement carrying RUN and never counts on what other files left.
 */

const RUN = Date.now().toString(36).slice(-5);
const HEGSETH_ADVOCATES = SEED_TITLES[0];
const EARLY_CONCESSIONS = SEED_TITLES[1];
const UNSETTLING_CLARITY = SEED_TITLES[2];
const PULLED_BACK = SEED_TITLES[3];

function hits(page: Page) {
  return page.getByTestId("search-hit");
}

async function search(page: Page, query: string) {
  const box = page.getByLabel("Search for");
  await box.fill(query);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?/);
  await expect(page.getByLabel("Search for")).toHaveValue(query);
}

test("searching finds ranked passages with the words marked, filters and pages them, and opens one highlighted in its article", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.setViewportSize({ width: 1280, height: 900 });

  // From the header's box, on any page.
  const headerBox = page.getByRole("searchbox", { name: "Search passages" });
  await headerBox.fill("Hegseth");
  await headerBox.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Hegseth$/);
  await expect(page.getByRole("heading", { level: 2, name: /^\d+ passages$/ })).toBeVisible();
  await expect(hits(page)).toHaveCount(20);
  await expect(hits(page).first().locator("mark").first()).toHaveText(/Hegseth/);
  await expect(page.getByRole("navigation", { name: "Pages of results" })).toBeVisible();
  await screenshot(page, "search-results");

  // The next page keeps the query.
  const firstOnPageOne = await hits(page).first().locator(".search-hit__passage").textContent();
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/q=Hegseth.*page=2/);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(hits(page).first().locator(".search-hit__passage")).not.toHaveText(firstOnPageOne!);

  // Web search syntax: a phrase, OR, and a word left out of everything.
  await search(page, '"pre-2014 borders"');
  await expect(hits(page)).toHaveCount(3);
  for (const hit of await hits(page).all()) await expect(hit.locator("mark").first()).toHaveText("pre-2014");
  await search(page, "Bessent OR Pistorius -Kyiv");
  // (Another spec renames an outlet "Kyiv Ledger": only the passages' own text counts.)
  const passages = hits(page).locator(".search-hit__passage");
  await expect(passages.filter({ hasText: "Pistorius" })).not.toHaveCount(0);
  await expect(passages.filter({ hasText: "Kyiv" })).toHaveCount(0);

  // Odd input gets a clear answer, never an error page.
  await search(page, "- OR -");
  await expect(page.getByRole("status").filter({ hasText: "Type a word or a number to search for." })).toBeVisible();
  await search(page, '"pre-2014 borders');
  await expect(hits(page)).toHaveCount(3);
  // English stop words, among English articles (in French or German, "the" is a word like any other).
  await page.goto("/search?q=the+of+or&language=en");
  await expect(page.getByText("Those words are too common to search for. Add a more specific word.")).toBeVisible();
  await page.goto(`/search?q=${"borders ".repeat(1250)}`);
  await expect(page.getByText("Your search was long, so only its first 500 characters were used.")).toBeVisible();
  await expect(hits(page).first()).toBeVisible();
  await page.goto("/search?q=borders&from=2025-02-31&verdict=MAYBE");
  await expect(page.getByText("Enter the from date as YYYY-MM-DD.")).toBeVisible();
  await expect(page.getByText("Choose a verdict from the list.")).toBeVisible();
  await expect(hits(page).first()).toBeVisible();
  await search(page, "Zelensky");
  await expect(page.getByRole("heading", { name: "No passage has those words; passages with similar spellings" })).toBeVisible();
  await expect(hits(page).first()).toContainText(/Zelensk(yy|iy)/);

  // Filters: the seed articles' outlet; passages without claims.
  await search(page, "concessions");
  const all = await hits(page).count();
  await page.getByLabel("Outlet").selectOption("Unattributed");
  await page.locator('select[name="claims"]').selectOption("without");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/outlet=Unattributed.*claims=without/);
  expect(await hits(page).count()).toBeLessThanOrEqual(all);
  await expect(hits(page).locator(".search-hit__claims")).toHaveCount(0);

  // A result opens its article scrolled to the passage, which is highlighted.
  await search(page, '"Carnegie Endowment"');
  await expect(hits(page)).toHaveCount(1);
  await hits(page).first().locator(".search-hit__passage").click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?at=\d+-\d+&q=/);
  await waitForReader(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(EARLY_CONCESSIONS);
  await expect(page.getByTestId("found-bar")).toContainText("Carnegie Endowment");
  const highlighted = page.locator(".ProseMirror .hl-active");
  await expect(highlighted.first()).toBeVisible();
  await expect(highlighted.first()).toContainText("Stephen Wertheim");
  await expect(highlighted.first()).toBeInViewport();
  await screenshot(page, "search-opened-passage", false);
  await page.getByTestId("found-bar").getByRole("link", { name: "Back to the results" }).click();
  await expect(hits(page)).toHaveCount(1);
});

test("suggested evidence for the Hegseth claim ranks the other seed articles' passages first and attaches one in a click", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openArticle(page, HEGSETH_ADVOCATES);
  const restatement = `Hegseth called a return to Ukraine's pre-2014 borders unrealistic [${RUN}]`;
  await markClaim(page, "Hegseth stated that returning to Ukraine’s pre-2014 borders is “an unrealistic objective.”", { restatement });

  const claimPanel = panel(page);
  await claimPanel.getByRole("button", { name: "Suggest evidence" }).click();
  const suggestions = claimPanel.getByTestId("evidence-suggestion");
  await expect(suggestions).toHaveCount(10);
  await expect(suggestions.nth(0)).toContainText("Hegseth stated that a return to Ukraine’s pre-2014 borders");
  await expect(suggestions.nth(0)).toContainText(EARLY_CONCESSIONS);
  await expect(suggestions.nth(1)).toContainText("warned the country would not return to its pre-2014 borders");
  await expect(suggestions.nth(1)).toContainText(PULLED_BACK);
  await expect(suggestions.nth(2)).toContainText("Hegseth labeled it \"unrealistic\"");
  await expect(suggestions.nth(2)).toContainText(UNSETTLING_CLARITY);
  // How well each matches is said in words, not as a bare score.
  await expect(suggestions.nth(0).getByTestId("strength")).toHaveText(/^(Strong|Good|Partial) match$/);
  // None from the claim's own article.
  await expect(suggestions.filter({ hasText: `“${HEGSETH_ADVOCATES}”` })).toHaveCount(0);
  await claimPanel.locator(".suggestions").evaluate((element) => element.scrollIntoView({ block: "start" }));
  await screenshot(page, "suggested-evidence", false);

  // One click each: the first supports, the third gives context.
  await suggestions.nth(0).getByRole("button", { name: "Supports" }).click();
  await expect(suggestions.nth(0)).toContainText("Added as supporting evidence");
  await suggestions.nth(2).getByRole("button", { name: "Context" }).click();
  await expect(suggestions.nth(2)).toContainText("Added as context");
  await expect(claimPanel.getByRole("heading", { name: "Evidence (2)" })).toBeVisible();
  const items = claimPanel.getByTestId("evidence-item");
  await expect(items.filter({ hasText: "Supports" })).toContainText("pre-2014 borders—before Russia’s annexation of Crimea");
  await expect(items.filter({ hasText: "Context" })).toContainText(UNSETTLING_CLARITY);

  // After a reload the attached passages are marked as such.
  await page.reload();
  await waitForReader(page);
  await panel(page).getByRole("button", { name: "Suggest evidence" }).click();
  await expect(panel(page).getByTestId("evidence-suggestion").nth(0)).toContainText("Added as supporting evidence");
});

test("a reviewer links the same claim made in another article and adopts its approved verdict as a proposal", async ({ browser }) => {
  test.setTimeout(120_000);
  // Rosa's claim in one article: verdict, rationale, a source; submitted; an editor approves it.
  const rosa = await newSignedInPage(browser, REVIEWER2);
  const approvedArticle = await openArticle(rosa, EARLY_CONCESSIONS);
  const approvedRestatement = `Hegseth said returning to Ukraine's pre-2014 borders is unrealistic [${RUN}]`;
  const rationale = `The Pentagon's transcript of the Brussels remarks has these words (${RUN}).`;
  const approvedId = await markClaim(rosa, "Hegseth stated that a return to Ukraine’s pre-2014 borders—before Russia’s annexation of Crimea—was “unrealistic”", {
    restatement: approvedRestatement,
    verdict: "TRUE",
    rationale,
  });
  const rosaPanel = panel(rosa);
  await rosaPanel.getByText("Add an external source").click();
  await rosaPanel.getByLabel("URL").fill("https://example.org/transcript");
  await rosaPanel.getByLabel("Title").fill(`Transcript ${RUN}`);
  await rosaPanel.getByRole("button", { name: "Add source" }).click();
  await expect(rosaPanel.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await rosaPanel.getByRole("button", { name: "Submit for review" }).click();
  await expect(rosaPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");

  const elena = await newSignedInPage(browser, EDITOR);
  await elena.goto(`/articles/${approvedArticle}?claim=${approvedId}`);
  await waitForReader(elena);
  await panel(elena).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel(elena).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");

  // Ravi marks the same claim in another article: Verity offers Rosa's as the same claim.
  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.setViewportSize({ width: 1400, height: 1000 });
  await openArticle(ravi, PULLED_BACK);
  const mine = `Hegseth warned Ukraine would not return to its pre-2014 borders [${RUN}]`;
  const mineId = await markClaim(ravi, "warned the country would not return to its pre-2014 borders", { restatement: mine });
  const sameClaim = panel(ravi).getByTestId("same-claim");
  const candidate = sameClaim.getByTestId("same-claim-candidate").filter({ hasText: approvedRestatement });
  await expect(candidate).toBeVisible();
  await expect(candidate.getByTestId("strength")).toHaveText(/^(Nearly the same wording|Similar wording|Some wording in common)$/);
  await candidate.getByRole("button", { name: "Link as the same claim" }).click();

  const member = sameClaim.getByTestId("group-member").filter({ hasText: approvedRestatement });
  await expect(member).toBeVisible();
  await expect(member.locator(".state-badge")).toHaveText("Approved");
  await expect(sameClaim.getByTestId("same-claim-candidate").filter({ hasText: approvedRestatement })).toHaveCount(0);
  await sameClaim.scrollIntoViewIfNeeded();
  await screenshot(ravi, "same-claim-group", false);

  // Adopting the approved verdict makes it Ravi's proposal; the claim is still a draft.
  await member.getByRole("button", { name: "Adopt “True” as my proposal" }).click();
  const ravisPanel = panel(ravi);
  await expect(ravisPanel.locator(".claim-panel__badges .verdict-badge")).toHaveText(/True/);
  await expect(ravisPanel.locator(".claim-panel__badges .state-badge")).toHaveText("Draft");
  await expect(ravisPanel.locator(".rationale")).toHaveText(rationale);
  await expect(ravisPanel.getByText("Your claim has the same verdict.")).toBeVisible();
  await expect(ravisPanel.locator(".history-list")).toContainText("Adopted the approved verdict of the same claim in another article (verdict: Unrated → True; rationale added)");
  await expect(ravisPanel.locator(".history-list")).toContainText("Linked as the same claim as a claim in another article");
  // It still goes through approval: submitting needs evidence of its own.
  await expect(ravisPanel.getByRole("button", { name: "Submit for review" })).toBeDisabled();

  // Rosa sees the link from her side.
  await rosa.goto(`/articles/${approvedArticle}?claim=${approvedId}`);
  await waitForReader(rosa);
  await expect(panel(rosa).getByTestId("group-member").filter({ hasText: mine })).toBeVisible();

  // Ravi unlinks again: both claims leave the group.
  await ravi.goto(`/articles/${new URL(ravi.url()).pathname.split("/").pop()}?claim=${mineId}`);
  await waitForReader(ravi);
  await panel(ravi).getByRole("button", { name: "Unlink this claim from the group" }).click();
  await expect(panel(ravi).getByTestId("group-member")).toHaveCount(0);
  await expect(panel(ravi).getByTestId("same-claim-candidate").filter({ hasText: approvedRestatement })).toBeVisible();
});

test("suggested claims are marked in the text with a score and reasons; one is accepted as a claim, one dismissed for good", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const articleId = await openArticle(page, EARLY_CONCESSIONS);

  await page.getByRole("button", { name: "Suggest claims" }).click();
  const list = page.getByTestId("suggested-claims");
  const items = list.getByTestId("claim-suggestion");
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeGreaterThan(5);
  await expect(items.first().locator(".reason").first()).toBeVisible();
  await expect(items.first().getByTestId("strength")).toHaveText(/^(Very likely|Likely|Possibly) check-worthy$/);
  // Each suggested sentence is marked in the text.
  await expect(page.locator(".ProseMirror .hl-suggestion")).not.toHaveCount(0);
  await screenshot(page, "suggested-claims", false);

  // Clicking a marked sentence in the text picks its suggestion.
  const second = items.nth(1);
  const secondText = (await second.locator(".claim-suggestion__text").textContent())!;
  await page.locator(".ProseMirror .hl-suggestion", { hasText: secondText.slice(0, 30) }).first().click();
  await expect(second).toHaveClass(/claim-suggestion--focused/);

  // Dismiss the first: gone, and still gone after a reload, listed as dismissed.
  const first = items.first();
  const dismissedText = (await first.locator(".claim-suggestion__text").textContent())!;
  await first.getByRole("button", { name: "Dismiss" }).click();
  await expect(items.filter({ hasText: dismissedText })).toHaveCount(0);
  await page.reload();
  await waitForReader(page);
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(items.first()).toBeVisible();
  await expect(items.filter({ hasText: dismissedText })).toHaveCount(0);
  await list.getByText(/^Dismissed \(\d+\)$/).click();
  await expect(list.locator(".dismissed-suggestions")).toContainText(dismissedText);

  // Accept the (new) first: the mark form opens on it, pre-filled; saving makes the claim.
  const accepted = items.first();
  const acceptedText = (await accepted.locator(".claim-suggestion__text").textContent())!;
  await accepted.getByRole("button", { name: "Accept as claim" }).click();
  await expect(markForm(page).locator("blockquote")).toHaveText(acceptedText);
  await expect(markForm(page).getByLabel("The claim, in your words")).toHaveValue(acceptedText);
  const restatement = `${acceptedText.slice(0, 60)} [${RUN}]`;
  const claimId = await saveMarkForm(page, { restatement });
  expect(new URL(page.url()).pathname).toBe(`/articles/${articleId}`);

  // A claimed sentence is not suggested any more.
  await panel(page).getByRole("button", { name: "← All claims" }).click();
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(items.first()).toBeVisible();
  await expect(items.filter({ hasText: acceptedText })).toHaveCount(0);

  // Leave the sample article as the other tests expect it: they mark claims in its sentences.
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(panelTitle(page)).toHaveText(restatement);
  page.once("dialog", (dialog) => dialog.accept());
  await panel(page).getByRole("button", { name: "Delete claim" }).click();
  await expect(page.getByTestId("claim-item").filter({ hasText: restatement })).toHaveCount(0);
});

test("Suggest claims opened again and again lists the best first, a page at a time, and draws its marks once per opening", async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // 60 sentences of three kinds (so of different check-worthiness), in words no other test searches for.
  const sentences = Array.from({ length: 60 }, (_, i) =>
    [
      `The quarry board said on Tuesday that ${i + 3} percent of the gravel left the county.`,
      `Quarry lorries made ${i + 40} trips past the mill.`,
      `Residents of Lower Marsh heard ${i + 2} blasts, the quarry manager confirmed.`,
    ][i % 3],
  );
  await importArticle(page, {
    title: `Quarry figures [${RUN}]`,
    outlet: "Marsh Courier",
    content: Array.from({ length: 12 }, (_, p) => sentences.slice(p * 5, p * 5 + 5).join(" ")).join("\n\n"),
  });
  const list = page.getByTestId("suggested-claims");
  const items = list.getByTestId("claim-suggestion");
  const paints = () => page.evaluate(() => performance.getEntriesByName("verity:highlights-painted").length);
  const marksInText = page.locator(".ProseMirror .hl-suggestion");

  // Highlights there before any suggestion (a sentence another test's approved claim marks "checked before").
  await expect(marksInText).toHaveCount(0);
  const resting = Number(await page.locator(".reader__text").getAttribute("data-highlights"));
  let firstOpening: { elements: number; marks: number } | null = null;
  for (let opening = 1; opening <= 4; opening++) {
    await expect(marksInText).toHaveCount(0);
    // The last closing's own drawing is counted (its mark and this attribute come in one frame,
    // which a loaded machine may deliver after the marks have left the text).
    await expect(page.locator(".reader__text")).toHaveAttribute("data-highlights", String(resting));
    const paintsBefore = await paints();
    await page.getByRole("button", { name: "Suggest claims" }).click();
    await expect(items.first()).toBeVisible();
    const total = Number(await list.locator(".claim-list__head .muted").textContent());
    expect(total).toBeGreaterThanOrEqual(40);
    await expect(page.locator(".reader__text")).toHaveAttribute("data-highlights", String(resting + total));
    // Each opening draws the text once: no stale marks from the last opening first, no second pass.
    await expect.poll(paints).toBe(paintsBefore + 1);
    // A page of the best: the first 20 of them, and the count of all.
    await expect(items).toHaveCount(20);
    await expect(list.getByRole("status")).toHaveText(`Showing the best 20 of ${total}`);
    const now = await page.evaluate(() => ({ elements: document.querySelectorAll("*").length, marks: document.querySelectorAll(".ProseMirror .hl-suggestion").length }));
    firstOpening ??= now;
    expect(now).toEqual(firstOpening);
    await list.getByRole("button", { name: "← All claims" }).click();
  }

  // Best first: the strength never rises down the list.
  await page.getByRole("button", { name: "Suggest claims" }).click();
  const levels = await items.getByTestId("strength").evaluateAll((meters) => meters.map((m) => Number(m.className.match(/strength--(\d)/)![1])));
  expect(levels).toEqual([...levels].sort((a, b) => b - a));
  await expect(items.getByTestId("strength").first()).not.toHaveText(/\d/);

  // "Show more" by keyboard lists the next page and moves the focus to the first of it.
  const more = list.getByRole("button", { name: "Show 20 more" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(40);
  await expect(items.nth(20).locator(".claim-suggestion__text")).toBeFocused();

  // A mark clicked in the text lists its suggestion even when it ranks below the page shown.
  await list.getByRole("button", { name: "← All claims" }).click();
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(items).toHaveCount(20);
  const listedTexts = await items.locator(".claim-suggestion__text").allTextContents();
  // Whichever sentences the model suggests: one marked in the text but not on the page shown.
  const markedText = (await marksInText.allTextContents()).join("\n");
  const unlisted = sentences.find((sentence) => markedText.includes(sentence) && !listedTexts.includes(sentence))!;
  expect(unlisted).toBeDefined();
  await page.locator(".ProseMirror .hl-suggestion", { hasText: unlisted }).first().click();
  await expect(items.filter({ hasText: unlisted })).toHaveClass(/claim-suggestion--focused/);
  await expect(items.filter({ hasText: unlisted })).toBeInViewport();
});
