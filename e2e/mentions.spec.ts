import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, importArticle, markClaim, newSignedInPage, panel, screenshot, waitForReader } from "./fixtures";

/**
 * Working as a team, two people in browser contexts of their own: a reviewer mentions an
 * editor in a comment (choosing the name from the suggestions by keyboard), the editor sees
 * the unread count rise after a reload, opens the notification and lands on the comment;
 * an editor assigns an article with a due date in the past and the reviewer's My work shows
 * it overdue. The database is shared with other specs: this file imports its own article
 * (its title carries RUN) and compares the unread count with what it was before.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Ferry Timetable Changes ${RUN}`;
const RESTATEMENT = `The new timetable starts on 12 March [${RUN}]`;
const CONTENT = `${TITLE}\n\nThe new ferry timetable starts on 12 March, the operator said.\nTickets will cost 4 euros for adults.`;

/** The unread count the header's notifications link names ("Notifications, 3 unread"; none is 0). */
async function unreadCount(page: Page): Promise<number> {
  const name = await page.getByTestId("notifications-link").getAttribute("aria-label");
  const count = /Notifications, (\d+) unread/.exec(name ?? "")?.[1];
  return count ? Number(count) : 0;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);

let articleId: string;
let claimId: string;

test.describe.serial("assignments, mentions and notifications", () => {
  test("a mention in a comment notifies the person named, and opening it lands on the comment", async ({ browser }) => {
    const editor = await newSignedInPage(browser, EDITOR);
    articleId = await importArticle(editor, { content: CONTENT, outlet: "Harbour Gazette" });
    claimId = await markClaim(editor, "starts on 12 March", { restatement: RESTATEMENT });
    const before = await unreadCount(editor);

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto(`/articles/${articleId}?claim=${claimId}`);
    await waitForReader(reviewer);
    const box = panel(reviewer).getByRole("combobox", { name: "Add a comment" });
    await box.focus();
    await box.pressSequentially("@Elena Ed");
    const option = panel(reviewer).getByRole("option", { name: /Elena Editor/ });
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await screenshot(reviewer, "mentions-suggestions", false);
    await box.press("Enter");
    await expect(box).toHaveValue("@Elena Editor ");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.pressSequentially("can you check the date?");
    await panel(reviewer).getByRole("button", { name: "Comment", exact: true }).click();
    await expect(panel(reviewer).getByRole("heading", { name: "Comments (1)" })).toBeVisible();

    // A reply threads under the comment.
    await panel(reviewer).getByRole("button", { name: "Reply to Ravi Reviewer" }).click();
    await panel(reviewer).getByRole("combobox", { name: "Reply to Ravi Reviewer" }).fill("The operator's notice has the date.");
    await panel(reviewer).getByRole("button", { name: "Post reply" }).click();
    await expect(panel(reviewer).getByRole("heading", { name: "Comments (2)" })).toBeVisible();
    await expect(panel(reviewer).getByRole("list", { name: "Replies to Ravi Reviewer" })).toContainText("The operator's notice has the date.");

    await editor.reload();
    // The article page has hydrated before the header's link is followed.
    await waitForReader(editor);
    await expect(editor.getByRole("link", { name: `Notifications, ${before + 1} unread` })).toBeVisible();
    await editor.getByRole("link", { name: `Notifications, ${before + 1} unread` }).click();
    await expect(editor).toHaveURL(/\/notifications$/);
    await expect(editor.getByRole("heading", { level: 1, name: "Notifications", exact: true })).toBeVisible();
    const item = editor.getByTestId("notification-item").filter({ hasText: RESTATEMENT });
    await expect(item).toContainText("@Elena Editor can you check the date?");
    await screenshot(editor, "notifications-desktop");
    await editor.setViewportSize({ width: 390, height: 844 });
    await screenshot(editor, "notifications-phone");
    await editor.setViewportSize({ width: 1280, height: 720 });

    await item.getByRole("button", { name: `Unread: Ravi Reviewer mentioned you on ‘${RESTATEMENT}’` }).click();
    await expect(editor).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}#comment-`));
    const comment = panel(editor).locator("li[id^='comment-']").filter({ hasText: "can you check the date?" }).first();
    await expect(comment).toBeFocused();
    await expect(editor.getByRole("link", { name: before === 0 ? "Notifications, none unread" : `Notifications, ${before} unread` })).toBeVisible();
  });

  test("an editor assigns an article with a due date in the past; the reviewer's My work shows it overdue", async ({ browser }) => {
    const editor = await newSignedInPage(browser, EDITOR);
    await editor.goto(`/articles/${articleId}`);
    await waitForReader(editor);
    await editor.locator("summary", { hasText: "Assign this article" }).click();
    await editor.getByLabel("Assign to", { exact: true }).selectOption({ label: "Ravi Reviewer" });
    await editor.getByLabel("Due date (optional)").fill(daysAgo(2));
    await editor.getByRole("button", { name: "Save assignment" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Article assigned." })).toBeVisible();

    const reviewer = await newSignedInPage(browser, REVIEWER);
    await reviewer.goto("/home");
    const assignment = reviewer.getByTestId("assignment").filter({ hasText: `Article: ${TITLE}` });
    await expect(assignment).toContainText("Overdue by 2 days");
    // Overdue work comes first.
    await expect(reviewer.getByTestId("assignment").first()).toContainText("Overdue by");
    await screenshot(reviewer, "my-work-assignments-desktop");
    await reviewer.setViewportSize({ width: 390, height: 844 });
    await screenshot(reviewer, "my-work-assignments-phone");

    // The reviewer was told of the assignment too.
    await reviewer.goto("/notifications");
    await expect(reviewer.getByTestId("notification-item").filter({ hasText: `Elena Editor assigned you the article ‘${TITLE}’` })).toBeVisible();
    await reviewer.goto("/account");
    await expect(reviewer.getByText("Email is not set up on this server; ask an administrator.")).toBeVisible();
    await screenshot(reviewer, "account-digest-phone");
  });
});
