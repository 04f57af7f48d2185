/**
 * Import benchmark: a 1 MB plain-text article (generated sentences in the seed articles'
 * style, in paragraphs) through the import Server Action over HTTP, signed in as an
 * editor: the request (validation, parse, sanitise, canonical text, passages, the
 * transaction with its audit event) until the action answers with the new article's
 * address. Median of 5, each a new article. In the same run, the data layer's steps in
 * process, to show where the time goes.
 */
import { actionIds, signedInAs } from "@/bench/app-client";
import { generateArticle } from "@/bench/generate";
import { allowServerOnly, benchDatabase, median, medianOfRuns, report, startApp, timed, type Figure } from "@/bench/support";

const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;
const TARGET_MS = 2_000;
const PORT = Number(process.env.BENCH_PORT ?? 3240);

/** About 1 MB of text: a generated article's paragraphs, one blank line between them. */
export function megabyteArticle() {
  const { title, text } = generateArticle(180_000, 7);
  const paragraphs = text.split("\n").filter((line) => line.trim() !== "" && line !== title);
  let body = `${title}\n\n`;
  for (const paragraph of paragraphs) {
    if (Buffer.byteLength(body) + Buffer.byteLength(paragraph) > TARGET_BYTES) break;
    body += `${paragraph}\n\n`;
  }
  return body;
}

/** The import form's fields for `content`; the same article imported again and again is imported anyway, as an editor would choose to. */
export function importFields(content: string) {
  return { format: "TEXT", content, title: "", outlet: "Benchmark Gazette", url: "", publicationDate: "2025-03-09", importAnyway: "1" };
}

export async function runImportBench() {
  allowServerOnly();
  const { importArticleSource } = await import("@/lib/import");
  const { splitPassages } = await import("@/lib/search/passages");
  const { importArticle } = await import("@/lib/articles/data");
  const { importArticleSchema } = await import("@/lib/articles/schemas");
  const content = megabyteArticle();
  const bytes = Buffer.byteLength(content);
  const fields = importFields(content);
  const figures: Figure[] = [];
  let passages = 0;

  const database = await benchDatabase(async (prisma) => {
    // The data layer's steps, in process, on this database.
    const parse = await medianOfRuns(RUNS, () => importArticleSource({ format: "TEXT", content }));
    const split = await medianOfRuns(RUNS, () => splitPassages(parse.value.canonicalText));
    passages = split.value.length;
    const editor = await prisma.user.findFirstOrThrow({ where: { role: "EDITOR" }, select: { id: true, name: true, email: true, role: true } });
    const whole = await medianOfRuns(RUNS, () => importArticle(editor, importArticleSchema.parse(fields)));
    figures.push(
      { figure: `in process: parse, sanitise and canonical text, median of ${RUNS}`, value: parse.ms, unit: "ms", target: "", met: null },
      { figure: `in process: split into ${passages.toLocaleString("en")} passages, median of ${RUNS}`, value: split.ms, unit: "ms", target: "", met: null },
      { figure: `in process: the whole import (validation to commit), median of ${RUNS}`, value: whole.ms, unit: "ms", target: "", met: null },
    );
  });

  const app = await startApp(database.appEnv, PORT);
  try {
    const editor = await signedInAs(app.url, "EDITOR");
    const importAction = actionIds()["lib/articles/actions.ts#importArticleAction"];
    if (!importAction) throw new Error("The build has no import action: run `npx next build`.");
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const { ms, value: response } = await timed(() => editor.action("/articles/import", importAction, fields));
      // A successful import answers with a redirect to the new article.
      if (response.status >= 400 || response.value.state?.status === "error") {
        throw new Error(`The import failed: ${response.status} ${JSON.stringify(response.value).slice(0, 300)}`);
      }
      // The first request warms the route up; it is not counted.
      if (i > 0) times.push(ms);
    }
    const http = median(times);
    figures.unshift({ figure: `import action over HTTP, ${(bytes / 1024).toFixed(0)} KiB of text, median of ${RUNS}`, value: http, unit: "ms", target: `<= ${TARGET_MS} ms`, met: http <= TARGET_MS });
  } finally {
    await app.stop();
    await database.drop();
  }
  report("import", { database: database.kind, bytes, passages }, figures);
}
