import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, markClaim, newSignedInPage, panel, panelTitle, screenshot, waitForReader } from "./fixtures";

/**
 * Editors' safeguards (issue 18, defects 4 and 5): the queue shows the evidence and the latest
 * comments an editor approves; A approves only the claim the editor moved to; an approval says
 * what it did and offers Undo, which puts the claim back; changing a reviewer's verdict needs a
 * note, the reviewer is told on My work, and the history shows the change word by word.
 */

const RUN = Date.now().toString(36).slice(-5);

const PARAGRAPHS = [
  `The city council said the new tram line will carry 40,000 riders a day (${RUN}).`,
  "Construction is due to finish in 2029, two years later than first planned.",
  "The transport minister called it the largest transit project in the region's history.",
];

// A last line of its own makes each test's article a separate article, not a copy Verity would offer to open instead.
async function importTestArticle(editor: Page, title: string) {
  return importArticle(editor, { content: [...PARAGRAPHS, `Filed as “${title}”.`].join("\n\n"), title, outlet: "Verity safeguard tests" });
}

async function openClaim(page: Page, articleId: string, claimId: string) {
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await waitForReader(page);
  await expect(panel(page).getByText(/^Marked by /)).toBeVisible();
}

async function comment(page: Page, body: string) {
  const claimPanel = panel(page);
  await claimPanel.getByLabel("Add a comment").fill(body);
  await claimPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(claimPanel.locator(".comment__body").filter({ hasText: body })).toBeVisible();
}

// Two people's pages on a shared, loaded machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

