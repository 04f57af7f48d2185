/**
 * Learns the weights of "Suggest claims" (lib/search/check-worthy-model.json): a logistic
 * regression over the cues and hashed words of lib/search/check-worthy-features.ts.
 *
 *   npx tsx bench/quality/train.ts [<ClaimBuster sentences .json>]
 *
 * Training data: the development half of bench/quality (never its test half) and, when given,
 * ClaimBuster's public labelled sentences (the `kfold_25ncs.json` of the
 * utaresearch/claimbuster-spotter repository: an array of { text, label }, label 1 for a
 * check-worthy factual sentence). The corpus is read from where you put it; it is not in the
 * repository. Deterministic: the same data give the same weights.
 *
 * The settings (regularisation, the development half's weight beside ClaimBuster's, whether
 * the hashed words count, the threshold) are chosen by leave-one-text-out cross-validation on the development half: each
 * text is scored by a model trained without it. The threshold is folded into the bias, so the
 * app suggests at 0.5.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HASH_BUCKETS, logOdds, sentenceFeatures, usesWordRules, type Weights } from "@/lib/search/check-worthy-features";
import { classification, labelledSentences } from "./evaluate";

interface Example {
  sentence: string;
  named: string[];
  hashed: number[];
  checkWorthy: boolean;
  weight: number;
  /** The development text it comes from; null for ClaimBuster's. */
  text: string | null;
}

interface Settings {
  l2: number;
  devWeight: number;
  /** Whether the hashed words count (only where the word rules read). */
  hashed: boolean;
}

const EPOCHS = 12;
const LEARNING_RATE = 0.2;

/** A seeded shuffle (a linear congruential generator), so training is repeatable. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Logistic regression by AdaGrad with L2 regularisation. */
function train(examples: Example[], l2: number, withHashed: boolean): Weights {
  const weights: Weights = { bias: 0, named: {}, hashed: withHashed ? new Array<number>(HASH_BUCKETS).fill(0) : [] };
  const namedSquares: Record<string, number> = {};
  const hashedSquares = new Array<number>(HASH_BUCKETS).fill(1e-8);
  let biasSquares = 1e-8;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const example of shuffled(examples, epoch + 1)) {
      const p = 1 / (1 + Math.exp(-logOdds(weights, example)));
      const gradient = (p - (example.checkWorthy ? 1 : 0)) * example.weight;
      biasSquares += gradient * gradient;
      weights.bias -= (LEARNING_RATE * gradient) / Math.sqrt(biasSquares);
      for (const name of example.named) {
        const g = gradient + l2 * (weights.named[name] ?? 0);
        namedSquares[name] = (namedSquares[name] ?? 1e-8) + g * g;
        weights.named[name] = (weights.named[name] ?? 0) - (LEARNING_RATE * g) / Math.sqrt(namedSquares[name]);
      }
      if (!withHashed) continue;
      for (const index of example.hashed) {
        const g = gradient + l2 * weights.hashed[index];
        hashedSquares[index] += g * g;
        weights.hashed[index] -= (LEARNING_RATE * g) / Math.sqrt(hashedSquares[index]);
      }
    }
  }
  return weights;
}

const probability = (weights: Weights, example: Example) => 1 / (1 + Math.exp(-logOdds(weights, example)));

/** The threshold with the best F1 over these scores. */
function bestThreshold(scores: number[], gold: boolean[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    const { f1 } = classification(scores.map((s) => s >= t), gold);
    if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1 };
  }
  return best;
}

/**
 * The examples one reading learns from: read with the word rules, the development sentences of
 * the word-rule languages; without them, every development sentence. ClaimBuster's are English.
 */
