/**
 * Whether two sentences state the same claim, past the trigram search that finds them
 * (same-claim.ts): the two read as normalised claims (figures as numbers, number words as
 * digits, "%" as "percent", words cut to their stems), then scored by the figures they share
 * and the words they share, and refused when they conflict (claim-conflict.ts: other figures,
 * the opposite direction, a negation on one side only). Pure, so the app and the benchmark
 * (bench/quality) score a pair the same way.
 */
import { claimsConflict, figuresOf } from "@/lib/search/claim-conflict";

/**
 * A pair is the same claim at this score or above. Tuned on the development half of
 * bench/quality's pairs (with the search's similarity floor, 0.15): precision 0.71 at recall
 * 0.67, where trigram similarity at 0.3 with the conflict rules had 0.53 at 0.71.
 */
export const SAME_CLAIM_SCORE = 0.4;

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", twenty: "20", thirty: "30", forty: "40", fifty: "50",
  quarter: "25 percent", half: "50 percent", third: "33 percent", twice: "2 times",
  un: "1", une: "1", deux: "2", trois: "3", quatre: "4", cinq: "5", dix: "10",
  uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", diez: "10",
  eins: "1", zwei: "2", drei: "3", vier: "4", fünf: "5", zehn: "10",
};

/** Words too common to say what a claim is about. */
const STOP = new Set(
  ("the a an of in on at to for from by with and or but that this these those is are was were be been has have had it its " +
    "as than which who whom whose said says say according per cent percent about around roughly nearly almost some more over " +
    "le la les de des du et en au aux un une est à el los las y del que por con según der die das und von im mit den dem für ist")
    .split(" "),
);

/** A text with number words as digits and "%" written as "percent", so "four percent" and "4%" read alike. */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/\b(\p{L}+)\b/gu, (word) => NUMBER_WORDS[word.toLowerCase()] ?? word)
    .replace(/(\d)\s*(?:%|per cent|percent|pour cent|por ciento|Prozent)/giu, "$1 percent")
    .replace(/\b(\d+) in (\d+)\b/gu, (_, a: string, b: string) => `${Math.round((Number(a) / Number(b)) * 1000) / 10} percent`);
}

/** A claim's content words, cut to their first five letters (a crude stem: "rises", "rising", "risen"). */
export function claimWords(text: string): Set<string> {
  return new Set(
    Array.from(normaliseNumbers(text).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu), ([w]) => w)
      .filter((w) => !STOP.has(w) && !/^\d/u.test(w))
      .map((w) => w.slice(0, 5)),
  );
}

/** Negation on one side only ("did not", "never", "no"): the same words, the opposite claim. */
const NEGATION = /\b(?:not|never|no|none|nobody|nothing|n't|ne|pas|jamais|nicht|kein|keine|nunca)\b|n[’']t\b/iu;

/**
 * A name, month or weekday put in another's place, the rest worded alike: "in February" against
 * "in March", "in Toledo on Monday" against "in Dayton on Saturday", "Reddick's campaign" against
 * "Harlow's campaign". A capitalised word of one claim that the other lacks, whose neighbour
 * word stands in the other beside a different capitalised word: the hard negative that changes
 * one detail. A restatement that adds a claimant ("…, the Liberal Democrats said") is no swap.
 */
function swappedDetail(a: string, b: string): boolean {
  const tokensOf = (text: string) => Array.from(text.matchAll(/[\p{L}\p{N}’'-]+/gu), ([w]) => w.replace(/[’']s$/u, ""));
  const [ta, tb] = [tokensOf(a), tokensOf(b)];
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  const lower = (w: string | undefined) => w?.toLowerCase();
  const inOther = (tokens: string[], other: string[]) => {
    const otherWords = new Set(other.map((w) => w.toLowerCase()));
    return tokens.some((word, i) => {
      if (!capital(word) || otherWords.has(word.toLowerCase()) || STOP.has(word.toLowerCase())) return false;
      return other.some(
        (o, j) =>
          capital(o) &&
          !new Set(tokens.map((w) => w.toLowerCase())).has(o.toLowerCase()) &&
          ((i > 0 && j > 0 && lower(tokens[i - 1]) === lower(other[j - 1])) || (i + 1 < tokens.length && lower(tokens[i + 1]) === lower(other[j + 1]) && tokens[i + 1] !== undefined)),
      );
    });
  };
  return inOther(ta, tb);
}

/** The same figures, or the same names, in the other order: "52 winners and 61 errors" against "61 winners and 52 errors". */
function swapped(a: string, b: string): boolean {
  return [/\d[\d.,]*\d|\d/gu, /\p{Lu}[\p{L}-]+/gu].some((token) => {
    const tokensOf = (text: string) => Array.from(text.matchAll(token), ([w]) => w.toLowerCase());
    const [ta, tb] = [tokensOf(a), tokensOf(b)];
    const firstTwoShared = (x: string[], y: string[]) => [...new Set(x.filter((w) => y.includes(w)))].slice(0, 2);
    const [pa, pb] = [firstTwoShared(ta, tb), firstTwoShared(tb, ta)];
    return pa.length === 2 && pb.length === 2 && pa[0] === pb[1] && pa[1] === pb[0];
  });
}

/**
 * How likely `a` and `b` state the same claim, 0..1 (SAME_CLAIM_SCORE and above: the same):
 * the share of the shorter one's word stems found in the other, a bonus for a shared figure and
 * a penalty for a negation on one side only; 0 when they conflict (other figures, the opposite
 * direction) or a name, month or the order of two figures or names changed.
 */
export function sameClaimScore(a: string, b: string): number {
  const [na, nb] = [normaliseNumbers(a), normaliseNumbers(b)];
  if (claimsConflict(na, nb) || swapped(na, nb) || swappedDetail(a, b)) return 0;
  const [fa, fb] = [figuresOf(na), figuresOf(nb)];
  const sharedFigure = [...fa].some((f) => fb.has(f));
  const [wa, wb] = [claimWords(a), claimWords(b)];
  // Over the shorter side's words: a short restatement of a long sentence shares most of its own words.
  const overlap = [...wa].filter((w) => wb.has(w)).length / Math.max(1, Math.min(wa.size, wb.size));
  const score = overlap + (sharedFigure ? 0.4 : 0) - (NEGATION.test(a) !== NEGATION.test(b) ? 0.2 : 0);
  return Math.max(0, Math.min(1, score));
}

/** Two claims, each by its restatement and its quoted text: the better of the two readings (as the trigram search takes the greater similarity). */
export function sameClaimMatch(claim: { restatement: string; exact: string }, other: { restatement: string; exact: string }): number {
  return Math.max(sameClaimScore(claim.restatement, other.restatement), sameClaimScore(claim.exact, other.exact));
}
