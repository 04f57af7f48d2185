/**
 * Claim list scroll benchmark (issue 18): the reader's claim list of a 20,000-word article
 * with 1,000 claims in headless Chromium, scrolled from top to bottom one step per frame.
 * Frame intervals and long tasks during the scroll, and the page's DOM nodes; once as the
 * app ships it (every item laid out once), once with `content-visibility: auto` switched on
 * for the items in the page (items out of view skip layout and paint until they scroll in),
 * the alternative it was measured against.
 */
import type { Page } from "@playwright/test";
import { benchDatabase, createClaimedArticle, launchBrowser, median, percentile, report, signIn, startApp } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const STEP_PX = 300;
const RUNS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3211);

interface Scroll {
  frames: number[];
  longTasks: number[];
  distance: number;
}

export async function runClaimListScrollBench() {
  let articleId = "";
  const database = await benchDatabase(async (prisma) => {
    articleId = await createClaimedArticle(prisma, WORDS, CLAIMS);
  });

  const app = await startApp(database.appEnv, PORT);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await signIn(await context.newPage(), app.url);
    const variants = { shipped: [] as Scroll[], contentVisibility: [] as Scroll[] };
    let domNodes = 0;
    let listItems = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const variant of ["shipped", "contentVisibility"] as const) {
        const page = await context.newPage();
        await page.goto(`${app.url}/articles/${articleId}`);
        await page.waitForSelector(".reader__text[data-highlights]", { timeout: 120_000 });
        // Through the CSSOM: the page's Content-Security-Policy refuses an added style sheet.
        if (variant === "contentVisibility") {
          await page.evaluate(() =>
            document.querySelectorAll<HTMLElement>(".claim-items > li").forEach((li) => {
              li.style.contentVisibility = "auto";
              li.style.containIntrinsicSize = "auto 6rem";
            }),
          );
        }
        ({ domNodes, listItems } = await page.evaluate(() => ({
          domNodes: document.getElementsByTagName("*").length,
          listItems: document.querySelectorAll(".claim-items > li").length,
        })));
        variants[variant].push(await scrollList(page));
        await page.close();
      }
    }
    if (listItems !== CLAIMS) throw new Error(`The list shows ${listItems} claims, not ${CLAIMS}.`);

    const summary = (scrolls: Scroll[]) => {
      const frames = scrolls.flatMap((s) => s.frames);
      const longTasks = scrolls.map((s) => s.longTasks.reduce((sum, ms) => sum + ms, 0));
      return { p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames), longTaskMs: median(longTasks), frames: frames.length };
    };
    const shipped = summary(variants.shipped);
    const alternative = summary(variants.contentVisibility);
    report(
      "claim-list-scroll",
      { words: WORDS, claims: CLAIMS, runs: RUNS, stepPx: STEP_PX, distancePx: Math.round(variants.shipped[0].distance), listItems },
      [
        { figure: "frame interval while scrolling, p50", value: shipped.p50, unit: "ms", target: "-", met: null },
        { figure: "frame interval while scrolling, p95", value: shipped.p95, unit: "ms", target: "<= 50 ms", met: shipped.p95 <= 50 },
        { figure: "longest frame", value: shipped.max, unit: "ms", target: "-", met: null },
        { figure: "long tasks during one scroll, total (median of runs)", value: shipped.longTaskMs, unit: "ms", target: "<= 200 ms", met: shipped.longTaskMs <= 200 },
        { figure: "with content-visibility: auto: frame interval, p95", value: alternative.p95, unit: "ms", target: "-", met: null },
        { figure: "with content-visibility: auto: long tasks, total (median)", value: alternative.longTaskMs, unit: "ms", target: "-", met: null },
        { figure: "p95 frame, shipped / content-visibility", value: shipped.p95 / alternative.p95, unit: "x", target: "-", met: null },
        { figure: "DOM elements in the page (all 1,000 items present)", value: domNodes, unit: "", target: "-", met: null },
      ],
      {
        columns: ["variant", "frames", "p50 ms", "p95 ms", "max ms", "long tasks ms (median)"],
        rows: [
          ["shipped (every item laid out)", shipped.frames, shipped.p50, shipped.p95, shipped.max, shipped.longTaskMs],
          ["content-visibility: auto", alternative.frames, alternative.p50, alternative.p95, alternative.max, alternative.longTaskMs],
        ],
      },
    );
  } finally {
    await browser.close();
    await app.stop();
    await database.drop();
  }
}

/** Scrolls the side panel from top to bottom, STEP_PX a frame; the frame intervals and long tasks on the way. */
function scrollList(page: Page): Promise<Scroll> {
  return page.evaluate(async (step) => {
    const side = document.querySelector<HTMLElement>(".reader__side")!;
    side.scrollTop = 0;
    // The page settles first (a layout of the whole list, then an idle moment), so the scroll
    // measures scrolling, not what is left of loading the page.
    void side.scrollHeight;
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }));
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: "longtask" });
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    const frames: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    while (side.scrollTop + side.clientHeight < side.scrollHeight - 1) {
      side.scrollTop += step;
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      frames.push(now - last);
      last = now;
    }
    observer.disconnect();
    return { frames, longTasks, distance: side.scrollTop };
  }, STEP_PX);
}