function examplesOf(wordRules: boolean, claimBuster: Array<{ text: string; label: number }>, devWeight: number): Example[] {
  const dev = labelledSentences("dev")
    .filter((s) => !wordRules || usesWordRules(s.lang))
    .map((s) => ({ sentence: s.sentence, ...sentenceFeatures(s.sentence.trim(), wordRules), checkWorthy: s.checkWorthy, weight: devWeight, text: s.text }));
  const publicSentences = claimBuster.map((s) => ({ sentence: s.text, ...sentenceFeatures(s.text.trim(), wordRules), checkWorthy: s.label === 1, weight: 1, text: null }));
  return [...dev, ...publicSentences];
}

/** Out-of-fold scores of every development sentence: each text scored by a model trained without it. */
function crossValidate(examples: Example[], settings: Settings) {
  const dev = examples.filter((e) => e.text !== null);
  const texts = [...new Set(dev.map((e) => e.text))];
  const scores = new Map<Example, number>();
  for (const text of texts) {
    const weights = train(examples.filter((e) => e.text !== text), settings.l2, settings.hashed);
    for (const e of dev.filter((e) => e.text === text)) scores.set(e, probability(weights, e));
  }
  const gold = dev.map((e) => e.checkWorthy);
  const best = bestThreshold(dev.map((e) => scores.get(e)!), gold);
  // The sentences the model gets wrong out of fold, the most confident first: what to read next.
  const errors = dev
    .map((e) => ({ e, score: scores.get(e)! }))
    .filter(({ e, score }) => score >= best.threshold !== e.checkWorthy)
    .sort((a, b) => Math.abs(b.score - best.threshold) - Math.abs(a.score - best.threshold))
    .map(({ e, score }) => `${e.checkWorthy ? "missed" : "wrongly suggested"} (${score.toFixed(2)}): ${e.sentence}`);
  return { ...best, errors };
}

function fit(name: string, wordRules: boolean, claimBuster: Array<{ text: string; label: number }>): Weights {
  let best: { settings: Settings; threshold: number; f1: number; errors: string[] } | null = null;
  for (const l2 of [1e-3, 1e-2]) {
    for (const devWeight of claimBuster.length > 0 ? [2, 4, 8, 16, 32] : [1]) {
      for (const hashed of wordRules ? [false, true] : [false]) {
        const settings = { l2, devWeight, hashed };
        const { threshold, f1, errors } = crossValidate(examplesOf(wordRules, claimBuster, devWeight), settings);
        console.log(`${name}: ${JSON.stringify(settings)}: cross-validated F1 ${f1.toFixed(3)} at ${threshold}`);
        if (!best || f1 > best.f1) best = { settings, threshold, f1, errors };
      }
    }
  }
  const chosen = best!;
  if (process.env.SHOW_ERRORS) console.log(chosen.errors.join("\n"));
  console.log(`${name}: chose ${JSON.stringify(chosen.settings)}, threshold ${chosen.threshold} (cross-validated F1 ${chosen.f1.toFixed(3)})`);
  const weights = train(examplesOf(wordRules, claimBuster, chosen.settings.devWeight), chosen.settings.l2, chosen.settings.hashed);
  // Suggested at 0.5: the threshold's log-odds moved into the bias.
  weights.bias -= Math.log(chosen.threshold / (1 - chosen.threshold));
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    bias: r(weights.bias),
    named: Object.fromEntries(Object.entries(weights.named).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, r(v)])),
    hashed: weights.hashed.map(r),
  };
}

function main() {
  const corpusFile = process.argv[2];
  const claimBuster = corpusFile ? (JSON.parse(readFileSync(corpusFile, "utf8")) as Array<{ text: string; label: number }>) : [];
  console.log(`Training on the development half${corpusFile ? ` and ${claimBuster.length} ClaimBuster sentences` : ""}.`);
  const words = fit("word rules (English)", true, claimBuster);
  // The other languages' weights read no English: trained on the same sentences read without the word rules.
  const anyLanguage = fit("any language", false, claimBuster);
  const out = path.join(process.cwd(), "lib", "search", "check-worthy-model.json");
  writeFileSync(out, `${JSON.stringify({ words, anyLanguage })}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
}

main();
