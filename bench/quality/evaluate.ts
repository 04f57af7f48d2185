/**
 * Scores Verity's suggestions on one half of the evaluation corpus, beside trivial
 * baselines: check-worthiness (pure, lib/search/check-worthy.ts), same-claim similarity
 * and evidence ranking (the app's own SQL expressions, run on a PostgreSQL database with
 * pg_trgm). Only aggregates leave this module, so the test half is scored, never shown.
 */
import type { Client } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { copyKeySql } from "@/lib/search/statements";
import { checkWorthiness, SUGGEST_THRESHOLD } from "@/lib/search/check-worthy";
import { queryWords } from "@/lib/search/passages";
import { SAME_CLAIM_SCORE, sameClaimMatch } from "@/lib/search/same-claim-match";
import { HELDOUT_SETS, corpus, evidenceKey, heldoutItems, heldoutLabelsOf, labelsOf, type HeldoutSet, type EvidencePassage, type Sentence } from "./files";
import { isTestPair, isTestQuery, isTestText } from "./halves";

/** A half of the first set (the evidence items are only there). */
export type Half = "dev" | "test";
/**
 * The sentences or pairs scored: a half of the first set, the whole first set (what the rules
 * are now trained on, its test half having been scored), or a held-out set.
 */
export type ItemSet = Half | "set-1" | HeldoutSet;

/**
 * The sets both models learn from (bench/quality/train.ts, train-same-claim.ts): the first set and
 * the held-out sets each scored once and now spent. A set joins here only after its one scoring.
 */
export const TRAINING_SETS = ["set-1", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6", "heldout-7", "heldout-8", "heldout-9", "heldout-10", "heldout-11", "heldout-12", "heldout-13", "heldout-14", "heldout-15", "heldout-16", "heldout-17", "heldout-18", "heldout-19", "heldout-20", "heldout-21", "heldout-22", "heldout-23", "heldout-24", "heldout-25", "heldout-26", "heldout-27", "heldout-28", "heldout-29", "heldout-30", "heldout-31", "heldout-32"] as const satisfies readonly ItemSet[];
export type TrainingSet = (typeof TRAINING_SETS)[number];
const isHeldout = (set: ItemSet): set is HeldoutSet => (HELDOUT_SETS as readonly string[]).includes(set);

const inHalf = (half: Half, isTest: boolean) => (half === "test" ? isTest : !isTest);
const inFirstSet = (set: Exclude<ItemSet, HeldoutSet>, isTest: boolean) => set === "set-1" || inHalf(set, isTest);

export interface Classification {
  precision: number;
  recall: number;
  f1: number;
}

export function classification(predicted: boolean[], gold: boolean[]): Classification {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  // F1 from the counts in one division (2PR / (P + R) in floating point makes 332 / 415 0.7999…).
  return { precision, recall, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn) };
}

/** The set's sentences with their gold label (CFS: check-worthy). */
export function labelledSentences(set: ItemSet): Array<Sentence & { checkWorthy: boolean }> {
  const [sentences, gold] =
    isHeldout(set)
      ? [heldoutItems(set).sentences(), heldoutLabelsOf(set, "gold").sentences]
      : [corpus.sentences().filter((s) => inFirstSet(set, isTestText(s.text))), labelsOf("gold").sentences];
  return sentences.map((s) => ({ ...s, checkWorthy: gold.get(s.id) === "CFS" }));
}

/**
 * The mean precision@k over lists, from each list's hits in its top k: one division of whole
 * numbers, so 4 of 5 in each of nine lists is 36 / 45, 0.8 exactly (the mean of nine 0.8s summed
 * in floating point is 0.7999…).
 */
export function meanPrecisionAt(k: number, hits: number[]): number {
  return hits.reduce((a, b) => a + b, 0) / (k * hits.length);
}

const hasDigit = (sentence: string) => /\d/u.test(sentence);

