/**
 * Reader benchmark: a 20,000-word article with 1,000 claims in headless Chromium.
 * Navigation to all highlights painted (the reader marks `verity:highlights-painted`),
 * median of 5, against the same article without claims; clicking a claim until its
 * panel is painted; the page's JS heap after load.
 */
import type { Page } from "@playwright/test";
import { benchDatabase, createClaimedArticle, launchBrowser, median, report, signIn, startApp } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3210);

export async function runReaderBench() {
  const ids = { withClaims: "", withoutClaims: "" };
  const database = await benchDatabase(async (prisma) => {
    ids.withClaims = await createClaimedArticle(prisma, WORDS, CLAIMS);
    ids.withoutClaims = await createClaimedArticle(prisma, WORDS, 0, ", no claims");
  });

  const app = await startApp(database.appEnv, PORT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await signIn(await context.newPage(), app.url);

    const paint = async (articleId: string) => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await context.newPage();
        await page.goto(`${app.url}/articles/${articleId}`, { waitUntil: "commit" });
        times.push(await highlightsPainted(page));
        await page.close();
      }
      return times;
    };
    const withClaims = await paint(ids.withClaims);
    const withoutClaims = await paint(ids.withoutClaims);

    const page = await context.newPage();
    await page.goto(`${app.url}/articles/${ids.withClaims}`, { waitUntil: "commit" });
    await highlightsPainted(page);
    const heapMB = await jsHeapMB(page);
    const clicks: number[] = [];
    for (let i = 0; i < RUNS; i++) clicks.push(await clickToPanel(page, 40 + i * 150));

    const paintMedian = median(withClaims);
    const plainMedian = median(withoutClaims);
    report("reader", { database: database.kind, words: WORDS, claims: CLAIMS, runs: RUNS, paintRunsMs: withClaims.map(Math.round) }, [
      { figure: "navigation to highlights painted (1,000 claims), median", value: paintMedian, unit: "ms", target: "<= 1500 ms", met: paintMedian <= 1500 },
      { figure: "same article without claims, median", value: plainMedian, unit: "ms", target: "-", met: null },
      { figure: "with claims / without", value: paintMedian / plainMedian, unit: "x", target: "<= 1.5x", met: paintMedian / plainMedian <= 1.5 },
      { figure: "click a claim to its panel painted, median", value: median(clicks), unit: "ms", target: "<= 100 ms", met: median(clicks) <= 100 },
      { figure: "JS heap after load", value: heapMB, unit: "MB", target: "<= 150 MB", met: heapMB <= 150 },
    ]);
  } finally {
    await browser.close();
    await app.stop();
    await database.drop();
  }
}

async function highlightsPainted(page: Page) {
  await page.waitForSelector(".reader__text[data-highlights]", { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName("verity:highlights-painted").at(-1)!.startTime);
}

async function jsHeapMB(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** From the mouse press on a claim's marker to the frame after its panel rendered. */
async function clickToPanel(page: Page, markerIndex: number) {
  const marker = page.locator(".hl-marker[data-claim]").nth(markerIndex);
  await marker.scrollIntoViewIfNeeded();
  const claimId = await marker.getAttribute("data-claim");
  await page.evaluate((id) => {
    const state = window as unknown as { benchPressed: number; benchShown: Promise<number> };
    document.addEventListener("mousedown", () => (state.benchPressed = performance.now()), { once: true, capture: true });
    state.benchShown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-testid=claim-panel][data-claim-id="${id}"]`)) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, claimId);
  await marker.click();
  return page.evaluate(async () => {
    const state = window as unknown as { benchPressed: number; benchShown: Promise<number> };
    return (await state.benchShown) - state.benchPressed;
  });
}
