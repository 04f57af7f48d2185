import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { ADMIN, EDITOR, REVIEWER, REVIEWER2, importArticle, newSignedInPage, screenshot } from "./fixtures";

/**
 * Blind marking (issue 17): an editor asks two reviewers to mark an article's claims; each
 * marks without seeing the other's marks (nor does the editor or the admin's audit log read
 * them) until both have finished; the marks are then revealed merged where they overlap, with
 * their span agreement, and the editor makes one claim of the shared one and sets the other aside.
 */

test("two reviewers mark blind; the overlapping marks are revealed as one claim to reconcile, with their span agreement", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Blind Marking ${stamp}`;
  // An emoji before the claims: the marks CSV counts code points, one fewer than UTF-16 after it.
  const lines = ["The mayor 🚋 said the new tram line will carry 40,000 passengers a day.", "It opens in 2031, the council says.", "Residents met on Tuesday."];
  const articleId = await importArticle(elena, { content: [title, ...lines].join("\n"), outlet: "Marking Test" });

  await elena.goto(`/articles/${articleId}`);
  const ask = elena.getByRole("form", { name: "Ask for blind marking" });
  await elena.getByText("Ask for blind marking…").click();
  for (const name of [REVIEWER.name, REVIEWER2.name]) await ask.getByLabel(name, { exact: true }).check();
  await ask.getByRole("button", { name: "Ask for blind marking" }).click();
  await expect(elena.getByTestId("marking-notice")).toContainText("Blind marking under way: 0 of 2 reviewers finished.");

  const ravi = await newSignedInPage(browser, REVIEWER);
  const rosa = await newSignedInPage(browser, REVIEWER2);
  const secret = { ravi: `raviwords${stamp}`, rosa: `rosawords${stamp}` };
  const marking = `/articles/${articleId}/marking`;

  // Ravi marks two claims: one by typing its words (the keyboard's way), one by selecting it.
  await ravi.goto(`/articles/${articleId}`);
  await ravi.getByRole("link", { name: "Mark this article blind" }).click();
  await expect(ravi).toHaveURL(marking);
  await markByTyping(ravi, "will carry 40,000 passengers a day", `The tram carries 40,000 a day ${secret.ravi}`);
  await markBySelecting(ravi, "It opens in 2031", `The tram opens in 2031 ${secret.ravi}`);
  await expect(ravi.getByRole("heading", { name: "Your marks (2)" })).toBeVisible();
  await expect(ravi.locator(".marked-text mark")).toHaveText(["will carry 40,000 passengers a day", "It opens in 2031"]);
  await screenshot(ravi, "blind-marking-reviewer");
  await ravi.setViewportSize({ width: 390, height: 844 });
  await screenshot(ravi, "blind-marking-reviewer-phone");
  await ravi.setViewportSize({ width: 1280, height: 720 });

  // Neither Rosa, nor the editor, nor the admin's audit log reads Ravi's marks while the marking is blind.
  await rosa.goto(marking);
  await expect(rosa.getByRole("heading", { name: "Your marks (0)" })).toBeVisible();
  expect(await rosa.content()).not.toContain(secret.ravi);
  await elena.goto(marking);
  await expect(elena.getByText(`${REVIEWER.name}: still marking`)).toBeVisible();
  expect(await elena.content()).not.toContain(secret.ravi);
  expect(await elena.content()).not.toContain("It opens in 2031</mark>");
  const admin = await newSignedInPage(browser, ADMIN);
  await admin.goto(`/admin/audit?article=${articleId}`);
  await expect(admin.getByRole("list", { name: "Audit events" }).getByText("Blind mark made")).toHaveCount(2);
  expect(await admin.content()).not.toContain(secret.ravi);

  // Rosa marks the tram claim with other edges, and finishes; then Ravi finishes, which reveals.
  await markByTyping(rosa, "the new tram line will carry 40,000 passengers", `Tram: 40,000 riders daily ${secret.rosa}`);
  await rosa.getByRole("button", { name: "I have finished marking" }).click();
  await expect(rosa.getByText("You have finished marking.")).toBeVisible();
  await expect(rosa.getByText(`${REVIEWER2.name}: finished`)).toBeVisible();
  expect(await rosa.content()).not.toContain(secret.ravi);
  await ravi.getByRole("button", { name: "I have finished marking" }).click();
  await expect(ravi.getByRole("heading", { name: "The marks, merged where they overlap" })).toBeVisible();
  await expect(ravi.getByText(secret.rosa, { exact: false })).toBeVisible();

  // The editor sees two claims to reconcile: the tram one marked by both, the opening date by Ravi alone.
  // Overlap F1: one matched pair of the 3 marks compared, 2 × 1 / 3 = 0.667.
  // The editor's marking page, open all along, was told of each finish and of the reveal without a reload.
  await expect(elena.getByText(`${REVIEWER2.name}: finished`)).toBeVisible();
  await expect(elena.getByRole("heading", { name: "The marks, merged where they overlap" })).toBeVisible();
  await expect(elena.getByTestId("span-agreement")).toContainText("Span agreement (overlap F1): 0.667");
  const first = elena.getByRole("form", { name: "Reconcile claim 1" });
  await expect(elena.getByRole("heading", { name: "Claim 1: marked by 2 reviewers" })).toBeVisible();
  await expect(first.getByRole("radio")).toHaveCount(2);
  await screenshot(elena, "blind-marking-revealed");
  await elena.setViewportSize({ width: 390, height: 844 });
  await screenshot(elena, "blind-marking-revealed-phone");
  await elena.setViewportSize({ width: 1280, height: 720 });
  await first.getByRole("radio", { name: new RegExp(REVIEWER2.name) }).check();
  await first.getByLabel("The claim in your words").fill(`The tram line will carry 40,000 passengers a day (${stamp}).`);
  await first.getByRole("button", { name: "Make it a claim" }).click();
  await expect(elena.getByRole("heading", { name: "Claim 1: marked by 2 reviewers" }).getByText("made a claim")).toBeVisible();
  const second = elena.getByRole("form", { name: "Reconcile claim 2" });
  await second.getByRole("button", { name: "Set aside: not a claim" }).click();
  await expect(elena.getByRole("heading", { name: "Claim 2: marked by 1 reviewer" }).getByText("set aside")).toBeVisible();

  // The claim is a draft on the article, on Rosa's span.
  await elena.getByRole("link", { name: "Open the claim" }).click();
  await expect(elena.getByTestId("claim-panel")).toContainText(`The tram line will carry 40,000 passengers a day (${stamp}).`);
  await expect(elena.getByTestId("claim-panel")).toContainText("the new tram line will carry 40,000 passengers");

  // The marks as CSV, read by a third-party parser: one row per mark, spans in code points of the text.
  const csv = await elena.request.get(`/agreement/marks.csv?article=${articleId}`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
  const text = lines.join("\n");
  const inCodePoints = (words: string) => {
    const start = [...text.slice(0, text.indexOf(words))].length;
    return [String(start), String(start + [...words].length)];
  };
  const claimId = new URL(elena.url()).searchParams.get("claim");
  expect(rows.map((row) => [row.reviewer, row.start, row.end, row.exact, row.group, row.outcome, row.claim])).toEqual([
    [REVIEWER2.name, ...inCodePoints("the new tram line will carry 40,000 passengers"), "the new tram line will carry 40,000 passengers", "1", "claim", claimId],
    [REVIEWER.name, ...inCodePoints("will carry 40,000 passengers a day"), "will carry 40,000 passengers a day", "1", "claim", claimId],
    [REVIEWER.name, ...inCodePoints("It opens in 2031"), "It opens in 2031", "2", "set aside", ""],
  ]);
  expect(inCodePoints("It opens in 2031")[0]).toBe(String(text.indexOf("It opens in 2031") - 1));

  // The agreement page lists the round with its figure.
  await elena.goto(`/agreement?article=${articleId}`);
  const row = elena.getByTestId("span-agreement-table").getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("0.667");
  await expect(row).toContainText(`${REVIEWER.name} and ${REVIEWER2.name}: 0.667 (1 matched of 3 marks)`);
});

async function markByTyping(page: Page, words: string, restatement: string) {
  const form = page.getByRole("form", { name: "Mark a claim" });
  await form.getByLabel("The claim’s words").fill(words);
  await expect(form.getByText("Found in the article.")).toBeVisible();
  await form.getByLabel("The claim in your words").fill(restatement);
  await form.getByRole("button", { name: "Mark as a claim" }).click();
  await expect(form.getByText("Marked. Nobody else sees your marks", { exact: false })).toBeVisible();
}

/** Selects the words in the text as a mouse would, then marks them. */
async function markBySelecting(page: Page, words: string, restatement: string) {
  await page.locator(".marked-text").evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
  const form = page.getByRole("form", { name: "Mark a claim" });
  await expect(form.getByLabel("The claim’s words")).toHaveValue(words);
  await form.getByLabel("The claim in your words").fill(restatement);
  await form.getByRole("button", { name: "Mark as a claim" }).click();
  await expect(form.getByText("Marked. Nobody else sees your marks", { exact: false })).toBeVisible();
}
