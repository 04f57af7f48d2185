import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  SEED_TITLES,
  markClaim,
  newSignedInPage,
  openArticle,
  panel,
  panelTitle,
  screenshot,
  signIn,
  waitForReader,
  type Verdict,
} from "./fixtures";

/**
 * The editorial workflow in the browser, each person in a browser context of their own:
 * a reviewer drafts and submits, an editor requests changes, the reviewer fixes and
 * resubmits, a second editor approves (the four-eyes rule stops the first), the reader
 * shows it approved and the history has every step; reopening; the queue's keyboard;
 * the articles' progress; the queue is for editors only.
 *
 * The e2e database is shared with the other spec files: the claims here are on sentences
 * no other spec marks (or on articles this file imports), found by restatements carrying RUN.
 */

const RUN = Date.now().toString(36).slice(-5);
const EARLY_CONCESSIONS = SEED_TITLES[1]; // "Trump’s Early Concessions to Russia…"

function restated(text: string) {
  return `${text} [wf-${RUN}]`;
}

const FOUR_EYES = "You proposed this verdict, so another editor must approve it (four-eyes rule).";
const REQUEST_NOTE_LABEL = "What should change? (the reviewer sees this)";
const REOPEN_NOTE_LABEL = "Why reopen it? (the reviewer sees this)";

// ------------------------------------------------------------------ helpers

function stateBadge(page: Page): Locator {
  return panel(page).locator(".claim-panel__badges .state-badge");
}

function workflowButton(page: Page, name: string): Locator {
  return panel(page).locator(".workflow-controls").getByRole("button", { name, exact: true });
}

/** In the open claim's panel: adds an external source (the quickest evidence). */
async function addExternalSource(page: Page, source: { url: string; title: string; excerpt?: string }) {
  const claimPanel = panel(page);
  const before = await claimPanel.getByTestId("evidence-item").count();
  await claimPanel.getByText("Add an external source").click();
  await claimPanel.getByLabel("URL").fill(source.url);
  await claimPanel.getByLabel("Title").fill(source.title);
  if (source.excerpt) await claimPanel.getByLabel("Quoted excerpt").fill(source.excerpt);
  await claimPanel.getByRole("button", { name: "Add source" }).click();
  await expect(claimPanel.getByRole("heading", { name: `Evidence (${before + 1})` })).toBeVisible();
  await expect(claimPanel.getByTestId("evidence-item").last()).toContainText(source.title);
}

