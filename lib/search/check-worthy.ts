/**
 * "Suggest claims": how check-worthy a sentence is. A logistic regression over the cues a
 * fact-checker looks for or discounts (check-worthy-features.ts) and, for English, the
 * sentence's hashed words and word pairs, with the reasons it found in words, so a reviewer
 * sees why a sentence is suggested.
 *
 * The weights (check-worthy-model.json) are learned offline by bench/quality/train.ts from
 * ClaimBuster's public labelled sentences and the six spent sets of bench/quality (the first
 * evaluation set and the held-out sets heldout-2 to -6, each scored once; ClaimBuster's
 * definition: check-worthy factual sentences), never from a held-out set before its one scoring.
 * For a language other than the word rules' one a
 * second set of weights reads only the cues that hold in any language (figures, quotations,
 * attribution by punctuation, questions); an English word list would match by accident there
 * ("die" in German) or never.
 */
import model from "@/lib/search/check-worthy-model.json";
import { logOdds, sentenceFeatures, usesWordRules, QUANTITY_REASONS, type Weights } from "@/lib/search/check-worthy-features";

export { usesWordRules, WORD_RULE_LANGUAGES } from "@/lib/search/check-worthy-features";

export interface CheckWorthiness {
  /** 0..1; suggested at SUGGEST_THRESHOLD and above. */
  score: number;
  /** What made it check-worthy, for the reviewer ("a percentage", "an attribution: said"), the strongest first. */
  reasons: string[];
}

/** The trainer folds the decision threshold into the bias, so a sentence is suggested at 0.5. */
export const SUGGEST_THRESHOLD = 0.5;
const MIN_WORDS = 3;
const MAX_READ_CHARS = 2_000;
const UNEXPLAINED_CEILING = 0.49;

const WEIGHTS: { words: Weights; anyLanguage: Weights } = model;

/** How check-worthy `sentence`, of an article in `language` (BCP 47; null: not known), looks. */
export function checkWorthiness(sentence: string, language: string | null = null): CheckWorthiness {
  return checkWorthinessWith(WEIGHTS, sentence, language);
}

/** checkWorthiness under other weights (the trainer's, scoring a text with a model that never saw it). */
export function checkWorthinessWith(model: { words: Weights; anyLanguage: Weights }, sentence: string, language: string | null = null): CheckWorthiness {
  const wordRules = usesWordRules(language);
  const text = sentence.trim();
  const words = text.split(/\s+/).filter(Boolean).length;
  // Headings, titles and fragments: nothing to check on their own.
  if (words < MIN_WORDS || !/[.!?…”"’»)\]]$/u.test(text)) return { score: 0, reasons: [] };
  const weights = wordRules ? model.words : model.anyLanguage;
  // A stored "sentence" may be a whole 2 MB line; no claim needs more than its opening to be read.
  const features = sentenceFeatures(text.slice(0, MAX_READ_CHARS), wordRules, weights.hashed.length > 0);
  const probability = round(1 / (1 + Math.exp(-logOdds(weights, features))));
  // The reasons of the cues that raise the score, the weightiest first.
  const raising = [...features.reasons]
    .map(([id, reason]) => ({ reason, weight: weights.named[`cue:${id}`] ?? 0 }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((r) => r.reason);
  // A number in words adds nothing where digits were found already.
  const digits = raising.some((r) => QUANTITY_REASONS.includes(r) && r !== "a number in words");
  const reasons = [...new Set(digits ? raising.filter((r) => r !== "a number in words") : raising)];
  // A suggestion says why: with no cue that raises it (a long sentence, say), a sentence stays below the threshold.
  return { score: reasons.length > 0 ? probability : Math.min(probability, UNEXPLAINED_CEILING), reasons };
}

function round(value: number) {
  return Math.round(value * 1000) / 1000;
}
