/**
 * Learns the weights of the same-claim reading (lib/search/same-claim-model.json): a logistic
 * regression over lib/search/same-claim-match.ts's pair features, from the spent sets' pairs: the
 * first evaluation set's 228 (both halves), heldout-2's 206, heldout-3's 180, and heldout-4's to
 * heldout-32's 240 each, each set scored once before it became training data. A later held-out set
 * is never read here.
 *
 *   npx tsx bench/quality/train-same-claim.ts      (DRY_RUN=1: print, write nothing;
 *                                                   SHOW_ERRORS=<letter of (a), (b), …>: the pairs it gets wrong)
 *
 * It prints (a) 10-fold cross-validation over all the pairs, and, to show how the reading carries
 * to text written apart, (b), (c), … (one letter a set, in TRAINING_SETS' order): each set scored by
 * a reading learnt from all the others.
 * The weights written are learnt from all the pairs.
 *
 * The regularisation and the threshold are chosen by 10-fold cross-validation over the pairs:
 * the threshold with the best out-of-fold precision at a recall of at least RECALL_FLOOR (above
 * the goal's 0.75, for the margin a new set needs: with the four sets, 0.78 chose a threshold whose
 * recall on heldout-4, learnt without it, was 0.732; 0.8 gives 0.748). The threshold is folded into the bias, so
 * the app keeps a pair at SAME_CLAIM_SCORE (0.5). Deterministic: the same pairs give the same
 * weights.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pairFeatures, pairProbability, type PairWeights } from "@/lib/search/same-claim-match";
import { classification, labelledPairs, TRAINING_SETS, type TrainingSet } from "./evaluate";

const RECALL_FLOOR = 0.8;
/**
 * The features that speak for the same claim (a figure or a time of day shared); every other one (a
 * conflict, a swap) speaks against it, and each weight is kept on its side of 0, so that a quirk of
 * a few hundred pairs cannot make a conflict count for a match.
 */
const FOR_THE_SAME = new Set(["sharedFigure", "sharedTime"]);
const FOLDS = 10;
/**
 * Where each weight against a match starts and is pulled back to (the L2 penalty's centre): a
 * conflict one set never shows (a rate over another span, another named source) is weighed by
 * this prior rather than 0. By (b) and (c) (heldout-2's precision, set 1's), -1 gave 0.746 and
 * 0.780, -2 0.764 and 0.825, but -2 matched a copy with its words reordered ("inflation outpaced
 * wage growth"), which the unit tests refuse; 0 gave 0.737 and 0.833 with an earlier negation.
 */
const PRIOR = Number(process.env.PRIOR ?? -1);
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
  const prior = (n: string) => (FOR_THE_SAME.has(n) ? 0 : PRIOR);
  const weights: PairWeights = { bias: 0, features: Object.fromEntries(names.map((n) => [n, prior(n)])) };
  for (let step = 0; step < STEPS; step++) {
    let biasGradient = 0;
    const gradient = Object.fromEntries(names.map((n) => [n, l2 * (weights.features[n] - prior(n))]));
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

type Scored = { e: Example; score: number };

/** Precision and recall of these scores at a threshold. */
function at(scored: Scored[], threshold: number) {
  return classification(scored.map((x) => x.score >= threshold), scored.map((x) => x.e.same));
}

/** The best precision at recall >= floor over thresholds (what the target set could have had). */
function bestAt(scored: Scored[], floor: number) {
  let best = { threshold: 0.5, precision: 0, recall: 0 };
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const { precision, recall } = at(scored, t);
    if (recall >= floor && precision > best.precision) best = { threshold: Math.round(t * 100) / 100, precision, recall };
  }
  return best;
}

const f = (x: number) => x.toFixed(3);

/**
 * Trained on the other sets (at the l2 chosen over all of them, to keep the run short: a small
 * leak; the threshold by their own cross-validation) and scored on one: how well the reading
 * carries to text it never saw. Printed at the threshold chosen on the training sets, and at the
 * target's best threshold for recall >= 0.75 (the goal).
 */
