import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, markClaim, newSignedInPage, panel, screenshot, waitForReader, workflowButton } from "./fixtures";

/**
 * "Checked before": a reviewer's claim is approved in one article; an editor imports another
 * article that makes the same claim in other words (and one that changes its month), and the
 * new article says which sentence was checked before, with the verdict, linking to the
 * approved claim: in a note at its top and by a marker on the sentence. This file's articles
 * carry RUN in their titles and figures, so other specs' data cannot match them.
 */

const RUN = Date.now().toString(36).slice(-5);
const FIGURE = ((parseInt(RUN, 36) % 890) / 10 + 1.1).toFixed(1);
const FIRST_TITLE = `Harbour jobs report ${RUN}`;
const CHECKED = `The harbour district's unemployment rate fell to ${FIGURE} percent in May`;
const FIRST = [FIRST_TITLE, `${CHECKED}, the statistics office said on Friday.`, "Economists had expected a smaller fall."].join("\n\n");
const RESTATEMENT = `Harbour district unemployment fell to ${FIGURE}% in May`;
const SECOND_TITLE = `Mayor of the harbour ${RUN}`;
const REWORDED = `Unemployment in the harbour district fell to ${FIGURE}% in May, the mayor claimed on Tuesday.`;
const OTHER_MONTH = `Unemployment in the harbour district rose to ${FIGURE}% in June, the mayor added.`;
const SECOND = [SECOND_TITLE, REWORDED, OTHER_MONTH, "The mayor spoke for an hour at the town hall."].join("\n\n");

const stateBadge = (page: Page) => panel(page).locator(".claim-panel__badges .state-badge");

test.describe.serial("checked before", () => {
  let editor: Page;
  let firstId = "";
  let claimId = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    editor = await newSignedInPage(browser, EDITOR);
    firstId = await importArticle(editor, { content: FIRST, outlet: "The Harbour Post" });

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${firstId}`);
    await waitForReader(reviewer);
    claimId = await markClaim(reviewer, CHECKED, { restatement: RESTATEMENT, verdict: "FALSE", rationale: `The office's table says otherwise (${RUN}).` });
    await addExternalSource(reviewer, { url: "https://stats.example/harbour", title: `Harbour labour table ${RUN}` });
    await workflowButton(reviewer, "Submit for review").click();
    await expect(stateBadge(reviewer)).toHaveText("Submitted");
    await reviewer.context().close();

    await editor.goto(`/articles/${firstId}?claim=${claimId}`);
    await waitForReader(editor);
    await expect(panel(editor).getByText(/^Marked by /)).toBeVisible();
    await workflowButton(editor, "Approve").click();
    await expect(stateBadge(editor)).toHaveText("Approved");
  });

  test.afterAll(async () => {
    await editor?.context().close();
  });

  test("an imported article flags the sentence checked before, with its verdict and a link to the approved claim", async () => {
    await importArticle(editor, { content: SECOND, outlet: "The Harbour Post" });
    const note = editor.getByRole("region", { name: "Checked before" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("One sentence of this article states a claim already approved in another article.");
    const items = note.getByRole("listitem");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(REWORDED);
    await expect(items.first()).toContainText("False");
    await expect(items.first()).not.toContainText(OTHER_MONTH);

    // The sentence itself carries a marker that says it in words.
    const marker = editor.locator(".hl-marker--checked-before");
    await expect(marker).toHaveCount(1);
    await expect(marker).toHaveAttribute("aria-label", `Checked before: False in “${FIRST_TITLE}”: ${RESTATEMENT}`);
    await expect(editor.locator(".hl-checked-before").first()).toContainText("Unemployment in the harbour district fell");
    await screenshot(editor, "checked-before-desktop");
    await editor.setViewportSize({ width: 390, height: 844 });
    await screenshot(editor, "checked-before-phone");
    await editor.setViewportSize({ width: 1280, height: 800 });

    // By keyboard: the link is reached with Tab and opens the approved claim in its article.
    const link = items.first().getByRole("link", { name: FIRST_TITLE });
    await link.focus();
    await expect(link).toBeFocused();
    await editor.keyboard.press("Enter");
    await expect(editor).toHaveURL(new RegExp(`/articles/${firstId}\\?claim=${claimId}$`));
    await waitForReader(editor);
    await expect(stateBadge(editor)).toHaveText("Approved");
  });
});
