/**
 * Whether two sentences state the same claim, past the trigram search that finds them
 * (same-claim.ts): the two read as normalised claims (figures as numbers, number words and
 * fractions as digits, "%" as "percent", words cut to their stems); kept only when on one topic
 * (shared words or a shared figure), then described by what a reviewer compares (a shared
 * figure, a figure on one side only, a conflict in figures or direction, a name or a word put in
 * its opposite's place, one sentence copied from the other with a word or figure changed or the
 * words reordered) and scored by a logistic regression over those (same-claim-model.json, learnt
 * by bench/quality/train-same-claim.ts on the first evaluation set's pairs). Pure, so the app and
 * the benchmark (bench/quality) score a pair the same way.
 */
import model from "@/lib/search/same-claim-model.json";
import { claimsConflict, figureMentions, sameFigure } from "@/lib/search/claim-conflict";

/** A pair is the same claim at this score or above (the trainer folds its threshold into the bias). */
export const SAME_CLAIM_SCORE = 0.5;

/** No claim needs more than its opening read; a stored quote may be a whole 2 MB line. */
const MAX_READ_CHARS = 2_000;

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", twenty: "20", thirty: "30", forty: "40", fifty: "50",
  quarter: "25 percent", half: "50 percent", third: "33 percent", twice: "2 times",
  un: "1", une: "1", deux: "2", trois: "3", quatre: "4", cinq: "5", dix: "10",
  uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", diez: "10",
  eins: "1", zwei: "2", drei: "3", vier: "4", fünf: "5", zehn: "10",
};

/** Words too common to say what a claim is about: function words, verbs of saying, modals. */
const STOP = new Set(
  ("the a an of in on at to for from by with and or but that this these those is are was were be been has have had it its " +
    "as than which who whom whose said says say according per cent percent about around roughly nearly almost some more over under below above past " +
    "stated called labeled labelled told warned claimed argued noted insisted described reiterated " +
    "will would should could can may might must " +
    "le la les de des du et en au aux un une est à el los las y del que por con según der die das und von im mit den dem für ist")
    .split(" "),
);

/** Fractions in words, as percentages: "one-seventh", "two-thirds", "half a million" (before the number words). */
const FRACTIONS: Array<[RegExp, string]> = [
  [/\bhalf an? (million|billion)\b/giu, "0.5 $1"],
  [/\b(?:one|a)[- ](third|quarter|fifth|sixth|seventh|eighth|tenth)\b/giu, "1/$1"],
  [/\b(two)[- ]thirds\b/giu, "2/third"],
  [/\b(three)[- ]quarters\b/giu, "3/quarter"],
];
const DENOMINATORS: Record<string, number> = { third: 3, quarter: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, tenth: 10 };
const percentOf = (share: number) => `${Math.round(share * 1000) / 10} percent`;

/** A text with number words and fractions as digits and "%" written as "percent", so "four percent" and "4%", "one in four" and "25%" read alike. */
export function normaliseNumbers(text: string): string {
  return FRACTIONS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text)
    .replace(/\b(1|2|3)\/(\p{L}+)/gu, (_, n: string, d: string) => percentOf(Number(n) / DENOMINATORS[d.toLowerCase()]))
    .replace(/\b(\p{L}+)\b/gu, (word) => NUMBER_WORDS[word.toLowerCase()] ?? word)
    .replace(/(\d)\s*(?:%|per cent|percent|pour cent|por ciento|Prozent)/giu, "$1 percent")
    .replace(/\b(\d+) (?:in|out of|of every|von|sur|de cada) (\d+)\b/gu, (_, a: string, b: string) => percentOf(Number(a) / Number(b)));
}

/** A claim's content words, cut to their first five letters (a crude stem: "rises", "rising", "risen"). */
export function claimWords(text: string): Set<string> {
  return new Set(
    Array.from(normaliseNumbers(text).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu), ([w]) => w)
      .filter((w) => !STOP.has(w) && !/^\d/u.test(w))
      .map((w) => w.slice(0, 5)),
  );
}

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
  // Compared by stem, so "North America" and "North American" are one name.
  const stem = (w: string) => w.toLowerCase().slice(0, 5);
  const inOther = (tokens: string[], other: string[]) => {
    const [ownStems, otherStems] = [new Set(tokens.map(stem)), new Set(other.map(stem))];
    return tokens.some((word, i) => {
      if (!capital(word) || otherStems.has(stem(word)) || STOP.has(word.toLowerCase())) return false;
      return other.some(
        (o, j) =>
          capital(o) &&
          !ownStems.has(stem(o)) &&
          ((i > 0 && j > 0 && lower(tokens[i - 1]) === lower(other[j - 1])) || (i + 1 < tokens.length && lower(tokens[i + 1]) === lower(other[j + 1]) && tokens[i + 1] !== undefined)),
      );
    });
  };
  return inOther(ta, tb);
}

/**
 * Words that stand for opposite sides of a claim, each beside its opposites: one claim's word
 * put in the place of the other's ("rural" against "urban", "the governing party" against
 * "the opposition").
 */
const ANTONYMS: Array<[RegExp, RegExp]> = [
  [/\brural\b/iu, /\burban\b/iu],
  [/\b(?:governing|ruling)\b/iu, /\bopposition\b/iu],
  [/\bmajority\b/iu, /\bminority\b/iu],
  [/\bpublic\b/iu, /\bprivate\b/iu],
  [/\bdomestic\b/iu, /\b(?:foreign|international)\b/iu],
  [/\bbefore\b/iu, /\bafter\b/iu],
  [/\b(?:fully|entirely|all)\b/iu, /\b(?:partly|part|partially|some)\b/iu],
  [/\b(?:easy|easier)\b/iu, /\b(?:impossible|hard|harder|difficult)\b/iu],
  [/\b(?:continued|continues|kept|extended)\b/iu, /\b(?:reversal|reversed|overturned|ended|scrapped|ban)\b/iu],
  [/\bwith\b/iu, /\bagainst\b/iu],
];

