/**
 * The search module's scores in words: a reviewer sees "Likely check-worthy" or "Strong
 * match", never a bare number whose scale they cannot know. Each kind of score has three
 * levels, from its own scale (the cut-offs below), for the words and a three-step bar.
 */
export type StrengthKind = "check-worthiness" | "evidence-match" | "same-claim";

interface Scale {
  /** The lowest score of level 3 and of level 2. */
  cutoffs: [number, number];
  /** The words of levels 1, 2 and 3. */
  words: [string, string, string];
  /** What the score measures, for the bar's tooltip. */
  explanation: string;
}

const SCALES: Record<StrengthKind, Scale> = {
  // 0..1; suggested from 0.5 (SUGGEST_THRESHOLD).
  "check-worthiness": {
    cutoffs: [0.9, 0.7],
    words: ["Possibly check-worthy", "Likely check-worthy", "Very likely check-worthy"],
    explanation: "How many signs of a checkable statement the sentence has: numbers, quotations, attributions, comparisons, dates, named officials",
  },
  // Full-text rank plus two trigram similarities: 0..3 in practice.
  "evidence-match": {
    cutoffs: [1.5, 0.8],
    words: ["Partial match", "Good match", "Strong match"],
    explanation: "How well the passage matches the claim's words and its quote",
  },
  // Trigram similarity 0..1; offered from 0.3 (SAME_CLAIM_THRESHOLD).
  "same-claim": {
    cutoffs: [0.7, 0.5],
    words: ["Some wording in common", "Similar wording", "Nearly the same wording"],
    explanation: "How much of the wording of the claims, or of their quotes, is the same",
  },
};

export interface Strength {
  level: 1 | 2 | 3;
  words: string;
  explanation: string;
}

export function strength(kind: StrengthKind, score: number): Strength {
  const { cutoffs, words, explanation } = SCALES[kind];
  const level = score >= cutoffs[0] ? 3 : score >= cutoffs[1] ? 2 : 1;
  return { level, words: words[level - 1], explanation };
}
