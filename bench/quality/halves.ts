/**
 * The development and test halves of the evaluation corpus. Texts are split by kind, one
 * of each pair of similar texts to each half; pairs and evidence claims by a hash of their
 * id. Rules may be read against and tuned on the development half only.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { LABELS_DIR, corpus, readJsonLines, type EvidenceLabelRow, type PairLabelRow, type SentenceLabelRow } from "./files";

export const TEST_TEXTS = [
  "biz-earnings",
  "econ-jobs",
  "health-study",
  "op-energy",
  "sport-football",
  "pol-release",
  "transcript-interview",
  "de-news",
  "es-news",
] as const;

const testTexts: ReadonlySet<string> = new Set(TEST_TEXTS);
const hashBit = (id: string) => createHash("sha256").update(id).digest()[0] % 2 === 1;

export const isTestText = (text: string) => testTexts.has(text);
export const isTestPair = (id: string) => hashBit(`pair:${id}`);
export const isTestQuery = (id: string) => hashBit(`query:${id}`);

/** The SHA-256 of the test half's items and gold labels, in a fixed order. */
export function testHalfDigest(): string {
  const gold = (name: string) => readJsonLines<object>(path.join(LABELS_DIR, "gold", name));
  const sentenceLabels = new Map(gold("sentences.jsonl").map((r) => [(r as SentenceLabelRow).id, (r as SentenceLabelRow).label]));
  const pairLabels = new Map(gold("pairs.jsonl").map((r) => [(r as PairLabelRow).id, (r as PairLabelRow).same]));
  const grades = (gold("evidence.jsonl") as EvidenceLabelRow[]).filter((r) => isTestQuery(r.query));
  const hash = createHash("sha256");
  for (const s of corpus.sentences().filter((s) => isTestText(s.text))) hash.update(JSON.stringify([s, sentenceLabels.get(s.id)]));
  for (const text of TEST_TEXTS) hash.update(readFileSync(path.join(LABELS_DIR, "..", "corpus", "texts", `${text}.txt`)));
  for (const p of corpus.pairs().filter((p) => isTestPair(p.id))) hash.update(JSON.stringify([p, pairLabels.get(p.id)]));
  const passages = new Map(corpus.passages().map((p) => [p.id, p]));
  for (const q of corpus.queries().filter((q) => isTestQuery(q.id))) hash.update(JSON.stringify(q));
  for (const g of grades) hash.update(JSON.stringify([g, passages.get(g.passage)]));
  return hash.digest("hex");
}
