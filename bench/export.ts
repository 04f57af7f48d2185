/**
 * Export benchmark: the 20,000-word article with 1,000 claims (generate.ts, the reader
 * benchmark's data), every claim approved, each with an external source and every fifth
 * with a passage too; the article published. In process: the data layer's load and each
 * format's generation (median of 5) with its size. Over HTTP against `npm start`: each
 * export route and the public page (median of 5, anonymous, as other tools fetch them).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportModel } from "@/lib/export/model";
import { generateArticle, generateClaims } from "@/bench/generate";
import { allowServerOnly, benchDatabase, median, report, startApp, type Figure } from "@/bench/support";

const WORDS = 20_000;
const CLAIMS = 1_000;
const RUNS = 5;
const TARGET_MS = 500;
const PORT = Number(process.env.BENCH_PORT ?? 3211);
const APP_URL = "https://verity.example";

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function medianOf<T>(run: () => Promise<T> | T) {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) ({ ms: times[i], value } = await timed(run));
  return { ms: median(times), value };
}

export async function runExportBench() {
  allowServerOnly();
  // The app serves React's production build; measure the same one in process (React reads this when first loaded).
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= "production";
  const { loadArticleExport } = await import("@/lib/export/data");
  const { renderExport } = await import("@/lib/export/render");
  const { EXPORT_FORMAT_NAMES, exportPath } = await import("@/lib/export/formats");
  const figures: Figure[] = [];
  let articleId = "";

  const database = await benchDatabase(async (prisma) => {
    const { title, doc, text } = generateArticle(WORDS, 1);
    const editor = await prisma.user.findFirstOrThrow({ where: { role: "EDITOR" }, select: { id: true } });
    const reviewers = await prisma.user.findMany({ where: { role: "REVIEWER" }, select: { id: true } });
    articleId = (
      await prisma.article.create({
        data: {
          title,
          outlet: "Benchmark Gazette",
          url: "https://gazette.example/benchmark",
          publicationDate: new Date("2025-03-09T00:00:00Z"),
          body: doc as unknown as Prisma.InputJsonValue,
          canonicalText: text,
          sourceFormat: "TEXT",
          publishedAt: new Date(),
          publishedById: editor.id,
        },
      })
    ).id;
    const generated = generateClaims(text, CLAIMS, 2);
    const approvedAt = new Date();
    const claims = await prisma.claim.createManyAndReturn({
      data: generated.map((claim, i) => {
        const authorId = reviewers[i % reviewers.length].id;
        return {
          ...claim,
          articleId,
          authorId,
          state: "APPROVED" as const,
          verdict: claim.verdict ?? "MIXED",
          verdictProposedById: authorId,
          rationale: `Checked against the public record: ${claim.restatement.slice(0, 120)}`,
          approvedAt,
          approvedById: editor.id,
        };
      }),
      select: { id: true },
    });
    await prisma.evidence.createMany({
      data: claims.flatMap(({ id }, i) => {
        const source = generated[(i * 7 + 3) % generated.length];
        const external = {
          claimId: id,
          stance: "CONTRADICTS" as const,
          url: `https://sources.example/record/${i}`,
          title: `Public record ${i}`,
          excerpt: "The figures in the record differ from those the article gives.",
          accessedAt: new Date("2025-03-10T00:00:00Z"),
          addedById: editor.id,
        };
        if (i % 5 !== 0) return [external];
        const passage = {
          claimId: id,
          stance: "CONTEXT" as const,
          sourceArticleId: articleId,
          startOffset: source.startOffset,
          endOffset: source.endOffset,
          exact: source.exact,
          prefix: source.prefix,
          suffix: source.suffix,
          anchorStatus: "ANCHORED" as const,
          addedById: editor.id,
        };
        return [external, passage];
      }),
    });

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