export function checkWorthinessFigures(set: ItemSet) {
  const sentences = labelledSentences(set);
  const gold = sentences.map((s) => s.checkWorthy);
  // Each sentence read in its text's language, as the app reads an article's.
  const scores = sentences.map((s) => checkWorthiness(s.sentence, s.lang).score);
  const texts = [...new Set(sentences.map((s) => s.text))];
  const hitsAt5 = texts.map((text) =>
    sentences
      .map((s, i) => ({ s, score: scores[i] }))
      .filter(({ s }) => s.text === text)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .filter(({ s }) => s.checkWorthy).length,
  );
  return {
    sentences: sentences.length,
    positives: gold.filter(Boolean).length,
    texts: texts.length,
    verity: classification(scores.map((s) => s >= SUGGEST_THRESHOLD), gold),
    anyDigit: classification(sentences.map((s) => hasDigit(s.sentence)), gold),
    precisionAt5: meanPrecisionAt(5, hitsAt5),
  };
}

/** Milliseconds to score one sentence, the mean over every corpus sentence scored `rounds` times (only the time leaves). */
export function checkWorthinessMilliseconds(rounds = 20): number {
  const sentences = corpus.sentences();
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const s of sentences) checkWorthiness(s.sentence, s.lang);
  return (performance.now() - started) / (rounds * sentences.length);
}

/** Word-overlap (Jaccard) of two texts' words: the same-claim baseline. */
export function jaccard(a: string, b: string): number {
  const wordsA = new Set(queryWords(a));
  const wordsB = new Set(queryWords(b));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / (wordsA.size + wordsB.size - shared);
}

/** The set's pairs with their gold label. */
export function labelledPairs(set: ItemSet) {
  const [pairs, gold] =
    isHeldout(set) ? [heldoutItems(set).pairs(), heldoutLabelsOf(set, "gold").pairs] : [corpus.pairs().filter((p) => inFirstSet(set, isTestPair(p.id))), labelsOf("gold").pairs];
  return pairs.map((p) => ({ ...p, same: gold.get(p.id) === true }));
}

/** The Jaccard threshold with the best precision at recall >= 0.75 (the same-claim goal) on the pairs the reading learns from (the whole first set). */
export function bestJaccardThreshold(): number {
  const pairs = labelledPairs("set-1");
  const similarities = pairs.map((p) => jaccard(p.a, p.b));
  let best = { threshold: 0, precision: -1 };
  for (let t = 0.05; t < 0.95; t += 0.01) {
    const { precision, recall } = classification(similarities.map((s) => s >= t), pairs.map((p) => p.same));
    if (recall >= 0.75 && precision > best.precision) best = { threshold: Math.round(t * 100) / 100, precision };
  }
  return best.threshold;
}

/**
 * Same-claim: each side stands for a claim whose restatement and quote are the sentence,
 * judged as sameClaimCandidates judges (found by pg_trgm similarity at the app's
 * SAME_CLAIM_THRESHOLD, kept at SAME_CLAIM_SCORE by lib/search/same-claim-match.ts).
 */
export async function sameClaimFigures(client: Client, set: ItemSet, threshold: number, jaccardThreshold: number) {
  const pairs = labelledPairs(set);
  const gold = pairs.map((p) => p.same);
  const { rows } = await client.query<{ similarity: number }>(
    `SELECT similarity(a, b)::float8 AS similarity FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, n) ORDER BY n`,
    [pairs.map((p) => p.a), pairs.map((p) => p.b)],
  );
  return {
    pairs: pairs.length,
    positives: gold.filter(Boolean).length,
    verity: classification(
      rows.map((r, i) => r.similarity >= threshold && sameClaimMatch({ restatement: pairs[i].a, exact: pairs[i].a }, { restatement: pairs[i].b, exact: pairs[i].b }) >= SAME_CLAIM_SCORE),
      gold,
    ),
    jaccard: classification(pairs.map((p) => jaccard(p.a, p.b) >= jaccardThreshold), gold),
  };
}

/** Two texts that are the same sentence, but for case, spacing and punctuation. */
export function identicalText(a: string, b: string) {
  return queryWords(a).join(" ") === queryWords(b).join(" ") && queryWords(a).length > 0;
}

