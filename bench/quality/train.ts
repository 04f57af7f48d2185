/**
 * Learns the weights of "Suggest claims" (lib/search/check-worthy-model.json): a logistic
 * regression over the cues and hashed words of lib/search/check-worthy-features.ts.
 *
 *   npx tsx bench/quality/train.ts [<ClaimBuster sentences .json>]
 *
 * Training data: every sentence of the thirty-two spent sets, 545 texts: the first evaluation set
 * (bench/quality/corpus, both halves) and the held-out sets heldout-2 to heldout-32 (each scored
 * once and now spent). And, when given, ClaimBuster's public labelled
 * sentences (the `kfold_25ncs.json` of the utaresearch/claimbuster-spotter repository: an array of
 * { text, label }, label 1 for a check-worthy factual sentence). The corpus is read from where you
 * put it; it is not in the repository. Deterministic: the same data give the same weights.
 *
 * The settings (regularisation, the development sets' weight beside ClaimBuster's, whether the
 * hashed words count, the threshold) are chosen by leave-one-text-out cross-validation over the
 * development texts: each text is scored by a model trained without it. Each reading is judged on the texts it
 * will read: the word rules' (English) on the English texts, the any-language reading's on the
 * other languages' texts (its threshold is the one with the best cross-validated F1 there). The
 * English reading's threshold is the one with the best cross-validated F1, lowered where needed
 * until the seed sentences of lib/search/check-worthy.test.ts keep their recall (SEED_RECALL); the
 * any-language reading's, until the other languages' pinned sentences hold (anyLanguageThreshold);
 * each setting is compared at the threshold it would be used at. The threshold is folded into the
 * bias, so the app suggests at 0.5. Last, it prints the app's own figures out of fold
 * (checkWorthiness, both readings, each text scored by weights learnt without it): F1, precision,
 * recall and precision at 5 per text, over all texts, per set and over the non-English texts; and,
 * as the check of how it carries to text it never read, each held-out set scored by the app learnt
 * without that whole set, beside the any-digit rule's F1 there.
 * `SHOW_ERRORS=1` prints each reading's out-of-fold errors; `DUMP_SCORES=<file>` writes the app's
 * out-of-fold scores.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkWorthinessWith, SUGGEST_THRESHOLD } from "@/lib/search/check-worthy";
import { HASH_BUCKETS, logOdds, sentenceFeatures, usesWordRules, type Weights } from "@/lib/search/check-worthy-features";
import { classification, labelledSentences, meanPrecisionAt, TRAINING_SETS, type TrainingSet } from "./evaluate";

interface Example {
  sentence: string;
  named: string[];
  hashed: number[];
  checkWorthy: boolean;
  weight: number;
  /** The development text it comes from ("<set>/<text>"); null for ClaimBuster's. */
  text: string | null;
  /** The development text's language; null for ClaimBuster's (English). */
  lang: string | null;
}

interface Settings {
  l2: number;
  devWeight: number;
  /** Whether the hashed words count (only where the word rules read). */
  hashed: boolean;
}

type ClaimBuster = Array<{ text: string; label: number }>;

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

/** A text of the training sets is named "<set>/<text>", so the sets' names never meet. */
const devSentences = (sets: readonly TrainingSet[]) =>
  sets.flatMap((set) => labelledSentences(set).map((s) => ({ ...s, set, text: `${set}/${s.text}` })));

/**
 * The examples one reading learns from: read with the word rules, the development sentences of
 * the word-rule languages; without them, every development sentence. ClaimBuster's are English.
 */
function examplesOf(wordRules: boolean, claimBuster: ClaimBuster, devWeight: number, sets: readonly TrainingSet[]): Example[] {
  const dev = devSentences(sets)
    .filter((s) => !wordRules || usesWordRules(s.lang))
    .map((s) => ({ sentence: s.sentence, ...sentenceFeatures(s.sentence.trim(), wordRules), checkWorthy: s.checkWorthy, weight: devWeight, text: s.text, lang: s.lang }));
  const publicSentences = claimBuster.map((s) => ({ sentence: s.text, ...sentenceFeatures(s.text.trim(), wordRules), checkWorthy: s.label === 1, weight: 1, text: null, lang: null }));
  return [...dev, ...publicSentences];
}

/**
 * Out-of-fold scores of the development sentences a reading will score (the word rules': the
 * word-rule languages'; the any-language reading's: the other languages'): each text scored by a
 * model trained without it.
 */