test("the queue shows each claim's evidence and latest comments; A needs a claim moved to; Approve says so and Undo puts it back", async ({ browser }) => {
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Tram line ${RUN}`;
  const articleId = await importTestArticle(elena, title);

  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const restatement = `The tram line will carry 40,000 riders a day [sg-${RUN}].`;
  const claimId = await markClaim(ravi, "will carry 40,000 riders a day", { restatement, verdict: "MOSTLY_FALSE", rationale: "The business case expects 25,000." });
  await addExternalSource(ravi, { url: "https://example.org/business-case", title: `Tram business case ${RUN}`, excerpt: "About 25,000 daily riders by 2032." });
  for (const body of ["First pass done.", "The business case is from 2024.", "Ridership table checked.", "Ready for an editor."]) await comment(ravi, body);
  await panel(ravi).getByRole("button", { name: "Submit for review" }).click();
  await expect(panel(ravi).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");

  await elena.goto(`/queue?article=${articleId}`);
  const item = elena.getByTestId("queue-item").filter({ has: elena.getByRole("heading", { name: restatement }) });
  await expect(item).toHaveCount(1);
  // The evidence itself: stance, source and excerpt.
  const evidence = item.getByTestId("queue-evidence");
  await expect(evidence).toHaveCount(1);
  await expect(evidence.locator(".stance")).toHaveText("Supports");
  await expect(evidence.getByRole("link", { name: `Tram business case ${RUN}` })).toHaveAttribute("href", "https://example.org/business-case");
  await expect(evidence.locator("blockquote")).toHaveText("About 25,000 daily riders by 2032.");
  // The latest three comments, with who wrote them.
  await expect(item.getByRole("heading", { name: /^Comments \(4\)/ })).toContainText("the latest 3");
  await expect(item.getByTestId("queue-comment").locator(".comment__body")).toHaveText(["The business case is from 2024.", "Ridership table checked.", "Ready for an editor."]);
  await expect(item.getByTestId("queue-comment").first().locator(".comment__meta")).toContainText("Ravi Reviewer");
  await screenshot(elena, "safeguards-queue");
  await elena.setViewportSize({ width: 390, height: 844 });
  await screenshot(elena, "safeguards-queue-390");
  await elena.setViewportSize({ width: 1280, height: 720 });

  // A before moving to a claim approves nothing, and says why.
  await elena.keyboard.press("a");
  await expect(elena.locator(".queue-status")).toContainText("Move to a claim first");
  await expect(item).toHaveCount(1);

  // J moves to it; A approves it, and the status region says what happened, with Undo.
  await elena.keyboard.press("j");
  await expect(item).toBeFocused();
  await elena.keyboard.press("a");
  const notice = elena.getByTestId("approval-notice");
  await expect(notice).toContainText(`Approved: ${restatement}`);
  await expect(elena.locator(".queue-status")).toHaveAttribute("aria-live", "polite");
  await expect(item).toHaveCount(0);
  await screenshot(elena, "safeguards-approved-undo", false);

  // U undoes it: the claim is back in the queue, and its history says so.
  await elena.keyboard.press("u");
  await expect(notice).toContainText("Approval undone");
  await expect(item).toHaveCount(1);
  await openClaim(elena, articleId, claimId);
  await expect(panel(elena).locator(".claim-panel__badges .state-badge")).toHaveText("Submitted");
  await expect(panel(elena).locator(".history-list li").last()).toContainText("Undid the approval");
});

test("changing a reviewer's verdict needs a note; the reviewer is told on My work; the history shows the change word by word", async ({ browser }) => {
  const elena = await newSignedInPage(browser, EDITOR);
  const articleId = await importTestArticle(elena, `Tram delays ${RUN}`);
  const ravi = await newSignedInPage(browser, REVIEWER);
  await ravi.goto(`/articles/${articleId}`);
  await waitForReader(ravi);
  const restatement = `The tram line is two years late [sg-${RUN}].`;
  const claimId = await markClaim(ravi, "two years later than first planned", {
    restatement,
    verdict: "MOSTLY_TRUE",
    rationale: "The 2021 plan said 2027.",
  });

  await openClaim(elena, articleId, claimId);
  const claimPanel = panel(elena);
  await claimPanel.getByRole("button", { name: "Edit claim" }).click();
  await claimPanel.getByLabel("Verdict", { exact: true }).selectOption("TRUE");
  await claimPanel.getByLabel("Rationale").fill("The revised 2021 plan said 2027.");
  await claimPanel.getByRole("button", { name: "Save changes" }).click();
  // Refused without a note, the error on the note field; nothing saved.
  const noteField = claimPanel.getByLabel("Reason for the change");
  await expect(noteField).toHaveAttribute("aria-invalid", "true");
  await expect(noteField).toHaveAccessibleDescription(/Ravi Reviewer will be told.*Say why you change this verdict/);
  await expect(claimPanel.getByLabel("Verdict", { exact: true })).toHaveValue("TRUE");
  await screenshot(elena, "safeguards-verdict-note-required", false);

  const note = `The minister confirmed the new date (${RUN}).`;
  await noteField.fill(note);
  await claimPanel.getByRole("button", { name: "Save changes" }).click();
  await expect(claimPanel.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(panelTitle(elena)).toHaveText(restatement);

  // The history: the verdict change with its note, and the rationale's change word by word.
  const lastEvent = claimPanel.locator(".history-list li").last();
  await expect(lastEvent).toContainText(`Verdict: Mostly true → True; rationale changed; note: “${note}”`);
  const diff = lastEvent.locator(".text-diff").filter({ hasText: "Rationale:" });
  await expect(diff.locator("ins")).toHaveCount(1);
  await expect(diff.locator("ins")).toContainText("revised");
  await expect(diff.locator("del")).toHaveCount(0);
  await lastEvent.scrollIntoViewIfNeeded();
  await screenshot(elena, "safeguards-history-diff", false);

  // The reviewer is told, on My work, and can mark it read.
  await ravi.goto("/home");
  const notification = ravi.getByTestId("notification").filter({ hasText: restatement });
  await expect(notification).toContainText(`Your verdict on ‘${restatement}’ was changed from Mostly true to True by Elena Editor: ${note}`);
  await expect(notification.getByRole("link", { name: restatement })).toHaveAttribute("href", `/articles/${articleId}?claim=${claimId}`);
  await screenshot(ravi, "safeguards-notification");
  await ravi.setViewportSize({ width: 390, height: 844 });
  await screenshot(ravi, "safeguards-notification-390");
  await notification.getByRole("button", { name: "Mark as read" }).click();
  await expect(notification).toHaveCount(0);
});
