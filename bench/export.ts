/**
 * Export benchmark: the published 20,000-word article with 1,000 approved claims with
 * evidence (createPublishedArticle). In process: the data layer's load and each
 * format's generation (median of 5) with its size. Over HTTP against `npm start`: each
 * export route and the public page (median of 5, anonymous, as other tools fetch them).
 */
import type { ExportModel } from "@/lib/export/model";
import { allowServerOnly, benchDatabase, createPublishedArticle, median, medianOfRuns, report, startApp, timed, type Figure } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const RUNS = 5;
const TARGET_MS = 500;
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const APP_URL = "https://verity.example";

const medianOf = <T>(run: () => Promise<T> | T) => medianOfRuns(RUNS, run);

export async function runExportBench() {
  allowServerOnly();
  const { loadArticleExport } = await import("@/lib/export/data");
  const { renderExport } = await import("@/lib/export/render");
  const { EXPORT_FORMAT_NAMES, exportPath } = await import("@/lib/export/formats");
  const figures: Figure[] = [];
  let articleId = "";

  const database = await benchDatabase(async (prisma) => {
    articleId = await createPublishedArticle(prisma, WORDS, CLAIMS);

    // In process, while this database is open.
    const load = await medianOf(() => loadArticleExport(null, articleId, { appUrl: APP_URL }));
    const model: ExportModel = load.value;
    figures.push({ figure: `load the export model (${model.claims.length} approved claims), median of ${RUNS}`, value: load.ms, unit: "ms", target: `<= ${TARGET_MS} ms`, met: load.ms <= TARGET_MS });
    for (const format of EXPORT_FORMAT_NAMES) {
      const render = await medianOf(() => renderExport(model, format));
      const bytes = Buffer.byteLength(render.value);
      figures.push({ figure: `generate ${format}, median of ${RUNS}`, value: render.ms, unit: "ms", target: `<= ${TARGET_MS} ms`, met: render.ms <= TARGET_MS });
      figures.push({ figure: `${format} size`, value: bytes / 1024, unit: "KiB", target: "", met: null });
    }
  });

  const app = await startApp(database.appEnv, PORT);
  try {
    const fetchMedian = async (path: string) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const { ms, value } = await timed(async () => {
          const response = await fetch(`${app.url}${path}`);
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
          return (await response.arrayBuffer()).byteLength;
        });
        // The first request warms the route up; it is not counted.
        if (i > 0) times.push(ms);
        bytes = value;
      }
      return { ms: median(times), bytes };
    };
    for (const format of EXPORT_FORMAT_NAMES) {
      const { ms } = await fetchMedian(exportPath(articleId, format));
      figures.push({ figure: `GET ${format} export (anonymous, published), median of ${RUNS}`, value: ms, unit: "ms", target: `<= ${TARGET_MS} ms`, met: ms <= TARGET_MS });
    }
    const page = await fetchMedian(`/p/${articleId}`);
    figures.push({ figure: `GET public page, median of ${RUNS}`, value: page.ms, unit: "ms", target: `<= ${TARGET_MS} ms`, met: page.ms <= TARGET_MS });
    figures.push({ figure: "public page size", value: page.bytes / 1024, unit: "KiB", target: "", met: null });
  } finally {
    await app.stop();
    await database.drop();
  }
  report("export", { database: database.kind, words: WORDS, claims: CLAIMS }, figures);
}