function crossValidate(examples: Example[], settings: Settings, scoredHere: (e: Example) => boolean) {
  const dev = examples.filter((e) => e.text !== null && scoredHere(e));
  const texts = [...new Set(dev.map((e) => e.text))];
  const scores = new Map<Example, number>();
  for (const text of texts) {
    const weights = train(examples.filter((e) => e.text !== text), settings.l2, settings.hashed);
    for (const e of dev.filter((e) => e.text === text)) scores.set(e, probability(weights, e));
  }
  const gold = dev.map((e) => e.checkWorthy);
  /** The out-of-fold figures when suggesting at `threshold`. */
  const at = (threshold: number) => {
    const { precision, recall, f1 } = classification(dev.map((e) => scores.get(e)! >= threshold), gold);
    // Precision at 5 per text, out of fold: each text's five highest-scored sentences.
    const hitsAt5 = texts.map((text) =>
      dev
        .filter((e) => e.text === text)
        .sort((a, b) => scores.get(b)! - scores.get(a)!)
        .slice(0, 5)
        .filter((e) => e.checkWorthy).length,
    );
    // The sentences the model gets wrong out of fold, the most confident first: what to read next.
    const errors = dev
      .map((e) => ({ e, score: scores.get(e)! }))
      .filter(({ e, score }) => score >= threshold !== e.checkWorthy)
      .sort((a, b) => Math.abs(b.score - threshold) - Math.abs(a.score - threshold))
      .map(({ e, score }) => `${e.checkWorthy ? "missed" : "wrongly suggested"} (${score.toFixed(2)}): ${e.sentence}`);
    return { threshold, f1, precision, recall, precisionAt5: meanPrecisionAt(5, hitsAt5), errors };
  };
  return { best: at(bestThreshold(dev.map((e) => scores.get(e)!), gold).threshold), at };
}

type Fold = ReturnType<ReturnType<typeof crossValidate>["at"]>;

const figures = (f: Fold) =>
  `F1 ${f.f1.toFixed(3)} (precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}) at ${f.threshold}, precision at 5 per text ${f.precisionAt5.toFixed(3)}`;

type Chosen = { settings: Settings } & Fold;

/**
 * The seed sentences of lib/search/check-worthy.test.ts: real fact-checking sentences, labelled
 * with a looser definition than ClaimBuster's (a position on record, "X rejected the idea that…",
 * counts). The app must keep suggesting most of them: the English reading's threshold is lowered,
 * where needed, until its recall on them reaches SEED_RECALL (the test's floor). Measured with the
 * seven sets (2026-12-04), each held-out set scored by the app learnt without it (heldout-2 to
 * -7): F1 0.817, 0.829, 0.804, 0.804, 0.807, 0.845 at the floor 0.951 (mean 0.818); 0.814, 0.837,
 * 0.818, 0.810, 0.816, 0.845 at 0.9 (mean 0.823); 0.829, 0.816, 0.822, 0.810, 0.829, 0.873 with
 * no floor (mean 0.830), but then recall on the seed sentences falls to 0.462 and three of
 * check-worthy.test.ts's pinned behaviours fail (a figure with an attribution scored high,
 * quotations found by other languages' punctuation, speculation scored low). At 0.9 all hold
 * (recall 0.904, precision 0.797 on the seed sentences).
 */
const SEED_RECALL = 0.9;
const seedLabels = (
  JSON.parse(readFileSync(path.join(process.cwd(), "lib", "search", "__fixtures__", "check-worthy-labels.json"), "utf8")) as {
    labels: Array<{ checkWorthy: boolean; text: string }>;
  }
).labels;

function seedFigures(words: Weights) {
  const model = { words, anyLanguage: words };
  const suggested = seedLabels.map((l) => checkWorthinessWith(model, l.text).score >= SUGGEST_THRESHOLD);
  return classification(suggested, seedLabels.map((l) => l.checkWorthy));
}

/** The thresholds a reading may be lowered to, from `threshold` down in steps of 0.01, above 0.05. */
function thresholdsDownFrom(threshold: number): number[] {
  const thresholds: number[] = [];
  for (let t = threshold; t > 0.05; t = Math.round((t - 0.01) * 100) / 100) thresholds.push(t);
  return thresholds;
}

/** The highest threshold at or below `threshold` that keeps the seed sentences' recall. */
function seedThreshold(weights: Weights, threshold: number): number {
  return thresholdsDownFrom(threshold).find((t) => seedFigures(withThreshold(weights, t)).recall >= SEED_RECALL) ?? 0.05;
}

/**
 * Other languages' sentences whose reading check-worthy.test.ts pins (a figure with an attribution
 * or a quotation suggested, a meeting's time not). The any-language reading's threshold is lowered,
 * where needed, until all of them hold; settings for which no threshold does are not chosen.
 * Round seventeen's retrain, chosen without this, left a Spanish quotation of a figure at 0.491.
 */
