/**
 * The evaluation corpus (bench/quality/corpus, written without sight of Verity's rules)
 * and its labels (bench/quality/labels/<labeller>/, and gold/ after reconciliation).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const QUALITY_DIR = path.join(process.cwd(), "bench", "quality");
export const CORPUS_DIR = path.join(QUALITY_DIR, "corpus");
export const LABELS_DIR = path.join(QUALITY_DIR, "labels");
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

export const corpus = {
  sentences: () => readJsonLines<Sentence>(path.join(CORPUS_DIR, "sentences.jsonl")),
  pairs: () => readJsonLines<Pair>(path.join(CORPUS_DIR, "pairs.jsonl")),
  queries: () => readJsonLines<EvidenceQuery>(path.join(CORPUS_DIR, "evidence-queries.jsonl")),
  passages: () => readJsonLines<EvidencePassage>(path.join(CORPUS_DIR, "evidence-passages.jsonl")),
  candidates: () => readJsonLines<Candidates>(path.join(CORPUS_DIR, "evidence-candidates.jsonl")),
};

/** One labeller's (or the gold) labels, keyed by item. */
export function labelsOf(who: string) {
  const dir = path.join(LABELS_DIR, who);
  if (!existsSync(dir)) throw new Error(`No labels in ${path.relative(process.cwd(), dir)}.`);
  return {
    sentences: new Map(readJsonLines<SentenceLabelRow>(path.join(dir, "sentences.jsonl")).map((r) => [r.id, r.label])),
    pairs: new Map(readJsonLines<PairLabelRow>(path.join(dir, "pairs.jsonl")).map((r) => [r.id, r.same])),
    evidence: new Map(readJsonLines<EvidenceLabelRow>(path.join(dir, "evidence.jsonl")).map((r) => [evidenceKey(r), r.grade])),
  };
}

export function evidenceKey({ query, passage }: { query: string; passage: string }) {
  return `${query}/${passage}`;
}

/** Every (query, passage) item the evidence labels must cover. */
export function evidenceItems(): string[] {
  return corpus.candidates().flatMap((c) => c.candidates.map((passage) => evidenceKey({ query: c.query, passage })));
}