/** In the open claim's panel: "Edit claim", change the given fields, save. */
async function editClaim(page: Page, changes: { verdict?: Verdict; rationale?: string; note?: string }) {
  const claimPanel = panel(page);
  await claimPanel.getByRole("button", { name: "Edit claim" }).click();
  if (changes.verdict) await claimPanel.getByLabel("Verdict", { exact: true }).selectOption(changes.verdict);
  if (changes.rationale !== undefined) await claimPanel.getByLabel("Rationale").fill(changes.rationale);
  // Changing someone else's verdict needs a reason.
  if (changes.note) await claimPanel.getByLabel("Reason for the change").fill(changes.note);
  await claimPanel.getByRole("button", { name: "Save changes" }).click();
  await expect(claimPanel.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  if (changes.rationale) await expect(claimPanel.locator(".rationale")).toHaveText(changes.rationale);
}

/** Marks `text` with a verdict and a rationale, adds a source, and returns the claim's id: ready to submit. */
async function markReadyClaim(page: Page, text: string, restatement: string, verdict: Verdict = "MOSTLY_TRUE") {
  const id = await markClaim(page, text, { restatement, verdict, rationale: `Checked against the record (${RUN}).` });
  await addExternalSource(page, { url: "https://example.org/record", title: `Public record ${RUN}` });
  return id;
}

/** In the open claim's panel: "Submit for review", and the claim is submitted. */
async function submitOpenClaim(page: Page) {
  const submit = workflowButton(page, "Submit for review");
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(stateBadge(page)).toHaveText("Submitted");
  await expect(submit).toHaveCount(0);
}

async function openClaim(page: Page, articleId: string, claimId: string, restatement: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(page);
  await expect(panelTitle(page)).toHaveText(restatement);
  await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
}

function queueItem(page: Page, restatement: string): Locator {
  return page.getByTestId("queue-item").filter({ has: page.getByRole("heading", { name: restatement, exact: true }) });
}

/** As an editor: imports a short plain-text article under `title`; returns its id. */
async function importArticle(page: Page, title: string, paragraphs: string[]) {
  await page.goto("/articles/import");
  await page.getByLabel("Paste the article").fill(paragraphs.join("\n\n"));
  await page.getByLabel("Format").selectOption("TEXT");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Outlet").fill("Verity workflow tests");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await waitForReader(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Shows the open claim's workflow controls and takes a viewport screenshot of the reader. */
async function screenshotControls(page: Page, name: string) {
  await panel(page).locator(".workflow-controls").scrollIntoViewIfNeeded();
  await screenshot(page, name, false);
}

// ------------------------------------------------------------------ tests

test("the whole loop: drafted, submitted, changes requested, fixed, resubmitted, four-eyes, approved by a second editor, with its history", async ({ browser }) => {
  test.setTimeout(120_000);
  const sentence = "The Kremlin announced on Wednesday that Putin and Trump had agreed to meet, with Putin inviting Trump to visit Moscow.";
  const restatement = restated("The Kremlin said Putin and Trump agreed to meet in Moscow.");
  const rationale = "The Kremlin read-out says so.";
  const fixedRationale = `The Kremlin read-out says so; the White House confirmed the invitation on Thursday (${RUN}).`;
  const sourceTitle = `Kremlin read-out ${RUN}`;
  const note = `Cite the White House side too (${RUN}).`;

  // The reviewer drafts: a claim without a verdict cannot be submitted, and the button says why.
  const ravi = await newSignedInPage(browser, REVIEWER);
  const articleId = await openArticle(ravi, EARLY_CONCESSIONS);
  const claimId = await markClaim(ravi, sentence, { restatement });
  await expect(stateBadge(ravi)).toHaveText("Draft");
  const submit = workflowButton(ravi, "Submit for review");
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("Before submitting, add a verdict, a rationale and at least one evidence item.");
  await expect(panel(ravi).locator(".workflow-controls .field-hint")).toHaveText(
    "Before submitting, add a verdict, a rationale and at least one evidence item.",
  );
  await screenshotControls(ravi, "workflow-reviewer-submit-blocked");

  await editClaim(ravi, { verdict: "MOSTLY_TRUE", rationale });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("Before submitting, add at least one evidence item.");
  await addExternalSource(ravi, { url: "https://example.org/kremlin-readout", title: sourceTitle, excerpt: "Putin invited Trump to Moscow." });
  await expect(submit).toBeEnabled();
  await expect(panel(ravi).locator(".workflow-controls .field-hint")).toHaveCount(0);
  await submitOpenClaim(ravi);
  // Submitted: no longer the reviewer's to edit, and nothing more for them to do.
  await expect(panel(ravi).locator(".workflow-controls")).toHaveCount(0);
  await expect(panel(ravi).getByRole("button", { name: "Edit claim" })).toHaveCount(0);

  // The editor finds it in the queue, with its text in context, and requests changes.
  const elena = await newSignedInPage(browser, EDITOR);
  await elena.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }).click();
  await expect(elena).toHaveURL(/\/queue$/);
  await expect(elena.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const item = queueItem(elena, restatement);
  await expect(item).toHaveCount(1);
  await expect(item.locator(".queue-item__context mark")).toHaveText(sentence);
  await expect(item.locator(".queue-item__context")).toContainText("aggression don’t win out.");
  await expect(item.locator(".queue-item__context")).toContainText("Such a trip would be");
  await expect(item.locator(".verdict-badge")).toHaveText("≈Mostly true");
  await expect(item.getByRole("link", { name: EARLY_CONCESSIONS })).toHaveAttribute("href", `/articles/${articleId}?claim=${claimId}`);
  await expect(item.locator(".queue-item__rationale")).toHaveText(rationale);
  await expect(item.locator(".queue-item__meta")).toContainText("Ravi Reviewer · submitted");
  await expect(item.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Approve" })).toBeEnabled();
  // The note is folded away until asked for.
  const noteField = item.getByLabel(REQUEST_NOTE_LABEL);
  await expect(noteField).toBeHidden();
  await item.scrollIntoViewIfNeeded();
  await screenshot(elena, "workflow-queue");

  await item.getByText("Request changes…").click();
  await expect(noteField).toBeVisible();
  // Without a note: a field error, and nothing changes.
  await item.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(noteField).toHaveAttribute("aria-invalid", "true");
  await expect(noteField).toHaveAccessibleDescription("Say what should change.");
  await expect(item).toHaveCount(1);
  await noteField.fill(note);
  await item.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(item).toHaveCount(0);

  // The reviewer sees it under "Changes requested" with the note, opens it, fixes it and resubmits.
  await ravi.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" }).click();
  await expect(ravi).toHaveURL(/\/home$/);
  const changesRequested = ravi.getByRole("region", { name: /^Changes requested/ });
  const work = changesRequested.getByTestId("work-item").filter({ hasText: restatement });
  await expect(work).toHaveCount(1);
  await expect(work.locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await expect(work.locator(".state-badge")).toHaveText("Changes requested");
  await expect(ravi.getByRole("region", { name: /^Submitted, awaiting review/ }).getByText(restatement)).toHaveCount(0);
  await screenshot(ravi, "workflow-my-work");

  await work.getByRole("link", { name: restatement }).click();
  await expect(ravi).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}$`));
  await waitForReader(ravi);
  await expect(panelTitle(ravi)).toHaveText(restatement);
  await expect(stateBadge(ravi)).toHaveText("Changes requested");
  await expect(panel(ravi).locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await editClaim(ravi, { rationale: fixedRationale });
  await submitOpenClaim(ravi);

  // Back in the queue. The editor opens it in the reader: approve and request changes are open…
  await openClaim(elena, articleId, claimId, restatement);
  await expect(stateBadge(elena)).toHaveText("Submitted");
  await expect(workflowButton(elena, "Approve")).toBeEnabled();
  await expect(workflowButton(elena, "Request changes")).toBeEnabled();
  await expect(panel(elena).getByLabel(REQUEST_NOTE_LABEL)).toBeVisible();
  await screenshotControls(elena, "workflow-editor-controls");

  // …until the editor changes the verdict: having proposed it, they may not approve it.
  await editClaim(elena, { verdict: "MIXED", note: "Only partly borne out." });
  await expect(panel(elena).locator(".claim-panel__badges .verdict-badge")).toHaveText("◐Mixed");
  await expect(panel(elena).locator(".claim-meta")).toContainText("verdict by Elena Editor");
  const approve = workflowButton(elena, "Approve");
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription(FOUR_EYES);
  await expect(workflowButton(elena, "Request changes")).toBeEnabled();
  await screenshotControls(elena, "workflow-four-eyes");
  // The queue says the same.
  await elena.goto("/queue");
  await expect(queueItem(elena, restatement).getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(queueItem(elena, restatement).getByRole("button", { name: "Approve" })).toHaveAccessibleDescription(FOUR_EYES);

  // A second editor (the admin) approves it from the queue.
  const avery = await newSignedInPage(browser, ADMIN);
  await avery.goto("/queue");
  const averyItem = queueItem(avery, restatement);
  await expect(averyItem.locator(".verdict-badge")).toHaveText("◐Mixed");
  await expect(averyItem.locator(".queue-item__rationale")).toHaveText(fixedRationale);
  // The note it was sent back with is still there, to check the fix against.
  await expect(averyItem.locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await screenshot(avery, "workflow-queue-resubmitted");
  await averyItem.getByRole("button", { name: "Approve" }).click();
  await expect(averyItem).toHaveCount(0);

  // The reader shows it approved (solid underline), and the reviewer may no longer edit it.
  await openClaim(ravi, articleId, claimId, restatement);
  await expect(stateBadge(ravi)).toHaveText("Approved");
  const highlight = ravi.locator(".hl-claim", { hasText: "Kremlin announced on Wednesday" });
  await expect(highlight).toHaveCount(1);
  await expect(highlight).toHaveClass(/\bhl-approved\b/);
  await expect(highlight).not.toHaveClass(/\bhl-pending\b/);
  await expect(highlight).toHaveCSS("border-bottom-style", "solid");
  await expect(ravi.locator(`.hl-marker[data-claim="${claimId}"]`)).toHaveAttribute("aria-label", `Mixed, approved: ${restatement}`);
  await expect(panel(ravi).getByRole("button", { name: "Edit claim" })).toHaveCount(0);
  await expect(panel(ravi).getByText("Add an external source")).toHaveCount(0);
  await expect(panel(ravi).locator(".workflow-controls")).toHaveCount(0);
  await expect(panel(ravi).locator(".review-note")).toHaveCount(0);
  await highlight.scrollIntoViewIfNeeded();
  await screenshot(ravi, "workflow-approved", false);

  // The history lists every step, in order, with who did it.
  const history = panel(ravi).locator(".history-list li");
  await expect(history.locator(".history__summary")).toHaveText([
    "Marked the claim",
    "Verdict: Unrated → Mostly true; rationale added",
    `Added supporting evidence: ${sourceTitle}`,
    "Submitted for review (state: Draft → Submitted)",
    `Requested changes (state: Submitted → Changes requested; note: “${note}”)`,
    "Rationale changed",
    "Submitted for review (state: Changes requested → Submitted)",
    "Verdict: Mostly true → Mixed; note: “Only partly borne out.”",
    "Approved (state: Submitted → Approved)",
  ]);
  await expect(history.locator(".muted")).toHaveText([
    /^Ravi Reviewer · /,
    /^Ravi Reviewer · /,
    /^Ravi Reviewer · /,
    /^Ravi Reviewer · /,
    /^Elena Editor · /,
    /^Ravi Reviewer · /,
    /^Ravi Reviewer · /,
    /^Elena Editor · /,
    /^Avery Admin · /,
  ]);

  // On My work it is now among the approved.
  await ravi.goto("/home");
  await expect(ravi.getByRole("region", { name: /^Approved in the last/ }).getByTestId("work-item").filter({ hasText: restatement })).toHaveCount(1);
  await expect(changesRequested.getByText(restatement)).toHaveCount(0);

  for (const page of [ravi, elena, avery]) await page.context().close();
});

test("an editor reopens an approved claim with a note, and it returns to the queue", async ({ browser }) => {
  const sentence = "John Herbst, who served as U.S. ambassador to Ukraine under President George W. Bush, viewed Bessent’s visit as a positive signal.";
  const restatement = restated("John Herbst called Bessent's visit a positive signal.");
  const note = `The quote is from a different interview (${RUN}).`;

  const ravi = await newSignedInPage(browser, REVIEWER);
  const articleId = await openArticle(ravi, EARLY_CONCESSIONS);
  const claimId = await markReadyClaim(ravi, sentence, restatement, "TRUE");
  await submitOpenClaim(ravi);

  const elena = await newSignedInPage(browser, EDITOR);
  await openClaim(elena, articleId, claimId, restatement);
  await workflowButton(elena, "Approve").click();
  await expect(stateBadge(elena)).toHaveText("Approved");
  await expect(workflowButton(elena, "Approve")).toHaveCount(0);
  // An approved claim is reopened before anyone edits it.
  await expect(panel(elena).getByRole("button", { name: "Edit claim" })).toHaveCount(0);

  // The note is required: without one, a field error and the claim stays approved.
  const reopen = workflowButton(elena, "Reopen");
  const noteField = panel(elena).getByLabel(REOPEN_NOTE_LABEL);
  await reopen.click();
  await expect(noteField).toHaveAttribute("aria-invalid", "true");
  await expect(noteField).toHaveAccessibleDescription("Say why the claim is reopened.");
  await expect(stateBadge(elena)).toHaveText("Approved");
  await elena.reload();
  await waitForReader(elena);
  await expect(stateBadge(elena)).toHaveText("Approved");

  await panel(elena).getByLabel(REOPEN_NOTE_LABEL).fill(note);
  await workflowButton(elena, "Reopen").click();
  await expect(stateBadge(elena)).toHaveText("Submitted");
  await expect(panel(elena).locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await expect(workflowButton(elena, "Approve")).toBeEnabled();
  await expect(panel(elena).locator(".history-list li").last()).toContainText(`Reopened (state: Approved → Submitted; note: “${note}”)`);
  await expect(panel(elena).locator(".history-list li").last()).toContainText("Elena Editor");
  await expect(elena.locator(".hl-claim", { hasText: "viewed Bessent’s visit" })).toHaveClass(/\bhl-pending\b/);

  // Back in the queue, with the reason it was reopened.
  await elena.goto("/queue");
  const item = queueItem(elena, restatement);
  await expect(item).toHaveCount(1);
  await expect(item.locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await expect(item.getByRole("button", { name: "Approve" })).toBeEnabled();

  // The reviewer sees it pending again, with the note, and still may not edit it.
  await openClaim(ravi, articleId, claimId, restatement);
  await expect(stateBadge(ravi)).toHaveText("Submitted");
  await expect(panel(ravi).locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await expect(panel(ravi).getByRole("button", { name: "Edit claim" })).toHaveCount(0);

  for (const page of [ravi, elena]) await page.context().close();
});

test("the queue's keyboard: J and K move, A approves the current claim unless its verdict is the editor's own, R opens the note; the article filter outlives its last claim", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Harbour ferry report (queue keys ${RUN})`;
  const sentences = [
    "The harbour ferry carried 1.2 million passengers last year, a record for the service.",
    "Fares rose by 8 percent in January, the first increase since 2019.",
    "The council says the new electric ferry will cut fuel costs by half.",
  ];
  const [first, second, third] = [
    restated("The ferry carried a record 1.2 million passengers."),
    restated("Ferry fares rose 8 percent in January."),
    restated("The electric ferry halves fuel costs."),
  ];
  const note = `Which council report says this? (${RUN})`;

  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(elena, title, sentences);

  // Two claims by the reviewer, then one the editor marks (and so proposes the verdict of) herself.
  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const firstId = await markReadyClaim(ravi, sentences[0], first);
  await submitOpenClaim(ravi);
  await ravi.keyboard.press("Escape");
  await markReadyClaim(ravi, sentences[1], second, "TRUE");
  await submitOpenClaim(ravi);
  await elena.reload();
  await waitForReader(elena);
  await markReadyClaim(elena, sentences[2], third, "MIXED");
  await submitOpenClaim(elena);

  // The queue, filtered to this article: oldest first, nothing current until the editor moves to a claim.
  await elena.goto("/queue");
  await elena.getByLabel("Article").selectOption({ label: title });
  await elena.getByRole("button", { name: "Filter" }).click();
  await expect(elena).toHaveURL(new RegExp(`[?&]article=${articleId}`));
  const items = elena.getByTestId("queue-item");
  await expect(items.locator(".queue-item__claim")).toHaveText([first, second, third]);
  const current = elena.locator(".queue-item--current");
  await expect(current).toHaveCount(0);

  await elena.keyboard.press("j");
  await expect(current.locator(".queue-item__claim")).toHaveText(first);
  await expect(items.nth(0)).toBeFocused();
  await elena.keyboard.press("j");
  await expect(current.locator(".queue-item__claim")).toHaveText(second);
  await expect(items.nth(1)).toBeFocused();
  await elena.keyboard.press("j");
  await expect(current.locator(".queue-item__claim")).toHaveText(third);
  await elena.keyboard.press("j"); // already the last one
  await expect(current.locator(".queue-item__claim")).toHaveText(third);
  await screenshot(elena, "workflow-queue-keyboard");

  // A on her own verdict does nothing: the button is blocked by the four-eyes rule.
  await expect(current.getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(current.getByRole("button", { name: "Approve" })).toHaveAccessibleDescription(FOUR_EYES);
  await elena.keyboard.press("a");

  // K back to the reviewer's second claim; A approves it.
  await elena.keyboard.press("k");
  await expect(current.locator(".queue-item__claim")).toHaveText(second);
  await elena.keyboard.press("a");
  await expect(items.locator(".queue-item__claim")).toHaveText([first, third]);
  // The editor's own claim was not approved by the A pressed on it.
  await expect(elena.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p")).toHaveText("2 submitted claims, oldest first");

  // K to the first; R opens its note, focused, ready to type.
  await elena.keyboard.press("k");
  await expect(current.locator(".queue-item__claim")).toHaveText(first);
  const noteField = current.getByLabel(REQUEST_NOTE_LABEL);
  await expect(noteField).toBeHidden();
  await elena.keyboard.press("r");
  await expect(noteField).toBeVisible();
  await expect(noteField).toBeFocused();
  // Typing in the note is text, not shortcuts.
  await elena.keyboard.type(note);
  await expect(noteField).toHaveValue(note);
  await expect(items).toHaveCount(2);
  await current.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(items.locator(".queue-item__claim")).toHaveText([third]);

  // The last one goes back too (R on the only claim left): the queue is empty for this article,
  // and the filter still says which article it is showing.
  await expect(current.locator(".queue-item__claim")).toHaveText(third);
  await elena.keyboard.press("r");
  await expect(current.getByLabel(REQUEST_NOTE_LABEL)).toBeFocused();
  await elena.keyboard.type(`Source? (${RUN})`);
  await current.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(items).toHaveCount(0);
  await expect(elena.getByText("Nothing is waiting for review with these filters.")).toBeVisible();
  await expect(elena.getByLabel("Article")).toHaveValue(articleId);

  // What the keys did, as the reviewer sees it.
  await ravi.goto("/home");
  await expect(ravi.getByRole("region", { name: /^Approved in the last/ }).getByText(second)).toHaveCount(1);
  const sentBack = ravi.getByRole("region", { name: /^Changes requested/ }).getByTestId("work-item").filter({ hasText: first });
  await expect(sentBack.locator(".review-note")).toHaveText(`Editor’s note: ${note}`);
  await expect(sentBack.getByRole("link", { name: first })).toHaveAttribute("href", `/articles/${articleId}?claim=${firstId}`);

  for (const page of [ravi, elena]) await page.context().close();
});

test("the articles list and the article page show how many claims are approved, with a progress bar", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `Harbour ferry report (progress ${RUN})`;
  const sentences = [
    "The mayor promised a second pier would open before the summer.",
    "Ticket machines at the terminal now take contactless payments.",
    "The night ferry will stop running after the end of October.",
  ];
  const claims = [restated("A second pier opens before summer."), restated("Terminal ticket machines take contactless."), restated("The night ferry stops after October.")];

  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(elena, title, sentences);
  await expect(elena.locator(".article__header .claim-progress")).toHaveText("No claims yet");

  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const ids: string[] = [];
  for (const [i, claim] of claims.entries()) {
    if (i < 2) {
      ids.push(await markReadyClaim(ravi, sentences[i], claim));
      await submitOpenClaim(ravi);
    } else {
      ids.push(await markClaim(ravi, sentences[i], { restatement: claim, verdict: "FALSE" })); // stays a draft
    }
    await ravi.keyboard.press("Escape");
  }

  const row = (page: Page) => page.getByTestId("article-row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await elena.goto("/articles");
  await expect(row(elena).locator(".claim-progress__summary")).toHaveText("0 of 3 claims approved");
  await expect(row(elena).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await expect(row(elena).getByRole("list", { name: "Claims by state" }).getByRole("listitem")).toHaveText(["2 submitted", "1 draft"]);

  // The editor approves the two submitted claims from the reader.
  for (const [i, id] of ids.slice(0, 2).entries()) {
    await openClaim(elena, articleId, id, claims[i]);
    await workflowButton(elena, "Approve").click();
    await expect(stateBadge(elena)).toHaveText("Approved");
  }

  for (const page of [elena, ravi]) {
    await page.goto("/articles");
    const progress = row(page).getByTestId("claim-progress");
    await expect(progress.locator(".claim-progress__summary")).toHaveText("2 of 3 claims approved");
    const bar = progress.getByRole("progressbar");
    await expect(bar).toHaveAttribute("aria-valuenow", "67");
    await expect(bar).toHaveAccessibleName("67% of claims approved");
    await expect(bar.locator(".progress-bar__segment")).toHaveCount(2);
    await expect(progress.getByRole("list", { name: "Claims by state" }).getByRole("listitem")).toHaveText(["2 approved", "1 draft"]);
  }
  await screenshot(ravi, "workflow-articles-progress", false);

  await ravi.getByRole("link", { name: title, exact: true }).click();
  await waitForReader(ravi);
  const progress = ravi.locator(".article__header").getByTestId("claim-progress");
  await expect(progress.locator(".claim-progress__summary")).toHaveText("2 of 3 claims approved");
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "67");
  await expect(progress.getByRole("list", { name: "Claims by state" }).getByRole("listitem")).toHaveText(["2 approved", "1 draft"]);
  await expect(progress.getByRole("list", { name: "Claims by verdict" }).getByRole("listitem")).toHaveText(["✗ 1 false", "≈ 2 mostly true"]);
  await expect(ravi.locator(".hl-claim.hl-approved")).toHaveCount(2);
  await expect(ravi.locator(".hl-claim.hl-pending")).toHaveCount(1);

  for (const page of [ravi, elena]) await page.context().close();
});

test("in a queue gone stale, sending back a claim another editor has just approved says why, where the note was typed", async ({ browser }) => {
  const sentence = "Gabrielius Landsbergis, Lithuania’s former foreign minister, described the U.S. stance as tantamount to “abandoning Ukraine.”";
  const restatement = restated("Landsbergis called the US stance abandoning Ukraine.");
  const note = `Quote the whole sentence (${RUN}).`;

  const ravi = await newSignedInPage(browser, REVIEWER);
  await openArticle(ravi, EARLY_CONCESSIONS);
  await markReadyClaim(ravi, sentence, restatement, "TRUE");
  await submitOpenClaim(ravi);

  // The editor starts sending it back (and forgets the note the first time)… on a queue whose
  // live updates have stopped (a dropped connection), so it goes stale as a queue did before them.
  const elena = await newSignedInPage(browser, EDITOR);
  await elena.route("**/api/live**", (route) => route.abort());
  await elena.goto("/queue");
  const item = queueItem(elena, restatement);
  await item.getByText("Request changes…").click();
  await item.getByRole("button", { name: "Request changes", exact: true }).click();
  const noteField = item.getByLabel(REQUEST_NOTE_LABEL);
  await expect(noteField).toHaveAccessibleDescription("Say what should change.");

  // …while the admin approves it.
  const avery = await newSignedInPage(browser, ADMIN);
  await avery.goto("/queue");
  await queueItem(avery, restatement).getByRole("button", { name: "Approve" }).click();
  await expect(queueItem(avery, restatement)).toHaveCount(0);

  // The editor's note is refused with the reason, in view, and her note is kept.
  await noteField.fill(note);
  await item.getByRole("button", { name: "Request changes", exact: true }).click();
  const refusal = item.locator(".form-message--error");
  await expect(refusal).toHaveText("This claim is approved; only submitted claims can be sent back with changes requested.");
  await expect(refusal).toBeVisible();
  await expect(noteField).toBeVisible();
  await expect(noteField).toHaveValue(note);
  await elena.reload();
  await expect(queueItem(elena, restatement)).toHaveCount(0);

  for (const page of [ravi, elena, avery]) await page.context().close();
});

test("a reviewer has no review queue: no link, and the page says it is for editors", async ({ page, browser }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My work" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Review queue" })).toHaveCount(0);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { level: 1, name: "Editors only" })).toBeVisible();
  await expect(page.getByTestId("queue-item")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Filter the queue" })).toHaveCount(0);
  await page.goto("/home");
  await expect(page.getByRole("link", { name: "Go to the review queue →" })).toHaveCount(0);

  // An editor has both.
  const elena = await newSignedInPage(browser, EDITOR);
  await expect(elena.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" })).toBeVisible();
  await elena.goto("/home");
  await elena.getByRole("link", { name: "Go to the review queue →" }).click();
  await expect(elena.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await elena.context().close();
});