const anyLanguageCases = (
  JSON.parse(readFileSync(path.join(process.cwd(), "lib", "search", "__fixtures__", "check-worthy-any-language.json"), "utf8")) as {
    cases: Array<{ language: string; sentence: string; suggested: boolean }>;
  }
).cases;

/** The highest threshold at or below `threshold` at which the any-language cases all hold, or null when none does. */
function anyLanguageThreshold(weights: Weights, threshold: number): number | null {
  const holdAt = (t: number, cases: typeof anyLanguageCases) =>
    cases.every((c) => (checkWorthinessWith({ words: weights, anyLanguage: withThreshold(weights, t) }, c.sentence, c.language).score >= SUGGEST_THRESHOLD) === c.suggested);
  const t = thresholdsDownFrom(threshold).find((t) => holdAt(t, anyLanguageCases.filter((c) => c.suggested)));
  // Lowering the threshold cannot take a sentence back below it, so the highest that suggests enough is the only candidate.
  return t !== undefined && holdAt(t, anyLanguageCases.filter((c) => !c.suggested)) ? t : null;
}

/** The settings a reading may use: with ClaimBuster's sentences, the development sets' weight beside them too. */
function grid(wordRules: boolean, claimBuster: ClaimBuster): Settings[] {
  return [1e-3, 1e-2].flatMap((l2) =>
    (claimBuster.length > 0 ? [2, 4, 8, 16, 32] : [1]).flatMap((devWeight) => (wordRules ? [false, true] : [false]).map((hashed) => ({ l2, devWeight, hashed }))),
  );
}

/**
 * The settings with the best cross-validated F1 for one reading over the texts of `sets`, at the
 * threshold the app will use. `quiet` prints only the choice.
 */
function choose(name: string, wordRules: boolean, claimBuster: ClaimBuster, sets: readonly TrainingSet[], candidates: Settings[], quiet = false): Chosen {
  let best: Chosen | null = null;
  for (const settings of candidates) {
    const examples = examplesOf(wordRules, claimBuster, settings.devWeight, sets);
    // Each reading is judged on the sentences it will read: the any-language one on the non-English texts.
    const fold = crossValidate(examples, settings, (e) => usesWordRules(e.lang) === wordRules);
    // Each reading suggests at most at the threshold that keeps its pinned sentences.
    const weights = train(examples, settings.l2, settings.hashed);
    const threshold = wordRules ? seedThreshold(weights, fold.best.threshold) : anyLanguageThreshold(weights, fold.best.threshold);
    if (threshold === null) {
      if (!quiet) console.log(`${name}: ${JSON.stringify(settings)}: no threshold keeps the pinned sentences of other languages`);
      continue;
    }
    const chosen = fold.at(threshold);
    if (!quiet) console.log(`${name}: ${JSON.stringify(settings)}: cross-validated ${figures(chosen)} (at its best threshold ${figures(fold.best)})`);
    if (!best || chosen.f1 > best.f1) best = { settings, ...chosen };
  }
  if (!best) throw new Error(`${name}: no settings keep the pinned sentences`);
  const chosen = best;
  if (process.env.SHOW_ERRORS && !quiet) console.log(chosen.errors.join("\n"));
  console.log(`${name}: chose ${JSON.stringify(chosen.settings)}: cross-validated ${figures(chosen)}`);
  return chosen;
}

/** `weights` (raw) suggesting at 0.5: the threshold's log-odds moved into the bias. */
function withThreshold(weights: Weights, threshold: number): Weights {
  return { ...weights, bias: weights.bias - Math.log(threshold / (1 - threshold)) };
}

/**
 * One reading's weights under the chosen settings, learnt from the texts of `sets` less `leftOut`
 * (a development text) when given.
 */
function fit(wordRules: boolean, claimBuster: ClaimBuster, chosen: Chosen, sets: readonly TrainingSet[], leftOut: string | null = null): Weights {
  const examples = examplesOf(wordRules, claimBuster, chosen.settings.devWeight, sets).filter((e) => leftOut === null || e.text !== leftOut);
  const weights = withThreshold(train(examples, chosen.settings.l2, chosen.settings.hashed), chosen.threshold);
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    bias: r(weights.bias),
    named: Object.fromEntries(Object.entries(weights.named).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, r(v)])),
    hashed: weights.hashed.map(r),
  };
}

type Scored = { text: string; set: TrainingSet; lang: string | null; score: number; checkWorthy: boolean; sentence: string };

/** These sentences scored by the app (checkWorthiness: both readings, the fragment rule, a suggestion only with a reason) under `model`. */
function scoreTexts(model: { words: Weights; anyLanguage: Weights }, sentences: ReturnType<typeof devSentences>): Scored[] {
  return sentences.map((s) => ({ text: s.text, set: s.set, lang: s.lang, score: checkWorthinessWith(model, s.sentence, s.lang).score, checkWorthy: s.checkWorthy, sentence: s.sentence }));
}

