/**
 * Claim actions benchmark: the reader's claim panel on the reader benchmark's article
 * (20,000 words, 1,000 claims) in headless Chromium. For each of RUNS draft claims of the
 * signed-in reviewer: edit it, comment, add an external source, remove it, add one back
 * and submit it, each timed from the mouse press on the form's button to the frame after
 * the panel shows the change. Also counts the requests that render the article page again
 * (RSC fetches of its URL) and the bytes of the actions' answers, which carry the page when
 * an action re-renders it.
 */
import type { Locator, Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/seed/seed";
import { benchDatabase, createClaimedArticle, launchBrowser, median, report, signIn, startApp } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const STEPS = ["edit", "comment", "add evidence", "remove evidence", "submit"] as const;
type Step = (typeof STEPS)[number];

export async function runClaimActionsBench() {
  let articleId = "";
  let claimIds: string[] = [];
  const database = await benchDatabase(async (prisma) => {
    articleId = await createClaimedArticle(prisma, WORDS, CLAIMS);
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((user) => user.role === "REVIEWER")!.email } });
    // Spread over the article, each the signed-in reviewer's draft with a verdict and a rationale (submittable once it has evidence).
    const claims = await prisma.claim.findMany({ where: { articleId }, orderBy: { startOffset: "asc" }, select: { id: true } });
    claimIds = Array.from({ length: RUNS }, (_, i) => claims[Math.floor(((i + 0.5) * claims.length) / RUNS)].id);
    await prisma.claim.updateMany({
      where: { id: { in: claimIds } },
      data: { authorId: reviewer.id, state: "DRAFT", verdict: "MOSTLY_FALSE", verdictProposedById: reviewer.id, rationale: "The figures differ." },
    });
  });

  const app = await startApp(database.appEnv, PORT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url);
    const articlePath = `/articles/${articleId}`;
    let pageRenders = 0;
    let answerBytes = 0;
    page.on("request", (request) => {
      // A link's prefetch (Next-Router-Prefetch) is not a render of this page.
      const headers = request.headers();
      if (new URL(request.url()).pathname === articlePath && headers["rsc"] === "1" && !headers["next-router-prefetch"]) pageRenders++;
    });
    page.on("response", async (response) => {
      if (response.request().headers()["next-action"]) answerBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });

    const times: Record<Step, number[]> = { edit: [], comment: [], "add evidence": [], "remove evidence": [], submit: [] };
    for (const [run, claimId] of claimIds.entries()) {
      await page.goto(`${app.url}${articlePath}?claim=${claimId}`);
      const panel = page.getByTestId("claim-panel");
      await panel.getByText(/^Marked by /).waitFor();
      const rationale = `Checked again, run ${run}.`;

      await panel.getByRole("button", { name: "Edit claim" }).click();
      await panel.getByLabel("Rationale").fill(rationale);
      times.edit.push(await pressUntil(page, panel.getByRole("button", { name: "Save changes" }), ".claim-panel .rationale", rationale));

      await panel.getByLabel("Add a comment").fill(`Comment ${run}`);
      times.comment.push(await pressUntil(page, panel.getByRole("button", { name: "Comment", exact: true }), "#comments-heading", "Comments (1)"));

      const addSource = async () => {
        const details = panel.locator("details.add-evidence").filter({ hasText: "Add an external source" });
        if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
        await panel.getByLabel("URL").fill("https://example.org/study");
        await panel.getByLabel("Title").fill("A study");
        return pressUntil(page, panel.getByRole("button", { name: "Add source" }), "#evidence-heading", "Evidence (1)");
      };
      times["add evidence"].push(await addSource());
      times["remove evidence"].push(await pressUntil(page, panel.getByRole("button", { name: "Remove" }), "#evidence-heading", "Evidence (0)"));
      await addSource();
      times.submit.push(await pressUntil(page, panel.getByRole("button", { name: "Submit for review" }), ".claim-panel .state-badge.state-SUBMITTED", "Submitted"));
    }
    // A re-render the actions caused arrives after their answers (a live update's refresh is debounced).
    await page.waitForTimeout(1_000);

    const actions = RUNS * (STEPS.length + 1);
    report(
      "claim-actions",
      { database: database.kind, words: WORDS, claims: CLAIMS, runs: RUNS },
      [
        ...STEPS.map((step) => ({ figure: `${step}: button pressed to panel updated, median`, value: median(times[step]), unit: "ms", target: "-", met: null })),
        { figure: "article page rendered again (RSC fetches), per action", value: pageRenders / actions, unit: "", target: "0", met: pageRenders === 0 },
        { figure: "action answer, mean", value: answerBytes / actions / 1024, unit: "KB", target: "-", met: null },
      ],
      { columns: ["step", ...Array.from({ length: RUNS }, (_, i) => `run ${i + 1} (ms)`)], rows: STEPS.map((step) => [step, ...times[step]]) },
    );
  } finally {
    await browser.close();
    await app.stop();
    await database.drop();
  }
}

/** From the mouse press on `button` to the frame after an element matching `selector` reads `text`. */
async function pressUntil(page: Page, button: Locator, selector: string, text: string) {
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(
    ({ selector, text }) => {
      const state = window as unknown as { benchPressed: number; benchShown: Promise<number> };
      document.addEventListener("mousedown", () => (state.benchPressed = performance.now()), { once: true, capture: true });
      state.benchShown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          // Inline: tsx names functions declared here with a helper the page does not have.
          if (![...document.querySelectorAll(selector)].some((element) => element.textContent?.trim() === text)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
    { selector, text },
  );
  await button.click();
  return page.evaluate(async () => {
    const state = window as unknown as { benchPressed: number; benchShown: Promise<number> };
    return (await state.benchShown) - state.benchPressed;
  });
}
