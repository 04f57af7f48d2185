/**
 * Annotation import benchmark (issue 22, finding 2): while a reviewer posts the maximal
 * hostile annotation import (the report's file: 5,000 claim annotations, each quoting 660
 * characters that are in no article, as large as the form accepts) onto a 1 MB article (the
 * size issue 19 has Verity import), another client loads the login page again and again.
 * Its page loads during the import against the same client's with no import running: p50,
 * p95, max and their ratio; the import's answer, duration and the app's CPU time for it.
 */
import os from "node:os";
import { AppClient, actionIds, signedInAs } from "@/bench/app-client";
import { generateArticle } from "@/bench/generate";
import { benchDatabase, cpuMs, percentile, report, startApp, type Figure } from "@/bench/support";
import { noise } from "@/lib/anchoring/test-fixtures";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_IMPORTED_CLAIMS } from "@/lib/export/import-annotations";
import { MAX_ANNOTATION_FILE_BYTES } from "@/lib/export/schemas";

const PORT = Number(process.env.BENCH_PORT ?? 3370);
const BASELINE_S = 10;
/** A reader's pause between two page loads. */
const PAUSE_MS = 25;
const TARGET_MS = 200;

/** The report's file: MAX_IMPORTED_CLAIMS claim annotations quoting 660 characters of noise each. */
function hostileFile() {
  const items = Array.from({ length: MAX_IMPORTED_CLAIMS }, (_, i) => ({
    type: "Annotation",
    motivation: "assessing",
    target: {
      selector: [
        { type: "TextQuoteSelector", exact: noise(660, i + 1) },
        { type: "TextPositionSelector", start: i * 240, end: i * 240 + 660 },
      ],
    },
  }));
  const json = JSON.stringify({ type: "AnnotationCollection", total: items.length, first: { type: "AnnotationPage", items } });
  if (Buffer.byteLength(json) > MAX_ANNOTATION_FILE_BYTES) throw new Error("The hostile file is larger than the form accepts.");
  return json;
}

/** GET /login again and again, a pause between two, until `until` says stop; the times of the loads. */
async function loadPages(client: AppClient, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const { status, ms } = await client.get("/login");
    if (status !== 200) throw new Error(`GET /login answered ${status}.`);
    times.push(ms);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return times;
}

const summary = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) });

export async function runAnnotationImportBench() {
  let articleId = "";
  let articleUnits = 0;
  const database = await benchDatabase(async (db) => {
    const { title, doc, text } = generateArticle(180_000, 7);
    articleUnits = text.length;
    const data = { title, outlet: "Benchmark Wire", body: doc as unknown as Prisma.InputJsonValue, canonicalText: text, sourceFormat: "TEXT" as const };
    ({ id: articleId } = await db.article.create({ data, select: { id: true } }));
  });
  const file = hostileFile();
  const app = await startApp(database.appEnv, PORT);
  try {
    const importAction = actionIds()["lib/export/actions.ts#importAnnotationsAction"];
    if (!importAction) throw new Error("The build has no annotation import action: run `npx next build`.");
    const reviewer = await signedInAs(app.url, "REVIEWER");
    const reader = new AppClient(app.url);
    const post = (json: string) =>
      reviewer.action(`/articles/${articleId}`, importAction, { articleId, file: new File([json], "annotations.jsonld", { type: "application/ld+json" }) });
    // Warm both routes up: the first requests compile and load what they need.
    for (let i = 0; i < 5; i++) await reader.get("/login");
    await post(JSON.stringify([{ type: "Annotation", motivation: "assessing", target: { selector: [{ type: "TextQuoteSelector", exact: "warm-up" }] } }]));

    const baselineEnd = performance.now() + BASELINE_S * 1000;
    const baseline = await loadPages(reader, () => performance.now() >= baselineEnd);
    const loadBefore = os.loadavg()[0];

    let done = false;
    const cpuBefore = cpuMs(app.pid);
    const started = performance.now();
    const importing = post(file).then((reply) => {
      done = true;
      return { ...reply, ms: performance.now() - started };
    });
    const during = await loadPages(reader, () => done);
    const answer = await importing;
    const importCpu = cpuMs(app.pid) - cpuBefore;
    const loadAfter = os.loadavg()[0];
    const message = answer.value.state?.fieldErrors?.file?.[0] ?? answer.value.state?.message ?? answer.value.error ?? "";

    const quiet = summary(baseline);
    const loaded = summary(during);
    const megabytes = (Buffer.byteLength(file) / 2 ** 20).toFixed(1);
    const figures: Figure[] = [
      { figure: `GET /login while a reviewer imports the hostile file: max of ${during.length}`, value: loaded.max, unit: "ms", target: `<= ${TARGET_MS} ms`, met: loaded.max <= TARGET_MS },
      { figure: "GET /login while the import runs: p95", value: loaded.p95, unit: "ms", target: "", met: null },
      { figure: `GET /login with no import: p95 of ${baseline.length}`, value: quiet.p95, unit: "ms", target: "", met: null },
      { figure: "p95 during the import / with none", value: loaded.p95 / quiet.p95, unit: "x", target: "", met: null },
      { figure: `the import request (${megabytes} MiB, ${MAX_IMPORTED_CLAIMS.toLocaleString("en")} annotations), to its answer`, value: answer.ms, unit: "ms", target: "", met: null },
      { figure: "the app's CPU time meanwhile (both clients' requests)", value: importCpu, unit: "ms", target: "", met: null },
      { figure: "load average (1 min) before the import", value: loadBefore, unit: "", target: "", met: null },
      { figure: "load average (1 min) after it", value: loadAfter, unit: "", target: "", met: null },
    ];
    const row = (phase: string, times: number[], s: ReturnType<typeof summary>) => [phase, times.length, s.p50, s.p95, s.max];
    const details = {
      columns: ["GET /login", "loads", "p50 ms", "p95 ms", "max ms"],
      rows: [
        row("no import", baseline, quiet),
        row("during the import", during, loaded),
        ["during / none", "", loaded.p50 / quiet.p50, loaded.p95 / quiet.p95, loaded.max / quiet.max],
      ],
    };
    report("annotation-import", { database: database.kind, articleUnits, answerStatus: answer.status, answer: message }, figures, details);
  } finally {
    await app.stop();
    await database.drop();
  }
}