/**
 * The app's figures out of fold on every development text: each text scored under weights learnt
 * without it, suggested at 0.5. Printed over all texts, per set and for the non-English texts.
 */
function appCrossValidated(claimBuster: ClaimBuster, words: Chosen, anyLanguage: Chosen) {
  const sentences = devSentences(TRAINING_SETS);
  const scored = [...new Set(sentences.map((s) => s.text))].flatMap((text) =>
    scoreTexts(
      { words: fit(true, claimBuster, words, TRAINING_SETS, text), anyLanguage: fit(false, claimBuster, anyLanguage, TRAINING_SETS, text) },
      sentences.filter((s) => s.text === text),
    ),
  );
  if (process.env.DUMP_SCORES) writeFileSync(process.env.DUMP_SCORES, JSON.stringify(scored));
  printAppFigures("The app, leave-one-text-out", scored);
}

/**
 * How the model carries to a set it never read, the honest check before a new held-out set: each
 * held-out set scored by the app learnt from the other sets alone, its thresholds chosen again by
 * cross-validation over those (at the settings chosen over all sets), beside the any-digit rule.
 */
function appLeaveOneSetOut(claimBuster: ClaimBuster, words: Chosen, anyLanguage: Chosen) {
  for (const set of TRAINING_SETS.filter((s) => s !== "set-1")) {
    const others = TRAINING_SETS.filter((s) => s !== set);
    const model = {
      words: fit(true, claimBuster, choose(`without ${set}, word rules`, true, claimBuster, others, [words.settings], true), others),
      anyLanguage: fit(false, claimBuster, choose(`without ${set}, any language`, false, claimBuster, others, [anyLanguage.settings], true), others),
    };
    const sentences = devSentences([set]);
    const anyDigit = classification(sentences.map((s) => /\d/u.test(s.sentence)), sentences.map((s) => s.checkWorthy));
    printAppFigures(`The app, learnt without ${set} (any digit F1 ${anyDigit.f1.toFixed(3)})`, scoreTexts(model, sentences), [set]);
  }
}

function printAppFigures(title: string, scored: Scored[], sets: readonly TrainingSet[] = TRAINING_SETS) {
  const groups: Array<[string, Scored[]]> = [
    ["all", scored],
    ...(sets.length > 1 ? sets.map((set): [string, Scored[]] => [set, scored.filter((s) => s.set === set)]) : []),
    ["non-English", scored.filter((s) => !usesWordRules(s.lang))],
  ];
  for (const [name, group] of groups) {
    const texts = [...new Set(group.map((s) => s.text))];
    const { precision, recall, f1 } = classification(group.map((s) => s.score >= SUGGEST_THRESHOLD), group.map((s) => s.checkWorthy));
    const hitsAt5 = texts.map((text) => group.filter((s) => s.text === text).sort((a, b) => b.score - a.score).slice(0, 5).filter((s) => s.checkWorthy).length);
    console.log(
      `${title}, ${name}: ${texts.length} texts (${group.length} sentences): F1 ${f1.toFixed(3)} (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}), ` +
        `precision at 5 per text ${meanPrecisionAt(5, hitsAt5).toFixed(3)} (${hitsAt5.join(" ")})`,
    );
  }
}

function main() {
  const corpusFile = process.argv[2];
  const claimBuster: ClaimBuster = corpusFile ? JSON.parse(readFileSync(corpusFile, "utf8")) : [];
  console.log(`Training on the ${TRAINING_SETS.join(", ")} texts${corpusFile ? ` and ${claimBuster.length} ClaimBuster sentences` : ""}.`);
  const wordsChosen = choose("word rules (English)", true, claimBuster, TRAINING_SETS, grid(true, claimBuster));
  // The other languages' weights read no English: trained on the same sentences read without the word rules.
  const anyChosen = choose("any language", false, claimBuster, TRAINING_SETS, grid(false, claimBuster));
  if (!process.env.SKIP_APP_CV) {
    appCrossValidated(claimBuster, wordsChosen, anyChosen);
    appLeaveOneSetOut(claimBuster, wordsChosen, anyChosen);
  }
  const words = fit(true, claimBuster, wordsChosen, TRAINING_SETS);
  const seed = seedFigures(words);
  console.log(`Seed sentences (${seedLabels.length}): precision ${seed.precision.toFixed(3)}, recall ${seed.recall.toFixed(3)}.`);
  const out = path.join(process.cwd(), "lib", "search", "check-worthy-model.json");
  writeFileSync(out, `${JSON.stringify({ words, anyLanguage: fit(false, claimBuster, anyChosen, TRAINING_SETS) })}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
}

main();
