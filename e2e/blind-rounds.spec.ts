import { expect, test, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  REVIEWER,
  REVIEWER2,
  addExternalSource,
  createUserViaAdmin,
  importArticle,
  markClaim,
  newSignedInPage,
  panel,
  screenshot,
  uniqueEmail,
  workflowButton,
} from "./fixtures";

/**
 * A blind round of three (issue 17): an editor asks a panel of three reviewers for independent
 * verdicts; each gives theirs without seeing the others', and the claim's JSON routes and the
 * Annotation Protocol give nothing of the others' away while the round is open; the last
 * verdict reveals all three side by side; the editor reconciles, and another editor approves.
 */

test("a panel of three rates blind, is revealed at the end, and is reconciled under the four-eyes rule", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const third = { name: `Tara Third ${stamp}`, email: uniqueEmail("tara"), password: "tara-password-1", role: "REVIEWER" as const };
  const admin = await newSignedInPage(browser, ADMIN);
  await createUserViaAdmin(admin, third);

  // The editor imports an article, marks a claim and adds a source (reconciling sends it to the queue).
  const elena = await newSignedInPage(browser, EDITOR);
  const title = `Blind Round ${stamp}`;
  const articleId = await importArticle(elena, {
    content: `${title}\nThe port authority said the new harbour will create 2,000 jobs.\nConstruction starts next spring.`,
    outlet: "Blind Test",
  });
  const claimId = await markClaim(elena, "will create 2,000 jobs", { restatement: `The harbour creates 2,000 jobs (${stamp}).` });
  await addExternalSource(elena, { url: "https://example.org/jobs-study", title: "Jobs study" });

  const rounds = panel(elena).getByTestId("rounds");
  const ask = rounds.getByRole("form", { name: "Ask for independent verdicts" });
  await ask.getByLabel("Ask for").selectOption("3");
  for (const name of [REVIEWER.name, REVIEWER2.name, third.name]) await ask.getByLabel(name, { exact: true }).check();
  await ask.getByRole("button", { name: "Ask for independent verdicts" }).click();
  await expect(rounds.getByText("Open: 0 of 3 verdicts given.", { exact: false })).toBeVisible();
  await screenshot(elena, "blind-round-open-editor");

  const panellists = [
    { page: await newSignedInPage(browser, REVIEWER), name: REVIEWER.name, verdict: "FALSE", secret: `ravisecret${stamp}` },
    { page: await newSignedInPage(browser, REVIEWER2), name: REVIEWER2.name, verdict: "FALSE", secret: `rosasecret${stamp}` },
    { page: await newSignedInPage(browser, third), name: third.name, verdict: "MOSTLY_FALSE", secret: `tarasecret${stamp}` },
  ];
  const claimUrl = `/articles/${articleId}?claim=${claimId}`;

  /**
   * Everything the claim's JSON route and the Annotation Protocol give this user (the protocol
   * shows a reviewer approved claims and their own, so another's draft is not found there).
   */
  const probe = async (page: Page) => {
    const answers = await Promise.all([`/api/claims/${claimId}`, `/annotations/${articleId}/${claimId}`, `/annotations/${articleId}/`].map((url) => page.request.get(url)));
    expect(answers.map((answer) => answer.status())).toEqual([200, expect.any(Number), 200]);
    expect([200, 404]).toContain(answers[1].status());
    return (await Promise.all(answers.map((answer) => answer.text()))).join("\n");
  };
  const secretsIn = (text: string) => panellists.filter((p) => text.includes(p.secret)).map((p) => p.name);

  for (const [i, me] of panellists.entries()) {
    await me.page.goto(claimUrl);
    const form = panel(me.page).getByRole("form", { name: "Your independent verdict" });
    await expect(form).toBeVisible();
    // Those who gave theirs before show as given, their verdict hidden.
    await expect(panel(me.page).getByText("Verdict given (hidden)")).toHaveCount(i);
    if (i === 2) await screenshot(me.page, "blind-round-reviewer");
    expect(secretsIn(await probe(me.page)), `${me.name} reads nobody's verdict before giving theirs`).toEqual([]);
    await form.getByLabel("Your verdict").selectOption(me.verdict);
    await form.getByLabel("Your rationale").fill(`My reason: ${me.secret}.`);
    await form.getByRole("button", { name: "Give my verdict" }).click();
    if (i < 2) {
      await expect(panel(me.page).getByText(`Open: ${i + 1} of 3 verdicts given.`, { exact: false })).toBeVisible();
      // Their own verdict, and only theirs.
      expect(secretsIn(await probe(me.page))).toEqual([me.name]);
      expect(secretsIn(await probe(elena)), "the editor sees who gave a verdict, not what").toEqual([]);
    }
  }

  // The last verdict revealed the round: everyone sees all three, side by side.
  await elena.goto(claimUrl);
  const seats = panel(elena).getByTestId("round-seat");
  await expect(panel(elena).getByText("all verdicts are in", { exact: false })).toBeVisible();
  await expect(seats).toHaveCount(3);
  for (const p of panellists) await expect(seats.filter({ hasText: p.name })).toContainText(p.secret);
  expect(secretsIn(await probe(panellists[0].page))).toEqual(panellists.map((p) => p.name));
  await screenshot(elena, "blind-round-revealed");
  await elena.setViewportSize({ width: 390, height: 844 });
  await screenshot(elena, "blind-round-revealed-phone");
  await elena.setViewportSize({ width: 1280, height: 720 });

  // The editor reconciles: the claim goes to the queue with Elena as the verdict's proposer.
  const reconcile = panel(elena).getByRole("form", { name: "Reconcile the verdicts" });
  await reconcile.getByLabel("Final verdict").selectOption("FALSE");
  await reconcile.getByLabel("Rationale").fill("Two of three found it false; the study counts 600 jobs.");
  await reconcile.getByLabel("How you weighed the panel's verdicts").fill("Majority, backed by the study.");
  await reconcile.getByRole("button", { name: "Reconcile" }).click();
  await expect(panel(elena).getByText(/^Reconciled by Elena Editor/)).toBeVisible();
  await expect(workflowButton(elena, "Approve")).toBeDisabled();

  // The queue flags the disagreement.
  await elena.goto(`/queue?article=${articleId}`);
  await expect(elena.getByTestId("queue-item").filter({ hasText: stamp })).toContainText("Reviewers disagreed: False ×2, Mostly false ×1");

  // Another editor approves it.
  await admin.goto(claimUrl);
  await expect(workflowButton(admin, "Approve")).toBeEnabled();
  await workflowButton(admin, "Approve").click();
  await expect(panel(admin).locator(".claim-panel__badges .state-badge")).toHaveText("Approved");
});
