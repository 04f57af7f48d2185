import { expect, test, type Page } from "@playwright/test";
import { EDITOR, REVIEWER, addExternalSource, importArticle, newSignedInPage, panel, waitForReader } from "./fixtures";

/**
 * The claim list of a long article, past the 50 claims a list keeps whole: only the items near
 * the view are in the page, yet every claim is reachable (from its highlight and back to its
 * item, with the arrow keys, by scrolling), and the bulk actions on chosen claims (submit my
 * drafts, assign, tag) with their result or each claim that stopped them, and the filters by
 * tag and assignee. The claims are the reviewer's drafts, made by importing Web Annotations.
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

const shownItems = () => list().getByTestId("claim-item");

async function reload() {
  await reviewer.goto(`/articles/${articleId}`);
  await waitForReader(reviewer);
  await expect(list().locator(".claim-list__head .muted")).toHaveText(String(COUNT));
  await expect(item(1)).toBeVisible();
}

test("a claim beyond the first 50 opens from its highlight, and closing it goes back to its item in the list", async () => {
  await reload();
  // The claim's marker in the text, named by its restatement.
  await reviewer.locator(`.reader__text [data-claim][aria-label$="${restatement(65)}"]`).click();
  await expect(panel(reviewer)).toContainText(restatement(65));
  await reviewer.keyboard.press("Escape");
  const button = item(65).getByTestId("claim-item");
  await expect(button).toBeFocused();
  await expect(button).toBeInViewport();
  await expect(item(65)).toHaveAttribute("aria-posinset", "65");
  await expect(item(65)).toHaveAttribute("aria-setsize", String(COUNT));
});

test("only the items near the view are in the page; the arrow keys walk every item, chosen ones stay chosen, and scrolling to the bottom shows the last", async () => {
  await reload();
  expect(await shownItems().count()).toBeLessThan(COUNT);
  await item(3).getByRole("checkbox").check();

  await item(1).getByTestId("claim-item").focus();
  for (let n = 2; n <= COUNT; n++) {
    await reviewer.keyboard.press("ArrowDown");
    await expect(list().locator("li:focus-within")).toHaveAttribute("aria-posinset", String(n));
  }
  await expect(item(COUNT).getByTestId("claim-item")).toBeFocused();
  await expect(item(COUNT).getByTestId("claim-item")).toBeInViewport();
  await expect(item(3)).toHaveCount(0);
  // On a checkbox the keys move between checkboxes; Home and End go to the first and last.
  await item(COUNT).getByRole("checkbox").focus();
  await reviewer.keyboard.press("ArrowUp");
  await expect(item(COUNT - 1).getByRole("checkbox")).toBeFocused();
  await reviewer.keyboard.press("Space");
  await reviewer.keyboard.press("Home");
  await expect(item(1).getByRole("checkbox")).toBeFocused();
  await expect(item(3).getByRole("checkbox")).toBeChecked();
  await expect(list().getByText("2 chosen")).toBeVisible();
  await reviewer.keyboard.press("End");
  await expect(item(COUNT).getByRole("checkbox")).toBeFocused();
  await expect(item(COUNT - 1).getByRole("checkbox")).toBeChecked();
  await list().getByRole("button", { name: "Clear" }).click();

  await list().evaluate((side) => side.scrollTo(0, 0));
  await expect(item(COUNT)).toHaveCount(0);
  await list().evaluate((side) => side.scrollTo(0, side.scrollHeight));
  await expect(item(COUNT)).toBeInViewport();
  expect(await shownItems().count()).toBeLessThan(COUNT);
});

test("on a phone the sheet's list is a window too: back from claim 65 to its item, and scrolled to the bottom it shows the last", async () => {
  await reviewer.setViewportSize({ width: 390, height: 844 });
  try {
    // The sheet is closed until a claim or the Claims button opens it.
    await reviewer.goto(`/articles/${articleId}`);
    await waitForReader(reviewer);
    await reviewer.locator(`.reader__text [data-claim][aria-label$="${restatement(65)}"]`).click();
    await expect(panel(reviewer)).toContainText(restatement(65));
    await panel(reviewer).getByRole("button", { name: "All claims" }).click();
    const button = item(65).getByTestId("claim-item");
    await expect(button).toBeFocused();
    await expect(button).toBeInViewport();
    // Not under the sheet's bar, which stays on top as the sheet scrolls.
    const bar = await list().locator(".sheet-bar").boundingBox();
    expect((await button.boundingBox())!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
    expect(await shownItems().count()).toBeLessThan(COUNT);
    await list().evaluate((side) => side.scrollTo(0, side.scrollHeight));
    await expect(item(COUNT)).toBeInViewport();
  } finally {
    await reviewer.setViewportSize({ width: 1280, height: 720 });
  }
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
  await expect(shownItems()).toHaveCount(2);
  await filter("Tag").selectOption("");
  await filter("Assigned to").selectOption({ label: "Me" });
  await expect(shownItems()).toHaveCount(2);
  await expect(shownItems().nth(0)).toContainText(restatement(4));
  await expect(shownItems().nth(1)).toContainText(restatement(5));

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

test("a bulk action shows a progress bar with the server's counts while it runs, then its result", async () => {
  await reload();
  // The server's figures, as GET /api/progress/<id> gives them while the action runs (the
  // database tests cover how the server keeps them). The action is held back a moment so the
  // page has time to ask; each question must carry the id the form sent with the action.
  let sentId: string | null = null;
  const asked: string[] = [];
  await reviewer.route("**/api/progress/*", async (route) => {
    asked.push(route.request().url().split("/").pop()!);
    await route.fulfill({ json: { label: "Tagging claims", done: 42, total: COUNT - 2 } });
  });
  await reviewer.route(`**/articles/${articleId}`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      // The action's form data, as the browser sent it (multipart): the progressId field's value.
      sentId = /progressId"\r?\n\r?\n([0-9a-f-]{36})/.exec(request.postDataBuffer()?.toString("utf8") ?? "")?.[1] ?? null;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    await route.continue();
  });
  // The reviewer's drafts: claims 1 and 2 were submitted by the test before.
  const drafts = COUNT - 2;
  await list().getByRole("button", { name: "Choose my drafts" }).click();
  await list().getByLabel("Tags to add").fill("counted");
  await list().getByRole("button", { name: "Add tags" }).click();
  const bar = status().getByRole("progressbar");
  await expect(bar).toHaveAttribute("value", "42");
  await expect(bar).toHaveAttribute("max", String(drafts));
  await expect(status()).toContainText(`Tagging claims: 42 of ${drafts} claims`);
  await expect(status()).toHaveText(`Tagged ${drafts} claims.`);
  await expect(status().getByRole("progressbar")).toHaveCount(0);
  expect(sentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(asked)).toEqual(new Set([sentId]));
  await reviewer.unrouteAll({ behavior: "wait" });
});
