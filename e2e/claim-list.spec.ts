import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, newSignedInPage, panel, waitForReader } from "./fixtures";

/**
 * The claim list of a long article: every claim is reachable (from its highlight and back to
 * its item, beyond the first 50), and the bulk actions on chosen claims (submit my drafts,
 * assign, tag) with their result or each claim that stopped them, and the filters by tag and
 * assignee. The claims are the reviewer's drafts, made by importing Web Annotations.
 */

const RUN = Date.now().toString(36).slice(-5);
const COUNT = 70;
const phrase = (n: number) => `the harbour hired ${n * 7} workers`;
const restatement = (n: number) => `Claim ${n} [${RUN}]: the harbour hired ${n * 7} workers.`;

/** A Web Annotations file with one claim per paragraph; the first two with a verdict and rationale. */
function annotations() {
  const items = Array.from({ length: COUNT }, (_, i) => {
    const n = i + 1;
    const body = [{ type: "TextualBody", purpose: "describing", value: restatement(n) }];
    if (n <= 2) {
      body.push({ type: "TextualBody", purpose: "assessing", value: "Mostly false" });
      body.push({ type: "TextualBody", purpose: "commenting", value: "The payroll shows fewer." });
    }
    return { id: `https://elsewhere.example/a/${n}`, type: "Annotation", motivation: "assessing", body, target: { source: "https://elsewhere.example/harbour", selector: [{ type: "TextQuoteSelector", exact: phrase(n) }] } };
  });
  const collection = { "@context": "http://www.w3.org/ns/anno.jsonld", id: "https://elsewhere.example/a", type: "AnnotationCollection", total: COUNT, first: { type: "AnnotationPage", items } };
  return { name: "harbour.annotations.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(JSON.stringify(collection)) };
}

let articleId = "";
let reviewer: Page;

test.beforeAll(async ({ browser }) => {
  const editor = await newSignedInPage(browser, EDITOR);
  const paragraphs = Array.from({ length: COUNT }, (_, i) => `In month ${i + 1}, ${phrase(i + 1)}, the port said.`);
  articleId = await importArticle(editor, { content: [`Harbour Hiring ${RUN}`, ...paragraphs].join("\n"), outlet: "Port Times" });
  await editor.close();
  reviewer = await newSignedInPage(browser, REVIEWER);
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  const form = reviewer.getByRole("form", { name: "Import annotations" });
  await reviewer.getByText("Import annotations…").click();
  await form.getByLabel("Annotations file").setInputFiles(annotations());
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.locator(".form-message--ok")).toHaveText(`${COUNT} draft claims created.`);
});

test.afterAll(async () => {
  await reviewer.close();
});

const list = () => reviewer.getByRole("complementary", { name: "Claims" });
const item = (n: number) => list().locator("li", { has: reviewer.getByText(restatement(n), { exact: true }) });
const status = () => list().getByTestId("bulk-status");
const filter = (label: string) => list().locator(".claim-filters").getByLabel(label);

async function reload() {
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  await expect(list().getByTestId("claim-item")).toHaveCount(COUNT);
}

test("a claim beyond the first 50 opens from its highlight, and closing it goes back to its item in the list", async () => {
  await reload();
  const id = await item(65).getAttribute("data-claim-id");
  await reviewer.locator(`.reader__text [data-claim="${id}"]`).first().click();
  await expect(panel(reviewer)).toHaveAttribute("data-claim-id", id!);
  await reviewer.keyboard.press("Escape");
  const button = item(65).getByTestId("claim-item");
  await expect(button).toBeFocused();
  await expect(button).toBeInViewport();
  // The browser's own find reaches it too: the item is in the page.
  await expect(list().getByText(restatement(69), { exact: true })).toHaveCount(1);
});

test("bulk tag and assign with the keyboard, then filter by tag and by assignee", async () => {
  await reload();
  // Choose claims 3 and 4 with the keyboard.
  for (const n of [3, 4]) {
    await item(n).getByRole("checkbox").focus();
    await reviewer.keyboard.press("Space");
  }
  await expect(list().getByText("2 chosen")).toBeVisible();
  await list().getByLabel("Tags to add").fill("Payroll, Port ");
  await list().getByRole("button", { name: "Add tags" }).click();
  await expect(status()).toHaveText("Tagged 2 claims.");
  await expect(item(3)).toContainText("#payroll#port");
  await expect(list().getByText("None chosen")).toBeVisible();

  for (const n of [4, 5]) await item(n).getByRole("checkbox").check();
  await list().getByLabel("Assign to").selectOption({ label: `${REVIEWER.name} (me)` });
  await list().getByRole("button", { name: "Assign", exact: true }).click();
  await expect(status()).toHaveText("Assigned 2 claims.");
  await expect(item(5)).toContainText(`Assigned to ${REVIEWER.name}`);

  await filter("Tag").selectOption("payroll");
  await expect(list().getByTestId("claim-item")).toHaveCount(2);
  await filter("Tag").selectOption("");
  await filter("Assigned to").selectOption({ label: "Me" });
  await expect(list().getByTestId("claim-item")).toHaveCount(2);
  await expect(list().getByTestId("claim-item").nth(0)).toContainText(restatement(4));
  await expect(list().getByTestId("claim-item").nth(1)).toContainText(restatement(5));

  // The panel shows them too, and tags one claim.
  await item(4).getByTestId("claim-item").click();
  const claimPanel = panel(reviewer);
  await expect(claimPanel.getByLabel("Assigned to").locator("option:checked")).toHaveText(`${REVIEWER.name} (me)`);
  const tags = claimPanel.getByRole("textbox", { name: "Tags" });
  await expect(tags).toHaveValue("payroll, port");
  await tags.fill("payroll");
  await claimPanel.getByRole("button", { name: "Save tags" }).click();
  await expect(claimPanel.getByText("Tags: payroll, port → payroll")).toBeVisible();
});

test("Submit my drafts is all or nothing: a draft without a verdict stops it and is named; then the ready drafts are submitted", async () => {
  await reload();
  // Claims 1 and 2 have a verdict and rationale; each needs a source to be submitted.
  for (const n of [1, 2]) {
    await item(n).getByTestId("claim-item").click();
    await addExternalSource(reviewer, { url: `https://example.org/payroll-${n}`, title: `Payroll ${n}` });
    await reviewer.keyboard.press("Escape");
  }
  for (const n of [1, 2, 6]) await item(n).getByRole("checkbox").check();
  await list().getByRole("button", { name: "Submit my drafts (3)" }).click();
  await expect(status()).toContainText("One of the chosen claims cannot be changed, so none was.");
  await expect(status().getByRole("listitem")).toHaveCount(1);
  await expect(status().getByRole("listitem")).toContainText(restatement(6));
  await expect(status().getByRole("listitem")).toContainText("verdict");
  await expect(item(1)).toContainText("Draft");

  await item(6).getByRole("checkbox").uncheck();
  await list().getByRole("button", { name: "Submit my drafts (2)" }).click();
  await expect(status()).toHaveText("Submitted 2 claims for review.");
  await expect(item(1)).toContainText("Submitted");
  await expect(item(2)).toContainText("Submitted");
  await expect(item(6)).toContainText("Draft");
});