/** nDCG@k with gain 2^grade - 1; the ideal order is the candidates' by grade. */
export function ndcgAt(k: number, rankedGrades: number[], allGrades: number[]): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(rankedGrades) / ideal;
}

/** BM25 (k1 1.2, b 0.75) over every passage of the corpus: the evidence baseline. */
function bm25Scorer(passages: EvidencePassage[]) {
  const documents = new Map(passages.map((p) => [p.id, Array.from(p.passage.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu), ([w]) => w)]));
  const averageLength = [...documents.values()].reduce((sum, d) => sum + d.length, 0) / documents.size;
  const frequency = new Map<string, number>();
  for (const words of documents.values()) for (const w of new Set(words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  return (query: string, passageId: string) => {
    const words = documents.get(passageId) ?? [];
    return queryWords(query).reduce((score, w) => {
      const tf = words.filter((x) => x === w).length;
      if (tf === 0) return score;
      const n = frequency.get(w) ?? 0;
      const idf = Math.log(1 + (documents.size - n + 0.5) / (n + 0.5));
      return score + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * words.length) / averageLength));
    }, 0);
  };
}

/**
 * Evidence: each claim's candidates ranked by suggestEvidenceStatement's score (the claim
 * as restatement and quote; a candidate sharing no word with it, or a copy of it by
 * copyKeySql, is not suggested, so it ranks last). A candidate identical to the claim is counted when suggested in the top 5,
 * and left out of both rankings and the ideal, since it must never be suggested.
 */
export async function evidenceFigures(client: Client, half: Half) {
  const grades = labelsOf("gold").evidence;
  const passages = new Map(corpus.passages().map((p) => [p.id, p]));
  const bm25 = bm25Scorer([...passages.values()]);
  const claims = new Map(corpus.queries().map((q) => [q.id, q.claim]));
  const lists = corpus.candidates().filter((c) => inHalf(half, isTestQuery(c.query)));
  const verity: number[] = [];
  const baseline: number[] = [];
  let identicalSuggested = 0;
  let identicalCandidates = 0;
  for (const { query, candidates } of lists) {
    const claim = claims.get(query)!;
    const texts = candidates.map((id) => passages.get(id)!.passage);
    const statement = Prisma.sql`
      WITH q AS (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS every
                   FROM unnest(tsvector_to_array(to_tsvector('english', ${claim} || ' ' || ${claim}))) AS lexeme WHERE lexeme !~ '[''\\\\]')
      SELECT CASE WHEN to_tsvector('english', p) @@ q.every AND ${copyKeySql(Prisma.sql`p`)} <> ${copyKeySql(claim)}
                  THEN (ts_rank_cd(to_tsvector('english', p), q.every, 1) + word_similarity(${claim}, p) + word_similarity(${claim}, p))::float8 END AS score
        FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(p, n), q ORDER BY n`;
    const { rows } = await client.query<{ score: number | null }>(statement.text, statement.values);
    const items = candidates.map((id, i) => ({
      grade: grades.get(evidenceKey({ query, passage: id })) ?? 0,
      identical: identicalText(claim, texts[i]),
      verity: rows[i].score ?? -Infinity,
      baseline: bm25(claim, id),
    }));
    identicalCandidates += items.filter((item) => item.identical).length;
    const byVerity = [...items].sort((a, b) => b.verity - a.verity);
    identicalSuggested += byVerity.slice(0, 5).filter((item) => item.identical && item.verity > -Infinity).length;
    const kept = items.filter((item) => !item.identical);
    const all = kept.map((item) => item.grade);
    if (all.every((g) => g === 0)) continue;
    verity.push(ndcgAt(5, [...kept].sort((a, b) => b.verity - a.verity).map((item) => item.grade), all));
    baseline.push(ndcgAt(5, [...kept].sort((a, b) => b.baseline - a.baseline).map((item) => item.grade), all));
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { claims: lists.length, scored: verity.length, verity: mean(verity), bm25: mean(baseline), identicalCandidates, identicalSuggested };
}