function acrossSets(train_: Example[], target: Example[], label: string, l2: number) {
  const best = { l2, ...crossValidate(train_, l2) };
  const weights = train(train_, best.l2);
  const scored = target.map((e) => ({ e, score: pairProbability(weights, e.features) }));
  const chosen = at(scored, best.threshold);
  const goal = bestAt(scored, 0.75);
  console.log(
    `${label}: at its own threshold ${best.threshold} precision ${f(chosen.precision)} recall ${f(chosen.recall)}; ` +
      `best at recall >= 0.75: precision ${f(goal.precision)} recall ${f(goal.recall)} (threshold ${goal.threshold})`,
  );
  if (process.env.SHOW_ERRORS === label.slice(1, 2))
    console.log(
      scored
        .filter(({ e, score }) => score >= goal.threshold !== e.same)
        .sort((x, y) => Math.abs(y.score - goal.threshold) - Math.abs(x.score - goal.threshold))
        .map(({ e, score }) => `${e.same ? "missed" : "wrongly matched"} (${score.toFixed(2)}) ${e.id} ${JSON.stringify(e.features)}\n  A: ${e.a}\n  B: ${e.b}`)
        .join("\n"),
    );
}

/** The letters that name (b) onward, one a set; (a) is the cross-validation over all of them. */
const SET_LETTERS = "bcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

const L2S = [1e-4, 1e-3, 1e-2, 1e-1];

function main() {
  const examplesOf = (set: TrainingSet) =>
    labelledPairs(set)
      .sort((x, y) => x.id.localeCompare(y.id))
      .map((p) => ({ id: `${set}/${p.id}`, a: p.a, b: p.b, features: pairFeatures(p.a, p.b), same: p.same }));
  const bySet = TRAINING_SETS.map((set) => ({ set, examples: examplesOf(set) }));
  // Interleaved, so each fold holds pairs of every set.
  const examples = bySet.flatMap((s) => s.examples).sort((x, y) => x.id.split("/")[1].localeCompare(y.id.split("/")[1]) || x.id.localeCompare(y.id));
  console.log(`Training on ${TRAINING_SETS.join(", ")}: ${examples.length} pairs (${examples.filter((e) => e.same).length} the same claim).`);
  let best: { l2: number; threshold: number; precision: number; recall: number; errors: string[] } | null = null;
  for (const l2 of L2S) {
    const result = crossValidate(examples, l2);
    console.log(`(a) l2 ${l2}: cross-validated precision ${f(result.precision)} at recall ${f(result.recall)} (threshold ${result.threshold})`);
    if (!best || result.precision > best.precision) best = { l2, ...result };
  }
  const chosen = best!;
  if (process.env.SHOW_ERRORS === "a") console.log(chosen.errors.join("\n"));
  // (b), (c), …: each set scored by a reading learnt from the others only.
  bySet.forEach(({ set, examples: target }, i) =>
    acrossSets(bySet.filter((s) => s.set !== set).flatMap((s) => s.examples), target, `(${SET_LETTERS[i]}) trained on the others, scored on ${set}`, chosen.l2),
  );
  console.log(`Chose l2 ${chosen.l2}, threshold ${chosen.threshold}.`);
  const weights = train(examples, chosen.l2);
  // Kept at 0.5: the threshold's log-odds moved into the bias.
  weights.bias -= Math.log(chosen.threshold / (1 - chosen.threshold));
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  const out = path.join(process.cwd(), "lib", "search", "same-claim-model.json");
  if (process.env.DRY_RUN) return;
  writeFileSync(out, `${JSON.stringify({ bias: r(weights.bias), features: Object.fromEntries(Object.entries(weights.features).map(([k, v]) => [k, r(v)])) })}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}: ${JSON.stringify(weights)}`);
}

main();
