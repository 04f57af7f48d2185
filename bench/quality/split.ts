/**
 * `npx tsx bench/quality/split.ts`: the gold labels (what both labellers gave, or the
 * reconciled label where they differed: labels/reconciled.jsonl) into labels/gold/, and
 * the SHA-256 of the test half into test-half.sha256. The test half is set apart before
 * any rule is tuned: `npm run bench -- quality` refuses a test half whose hash changed.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LABELLERS, LABELS_DIR, QUALITY_DIR, corpus, evidenceItems, evidenceKey, labelsOf, readJsonLines } from "./files";
import { TEST_TEXTS, isTestPair, isTestQuery, testHalfDigest } from "./halves";

interface Reconciled {
  set: "sentences" | "pairs" | "evidence";
  id: string;
  label: string | boolean | number;
  why: string;
}

const reconciledFile = path.join(LABELS_DIR, "reconciled.jsonl");
const reconciled = new Map(
  (existsSync(reconciledFile) ? readJsonLines<Reconciled>(reconciledFile) : []).map((r) => [`${r.set}:${r.id}`, r.label]),
);
const [first, second] = LABELLERS.map(labelsOf);

function gold<T>(set: Reconciled["set"], id: string, a: T | undefined, b: T | undefined): T {
  if (a !== undefined && a === b) return a;
  const decided = reconciled.get(`${set}:${id}`);
  if (decided === undefined) throw new Error(`The labellers differ on ${set} ${id} and labels/reconciled.jsonl does not settle it.`);
  return decided as T;
}

const goldDir = path.join(LABELS_DIR, "gold");
mkdirSync(goldDir, { recursive: true });
const write = (name: string, rows: object[]) => writeFileSync(path.join(goldDir, name), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");

write("sentences.jsonl", corpus.sentences().map(({ id }) => ({ id, label: gold("sentences", id, first.sentences.get(id), second.sentences.get(id)) })));
write("pairs.jsonl", corpus.pairs().map(({ id }) => ({ id, same: gold("pairs", id, first.pairs.get(id), second.pairs.get(id)) })));
write(
  "evidence.jsonl",
  evidenceItems().map((key) => {
    const [query, passage] = key.split("/");
    return { query, passage, grade: gold("evidence", key, first.evidence.get(key), second.evidence.get(evidenceKey({ query, passage }))) };
  }),
);

const digest = testHalfDigest();
writeFileSync(
  path.join(QUALITY_DIR, "test-half.sha256"),
  `${digest}  test half: the sentences of ${TEST_TEXTS.length} texts, ${corpus.pairs().filter((p) => isTestPair(p.id)).length} pairs, ` +
    `${corpus.queries().filter((q) => isTestQuery(q.id)).length} evidence claims, with their gold labels\n`,
);
console.log(`Gold labels in ${path.relative(process.cwd(), goldDir)}; test half ${digest}.`);
