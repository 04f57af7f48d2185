import path from "node:path";
import { expect, test } from "@playwright/test";
import { EDITOR, REVIEWER, importArticle, newSignedInPage, panel, screenshot, waitForReader } from "./fixtures";

/**
 * A reviewer imports the Hypothesis client's "Export annotations" file (the realistic fixture
 * the unit tests check against Hypothesis's annotation schema) through the article page's
 * import form: the report says what was imported, orphaned and skipped, and the claims are
 * in the list with their verdicts, rationale and the thread's replies as comments.
 */

const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Harbour plan (Hypothesis) ${RUN}`;
const PARAGRAPHS = [
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
];
const EXPORT_FILE = path.join(process.cwd(), "lib", "export", "__fixtures__", "hypothesis", "export.json");

test("a reviewer imports a Hypothesis export and sees what was imported, orphaned and skipped", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await newSignedInPage(browser, EDITOR);
  const articleId = await importArticle(editor, { content: [TITLE, ...PARAGRAPHS].join("\n\n"), outlet: "Harbour Gazette" });
  await editor.context().close();

  const reviewer = await newSignedInPage(browser, REVIEWER);
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  // Sentences that repeat a claim approved in an earlier test's article are marked "checked before", a highlight each.
  const checkedBefore = Number(await reviewer.locator(".reader__text").getAttribute("data-highlights"));
  const form = reviewer.getByRole("form", { name: "Import annotations" });
  await reviewer.getByText("Import annotations…").click();
  await form.getByLabel("Annotations file").setInputFiles(EXPORT_FILE);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.locator(".form-message--ok")).toHaveText(
    "3 draft claims created, with 2 replies as comments; 1 could not be placed on this article’s text. 1 annotation skipped.",
  );
  await expect(form.getByTestId("orphaned-annotation")).toHaveText(["The harbour will pay for itself within a decade. — “The harbour will pay for itself within a decade.”"]);
  await expect(form.getByTestId("skipped-annotation")).toHaveText(["Pr2sEku8Ee-Zm4XuA8cOyh: page note: not anchored to text"]);
  await expect(reviewer.locator(".reader__text")).toHaveAttribute("data-highlights", String(checkedBefore + 3));
  await screenshot(reviewer, "hypothesis-import-report", false);

  const list = reviewer.getByRole("complementary", { name: "Claims" });
  const jobs = "the new harbour will create 2,000 jobs";
  for (const restatement of [jobs, "The mayor called it the largest investment in the city's history", "the budget had doubled since 2019"]) {
    await expect(list.getByText(restatement, { exact: true })).toBeVisible();
  }
  // The first thread: its verdict from the "Mostly false" tag, its text the rationale, its replies comments in order.
  await list.getByText(jobs, { exact: true }).click();
  await expect(panel(reviewer).locator("#claim-panel-title")).toHaveText(jobs);
  await expect(panel(reviewer)).toContainText("Mostly false");
  await expect(panel(reviewer)).toContainText("The authority's own feasibility study (2024, table 3) counts **1,200** permanent jobs");
  await expect(panel(reviewer).getByText("Agreed: table 3 of the study gives 1,200.")).toBeVisible();
  await expect(panel(reviewer).getByText("And the 2027 end date is in the construction contract, section 2.")).toBeVisible();
  await screenshot(reviewer, "hypothesis-import-claim", false);
  await reviewer.context().close();
});
