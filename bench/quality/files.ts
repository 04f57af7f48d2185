/**
 * The evaluation sets, each written without sight of Verity's rules: the first
 * (bench/quality/corpus, its labels in bench/quality/labels/<labeller>/ and gold/ after
 * reconciliation) and the later held-out sets (bench/quality/heldout-2 and on, laid out
 * alike with corpus/ and labels/ inside each, and no evidence items).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const QUALITY_DIR = path.join(process.cwd(), "bench", "quality");
export const CORPUS_DIR = path.join(QUALITY_DIR, "corpus");
export const LABELS_DIR = path.join(QUALITY_DIR, "labels");
/** The held-out sets written after the first, each for one scoring. */
export const HELDOUT_SETS = ["heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6", "heldout-7", "heldout-8", "heldout-9", "heldout-10", "heldout-11", "heldout-12", "heldout-13", "heldout-14", "heldout-15", "heldout-16", "heldout-17", "heldout-18", "heldout-19", "heldout-20", "heldout-21", "heldout-22", "heldout-23", "heldout-24", "heldout-25", "heldout-26", "heldout-27", "heldout-28", "heldout-29", "heldout-30", "heldout-31", "heldout-32", "heldout-33", "heldout-34"] as const;
export type HeldoutSet = (typeof HELDOUT_SETS)[number];
export const heldoutDir = (set: HeldoutSet) => path.join(QUALITY_DIR, set);
export const LABELLERS = ["labeller-a", "labeller-b"] as const;

export type SentenceLabel = "CFS" | "UFS" | "NFS";
export interface Sentence { id: string; text: string; lang: string; sentence: string }
export interface Pair { id: string; a: string; b: string }
export interface EvidenceQuery { id: string; claim: string }
export interface EvidencePassage { id: string; passage: string; source: string }
export interface Candidates { query: string; candidates: string[] }

export interface SentenceLabelRow { id: string; label: SentenceLabel }
export interface PairLabelRow { id: string; same: boolean }
export interface EvidenceLabelRow { query: string; passage: string; grade: 0 | 1 | 2 | 3 }

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

/** The sentences and pairs of a set whose corpus is in `corpusDir`. */
function itemsIn(corpusDir: string) {
  return {
    sentences: () => readJsonLines<Sentence>(path.join(corpusDir, "sentences.jsonl")),
    pairs: () => readJsonLines<Pair>(path.join(corpusDir, "pairs.jsonl")),
  };
}

export const corpus = {
  ...itemsIn(CORPUS_DIR),
  queries: () => readJsonLines<EvidenceQuery>(path.join(CORPUS_DIR, "evidence-queries.jsonl")),
  passages: () => readJsonLines<EvidencePassage>(path.join(CORPUS_DIR, "evidence-passages.jsonl")),
  candidates: () => readJsonLines<Candidates>(path.join(CORPUS_DIR, "evidence-candidates.jsonl")),
};

/** A held-out set's sentences and pairs. */
export const heldoutItems = (set: HeldoutSet) => itemsIn(path.join(heldoutDir(set), "corpus"));

function sentenceAndPairLabels(dir: string) {
  if (!existsSync(dir)) throw new Error(`No labels in ${path.relative(process.cwd(), dir)}.`);
  return {
    sentences: new Map(readJsonLines<SentenceLabelRow>(path.join(dir, "sentences.jsonl")).map((r) => [r.id, r.label])),
    pairs: new Map(readJsonLines<PairLabelRow>(path.join(dir, "pairs.jsonl")).map((r) => [r.id, r.same])),
  };
}

/** One labeller's (or the gold) labels of the first set, keyed by item. */
export function labelsOf(who: string) {
  const dir = path.join(LABELS_DIR, who);
  return {
    ...sentenceAndPairLabels(dir),
    evidence: new Map(readJsonLines<EvidenceLabelRow>(path.join(dir, "evidence.jsonl")).map((r) => [evidenceKey(r), r.grade])),
  };
}

/** One labeller's (or the gold) labels of a held-out set. */
export function heldoutLabelsOf(set: HeldoutSet, who: string) {
  return sentenceAndPairLabels(path.join(heldoutDir(set), "labels", who));
}

export function evidenceKey({ query, passage }: { query: string; passage: string }) {
  return `${query}/${passage}`;
}

/** Every (query, passage) item the evidence labels must cover. */
export function evidenceItems(): string[] {
  return corpus.candidates().flatMap((c) => c.candidates.map((passage) => evidenceKey({ query: c.query, passage })));
}