/** How many words of one claim stand in the other as their opposites. */
function antonymsSwapped(a: string, b: string): number {
  return ANTONYMS.filter(([x, y]) => (x.test(a) && !x.test(b) && y.test(b) && !y.test(a)) || (y.test(a) && !y.test(b) && x.test(b) && !x.test(a))).length;
}

/** A claim's content words cut to their stems, and its figures, in order. */
function contentSequence(text: string): string[] {
  return Array.from(normaliseNumbers(text).toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu), ([w]) => w)
    .filter((w) => !STOP.has(w))
    .map((w) => (/^\d/u.test(w) ? w : w.slice(0, 5)));
}

/** The longest common subsequence of two sequences, as the index pairs it aligns. */
function alignment(a: string[], b: string[]): Array<[number, number]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * How far one claim is a copy of the other with a detail changed: the share of the shorter
 * one's content words the two share in order, when between two of them one or two words or
 * figures stand in the place of as many others ("in Europe" for "worldwide", "opened" for
 * "closed", "$310 million" for "$90 million", "in Toledo on Monday" for "in Dayton on
 * Saturday"), or when every word is kept in another order ("inflation outpaced wage growth");
 * else 0. A restatement rewords more freely, and a copy cut short changes nothing.
 */
function copiedWithAChange(a: string, b: string): number {
  const [sa, sb] = [contentSequence(a), contentSequence(b)];
  const aligned = alignment(sa, sb);
  const share = aligned.length / Math.max(1, Math.min(sa.length, sb.length));
  // One or two words on each side, as many on both, between two aligned ones.
  const substituted = aligned.slice(1).some(([i, j], k) => i - aligned[k][0] === j - aligned[k][1] && [2, 3].includes(i - aligned[k][0]));
  const [fewer, more] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  const reordered = aligned.length < fewer.length && fewer.every((w) => more.includes(w));
  return substituted || reordered ? share : 0;
}

/** What the model reads in a pair: bits, shares (0..1) and the count of opposites. */
export function pairFeatures(a: string, b: string): Record<string, number> {
  const [na, nb] = [normaliseNumbers(a), normaliseNumbers(b)];
  const [fa, fb] = [figureMentions(na).map((m) => m.value), figureMentions(nb).map((m) => m.value)];
  const bit = (condition: boolean) => (condition ? 1 : 0);
  return {
    sharedFigure: bit(fa.some((x) => fb.some((y) => sameFigure(x, y)))),
    // Read both ways: the alignment breaks ties by its first sequence, and a pair must score alike either way.
    copiedWithAChange: Math.max(copiedWithAChange(a, b), copiedWithAChange(b, a)),
    figureOnOneSide: bit((fa.length === 0) !== (fb.length === 0)),
    conflict: bit(claimsConflict(na, nb)),
    swappedDetail: bit(swappedDetail(a, b)),
    antonyms: antonymsSwapped(a, b),
  };
}

export interface PairWeights {
  bias: number;
  features: Record<string, number>;
}

const WEIGHTS: PairWeights = model;

/** The model's probability that a pair with these features states one claim. */
export function pairProbability(weights: PairWeights, features: Record<string, number>): number {
  const logOdds = Object.entries(features).reduce((sum, [name, value]) => sum + (weights.features[name] ?? 0) * value, weights.bias);
  return 1 / (1 + Math.exp(-logOdds));
}

/**
 * Whether two claims are about one thing at all: the share of the shorter one's word stems found
 * in the other (a short restatement of a long sentence shares most of its own words), or a
 * figure they share. The labelled pairs are each on one topic, so the model cannot learn this;
 * without it, any two claims the trigram search finds that do not conflict would match.
 */
function onOneTopic(a: string, b: string, sharedFigure: boolean): boolean {
  const [wa, wb] = [claimWords(a), claimWords(b)];
  const overlap = [...wa].filter((w) => wb.has(w)).length / Math.max(1, Math.min(wa.size, wb.size));
  return overlap + (sharedFigure ? TOPIC_FIGURE_BONUS : 0) >= TOPIC_FLOOR;
}
/** The rule the reading was before its model (tuned on the development pairs): shared stems plus 0.4 for a shared figure, at least 0.4. */
const TOPIC_FLOOR = 0.4;
const TOPIC_FIGURE_BONUS = 0.4;

/** How likely `a` and `b` state the same claim, 0..1 (SAME_CLAIM_SCORE and above: the same); 0 for claims on two topics. */
export function sameClaimScore(a: string, b: string): number {
  const [ra, rb] = [a.slice(0, MAX_READ_CHARS), b.slice(0, MAX_READ_CHARS)];
  const features = pairFeatures(ra, rb);
  return onOneTopic(ra, rb, features.sharedFigure === 1) ? pairProbability(WEIGHTS, features) : 0;
}

/** Two claims, each by its restatement and its quoted text: the better of the two readings (as the trigram search takes the greater similarity). */
export function sameClaimMatch(claim: { restatement: string; exact: string }, other: { restatement: string; exact: string }): number {
  return Math.max(sameClaimScore(claim.restatement, other.restatement), sameClaimScore(claim.exact, other.exact));
}
