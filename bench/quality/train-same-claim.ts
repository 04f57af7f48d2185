/**
 * Learns the weights of the same-claim reading (lib/search/same-claim-model.json): a logistic
 * regression over lib/search/same-claim-match.ts's pair features, from the first evaluation
 * set's pairs (both halves: its test half was scored once, on 2026-12-03, and has been training
 * data since; the second held-out set, bench/quality/heldout-2, is never read here).
 *
 *   npx tsx bench/quality/train-same-claim.ts
 *
 * The regularisation and the threshold are chosen by 10-fold cross-validation over the pairs:
 * the threshold with the best out-of-fold precision at a recall of at least RECALL_FLOOR (above
 * the goal's 0.75, for the margin a new half needs). The threshold is folded into the bias, so
 * the app keeps a pair at SAME_CLAIM_SCORE (0.5). Deterministic: the same pairs give the same
 * weights.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pairFeatures, pairProbability, type PairWeights } from "@/lib/search/same-claim-match";
import { classification, labelledPairs } from "./evaluate";

const RECALL_FLOOR = 0.8;
/**
 * The feature that speaks for the same claim; every other one (a conflict, a swap) speaks against
 * it, and each weight is kept on its side of 0, so that a quirk of 228 pairs cannot make a
 * conflict count for a match.
 */
const FOR_THE_SAME = new Set(["sharedFigure"]);
const FOLDS = 10;
const STEPS = 3_000;
const LEARNING_RATE = 0.5;

interface Example {
  id: string;
  a: string;
  b: string;
  features: Record<string, number>;
  same: boolean;
}

/** Logistic regression by full-batch gradient descent with L2 regularisation (not on the bias). */
function train(examples: Example[], l2: number): PairWeights {
  const names = Object.keys(examples[0].features);
  const weights: PairWeights = { bias: 0, features: Object.fromEntries(names.map((n) => [n, 0])) };
  for (let step = 0; step < STEPS; step++) {
    let biasGradient = 0;
    const gradient = Object.fromEntries(names.map((n) => [n, l2 * weights.features[n]]));
    for (const e of examples) {
      const error = (pairProbability(weights, e.features) - (e.same ? 1 : 0)) / examples.length;
      biasGradient += error;
      for (const n of names) gradient[n] += error * e.features[n];
    }
    weights.bias -= LEARNING_RATE * biasGradient;
    for (const n of names) {
      const moved = weights.features[n] - LEARNING_RATE * gradient[n];
      weights.features[n] = FOR_THE_SAME.has(n) ? Math.max(0, moved) : Math.min(0, moved);
    }
  }
  return weights;
}

/** The threshold with the best precision at recall >= RECALL_FLOOR over these scores. */
function bestThreshold(scores: number[], gold: boolean[]) {
  let best = { threshold: 0.5, precision: -1, recall: 0 };
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const { precision, recall } = classification(scores.map((s) => s >= t), gold);
    if (recall >= RECALL_FLOOR && precision > best.precision) best = { threshold: Math.round(t * 100) / 100, precision, recall };
  }
  return best;
}

function crossValidate(examples: Example[], l2: number) {
  const scores = new Map<Example, number>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = train(examples.filter((_, i) => i % FOLDS !== fold), l2);
    examples.forEach((e, i) => i % FOLDS === fold && scores.set(e, pairProbability(weights, e.features)));
  }
  const best = bestThreshold(examples.map((e) => scores.get(e)!), examples.map((e) => e.same));
  // The pairs it gets wrong out of fold, the most confident first: what to read next.
  const errors = examples
    .map((e) => ({ e, score: scores.get(e)! }))
    .filter(({ e, score }) => score >= best.threshold !== e.same)
    .sort((x, y) => Math.abs(y.score - best.threshold) - Math.abs(x.score - best.threshold))
    .map(({ e, score }) => `${e.same ? "missed" : "wrongly matched"} (${score.toFixed(2)}): ${e.a} || ${e.b}`);
  return { ...best, errors };
}

function main() {
  const examples = labelledPairs("set-1")
    .sort((x, y) => x.id.localeCompare(y.id))
    .map((p) => ({ id: p.id, a: p.a, b: p.b, features: pairFeatures(p.a, p.b), same: p.same }));
  console.log(`Training on the first set's ${examples.length} pairs (${examples.filter((e) => e.same).length} the same claim).`);
  let best: { l2: number; threshold: number; precision: number; recall: number; errors: string[] } | null = null;
  for (const l2 of [1e-4, 1e-3, 1e-2, 1e-1]) {
    const result = crossValidate(examples, l2);
    console.log(`l2 ${l2}: cross-validated precision ${result.precision.toFixed(3)} at recall ${result.recall.toFixed(3)} (threshold ${result.threshold})`);
    if (!best || result.precision > best.precision) best = { l2, ...result };
  }
  const chosen = best!;
  if (process.env.SHOW_ERRORS) console.log(chosen.errors.join("\n"));
  console.log(`Chose l2 ${chosen.l2}, threshold ${chosen.threshold}.`);
  const weights = train(examples, chosen.l2);
  // Kept at 0.5: the threshold's log-odds moved into the bias.
  weights.bias -= Math.log(chosen.threshold / (1 - chosen.threshold));
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  const out = path.join(process.cwd(), "lib", "search", "same-claim-model.json");
  writeFileSync(out, `${JSON.stringify({ bias: r(weights.bias), features: Object.fromEntries(Object.entries(weights.features).map(([k, v]) => [k, r(v)])) })}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}: ${JSON.stringify(weights)}`);
}

main();
