/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Each builds
 * its own data, prints a table (figure, target, met or missed) and writes
 * bench/results/<name>.json. The app must be built (`npx next build`); `npm start`
 * builds it when there is no build.
 */
import { runReaderBench } from "@/bench/reader";
import { runSearchBench } from "@/bench/search";
import { runSearchScaleBench } from "@/bench/search-scale";
import { runExportBench } from "@/bench/export";
import { runStartBench } from "@/bench/start";
import { runWriteBench } from "@/bench/write";
import { runLoadBench } from "@/bench/load";
import { runImportBench } from "@/bench/import";
import { runFaultsBench } from "@/bench/faults";
import { runAnnotationImportBench } from "@/bench/annotation-import";
import { runSuggestClaimsBench } from "@/bench/suggest-claims";
import { runAnchoringBench } from "@/bench/anchoring";
import { runQualityBench } from "@/bench/quality";
import { runClaimListScrollBench } from "@/bench/claim-list-scroll";
import { runFurnitureBench } from "@/bench/furniture";
import { runLiveBench } from "@/bench/live";
import { runPublicPageBench } from "@/bench/public-page";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  reader: runReaderBench,
  write: runWriteBench,
  search: runSearchBench,
  "search-scale": runSearchScaleBench,
  export: runExportBench,
  import: runImportBench,
  start: runStartBench,
  load: runLoadBench,
  faults: runFaultsBench,
  "annotation-import": runAnnotationImportBench,
  "suggest-claims": runSuggestClaimsBench,
  anchoring: runAnchoringBench,
  quality: runQualityBench,
  "claim-list-scroll": runClaimListScrollBench,
  furniture: runFurnitureBench,
  live: runLiveBench,
  "public-page": runPublicPageBench,
};

/**
 * What `npm run bench` runs with no names: the product's speed and memory, and on PostgreSQL
 * also a national archive's search (search-scale, about 30 minutes) and the load of 50 users
 * with 1 and with 2 server processes (load, which needs PostgreSQL). The reliability runs
 * (faults, annotation-import), anchoring, the suggestions' quality, claim-list-scroll, live
 * and public-page are run by name.
 */
const DEFAULT = ["reader", "suggest-claims", "write", "search", "export", "import", "start"];
const DEFAULT_ON_POSTGRESQL = ["search-scale", "load"];

function defaultBenchmarks(): string[] {
  if (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) return [...DEFAULT, ...DEFAULT_ON_POSTGRESQL];
  console.log(`No PostgreSQL server given (TEST_DATABASE_URL): ${DEFAULT_ON_POSTGRESQL.join(" and ")} are left out; they measure Verity on PostgreSQL.`);
  return DEFAULT;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(", ")}; there are: ${Object.keys(BENCHMARKS).join(", ")}.`);
    process.exit(2);
  }
  for (const name of wanted.length > 0 ? wanted : defaultBenchmarks()) await BENCHMARKS[name]();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
