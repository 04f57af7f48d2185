/**
 * Whether two similarly worded claims say different things: the hard negatives that
 * trigram similarity ranks highest ("sold 200,000 copies" against "20,000", "rose" against
 * "fell"). Pure, so that same-claim candidates can be filtered after the similarity search
 * and the rule tested on its own. Figures are compared as numbers ("3.2 million" is
 * "3,200,000", "1,8 Milliarden" is "1.8 billion"); the opposed words are English only.
 */

/** Digits with thousands separators (",", ".", spaces) or a decimal part, then an optional scale word. */
// Not the digits of a word or an id ("A380", "mx8xzfsx"): a figure starts where no letter stands before it.
const FIGURE =
  /(?<![\p{L}\d])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3}(?!\d))+|\d+)(?:[.,](\d+))?(?:\s?(thousand|million|billion|trillion|bn|m|k|millions?|milliards?|Millionen|Milliarden|millones|milioni|miliardi|milhões|milhão|miljoen|miljard|miljoner|miljon|miljarder|milion(?:y|ów)?|miliard(?:y|ów)?|Mio|Mrd|mln|mld|tys|mil)(?!\p{L}))?/giu;

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  mil: 1e3,
  million: 1e6,
  millions: 1e6,
  millionen: 1e6,
  millones: 1e6,
  milioni: 1e6,
  milhões: 1e6,
  milhão: 1e6,
  miljoen: 1e6,
  miljoner: 1e6,
  miljon: 1e6,
  milion: 1e6,
  miliony: 1e6,
  milionów: 1e6,
  mio: 1e6,
  mln: 1e6,
  tys: 1e3,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  milliarden: 1e9,
  miliardi: 1e9,
  miljard: 1e9,
  miljarder: 1e9,
  miliard: 1e9,
  miliardy: 1e9,
  miliardów: 1e9,
  mrd: 1e9,
  mld: 1e9,
  trillion: 1e12,
};

/** Each figure a text states, as a number, with where its mention starts and ends. */
export function figureMentions(text: string): Array<{ value: number; start: number; end: number }> {
  return Array.from(text.matchAll(FIGURE), (match) => {
    const [all, whole, decimals, scale] = match;
    const value = Number(`${whole.replace(/\D/gu, "")}.${decimals ?? "0"}`) * (scale && !metres(text, match.index, all, scale, decimals !== undefined) ? SCALES[scale.toLowerCase()] : 1);
    return { value: Math.round(value * 1000) / 1000, start: match.index, end: match.index + all.length };
  });
}

/**
 * An "m" that is metres ("the 1,500m"), not millions: millions have money beside them ("£90m",
 * "540m crowns"), a decimal part ("1.1m") or people and things counted after them ("22m homes").
 */
function metres(text: string, start: number, mention: string, scale: string, decimal: boolean): boolean {
  if (scale !== "m") return false;
  const after = text.slice(start + mention.length);
  const moneyBefore = /[$€£¥]\s?$/u.test(text.slice(Math.max(0, start - 2), start));
  // A decimal part is millions ("1.1m") but for a length: "lost 1.8m of land", "a 2.5m wall", "6.4m deep".
  if (decimal) return !moneyBefore && LENGTH_AFTER.test(after);
  const millions = moneyBefore || MONEY_AFTER.test(after) || COUNTED_AFTER.test(after);
  return !millions;
}
/** What follows a length, never a count in millions. */
const LENGTH_AFTER = /^\s?(?:of (?:land|ground|coast|coastline|cliff|beach|shoreline)|deep|high|long|wide|tall|wall|fence|drop|retreat)\b/iu;
/** What is counted in millions, never measured in metres. */
const COUNTED_AFTER = /^\s(?:people|homes|households|users|customers|voters|viewers|visitors|passengers|residents|adults|children|patients|workers|jobs|members|subscribers|doses|tonnes|barrels|copies|vehicles|cars|trees)\b/iu;
const CURRENCY_WORD = "(?:euros?|dollars?|pounds?|crowns?|kronor|krona|kroner|francs?|yen|rand|zloty|rupees?|pesos?|reais|lire|lira)\\b";
/** Money after a figure, or after the other end of its range ("from 540m to 720m crowns"). */
const MONEY_AFTER = new RegExp(`^\\s?(?:${CURRENCY_WORD}|(?:to|and|or|-|–)\\s?[$€£¥]?\\d[\\d.,]*\\s?m\\s${CURRENCY_WORD})`, "iu");

/** The figures a text states, as numbers. */
export function figuresOf(text: string): Set<number> {
  return new Set(figureMentions(text).map((m) => m.value));
}

/** A year ("2023"): other years are other claims, however close. */
export const isYear = (figure: number) => Number.isInteger(figure) && figure >= 1800 && figure <= 2100;

/** How many significant digits a figure is written with: 240 has two, 241 three, 0.5 one. */
function significantDigits(figure: number): number {
  const digits = String(Math.abs(figure)).replace(".", "");
  let [start, end] = [0, digits.length];
  while (start < end && digits[start] === "0") start++;
  while (end > start && digits[end - 1] === "0") end--;
  return Math.max(1, end - start);
}

/** How far a figure said to be approximate ("almost a fifth", "nearly a second") may stand from the exact one (18 percent, 0.89 seconds). */
const HEDGED_TOLERANCE = 0.12;

/**
 * One figure stated as another rounded: equal, or within 3 % of it ("about half" is 51 percent,
 * "about one-seventh" 14 percent), 5 % when the rounder is one digit ("roughly a fifth" for 19
 * percent, "almost 10 %" for 9.5) or both are said to be approximate (`hedges` 2: "about an
 * eighth" for "around 12 percent"), 12 % when one is and the other not (`hedges` 1: "almost a
 * fifth" for 18 percent); but never a year for another year, nor two figures written as precisely
 * as each other ("241 million" is not "243 million", 93 percent not 95) unless one is approximate
 * and they are within 5 % ("about 24 percent" for "one in four").
 */
export function sameFigure(a: number, b: number, hedges: 0 | 1 | 2 = 0): boolean {
  if (a === b) return true;
  if (isYear(a) || isYear(b)) return false;
  const [da, db] = [significantDigits(a), significantDigits(b)];
  if (da === db && da >= 2) return hedges > 0 && Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));
  const tolerance = hedges === 1 ? HEDGED_TOLERANCE : hedges === 2 || Math.min(da, db) === 1 ? 0.05 : 0.03;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** How many of two figures are said to be approximate, as sameFigure reads it. */
export const hedgesOf = (x: boolean, y: boolean) => (Number(x) + Number(y)) as 0 | 1 | 2;

/** Words that state one direction, each beside the words of the opposite one. */
const OPPOSITES: Array<[RegExp, RegExp]> = [
  // "over" and "under" as a bound ("over 2,000"), not as a span ("over the past five years", "over 4 years").
  [/(?<!\p{L})(?:added|adds|gained|rose|rises|risen|raise|raises|raised|increased|up|higher|more|above|over(?=\s[$€£]?\d)(?!\s\d+(?:\.\d+)?\s(?:years?|months?|weeks?|days?|decades?)(?!\p{L}))|larger|hausse|augmenté|subió|superen)(?!\p{L})/iu, /(?<!\p{L})(?:cut|cuts|lost|fell|falls|fallen|falling|lowered|decreased|down|lower|fewer|less|below|under(?=\s[$€£]?\d)|smaller|baisse|baissé|reculé|bajó|menos)(?!\p{L})/iu],
  [/(?<!\p{L})(?:largest|biggest|highest|most|best|first|ahead|than any other|plus haut)(?!\p{L})/iu, /(?<!\p{L})(?:smallest|lowest|least|worst|second|behind|plus bas)(?!\p{L})/iu],
  [/(?<!\p{L})(?:widest|wider|longest|longer|strongest|stronger)(?!\p{L})/iu, /(?<!\p{L})(?:narrowest|narrower|shortest|shorter|weakest|weaker)(?!\p{L})/iu],
  [/(?<!\p{L})(?:approve|approved|approves|passed|backed|won|profit|gain|Gewinn)(?!\p{L})/iu, /(?<!\p{L})(?:reject|rejected|rejects|defeated|opposed|lost|loss|deficit|Verlust)(?!\p{L})/iu],
  [/\bvoted for\b/iu, /\bvoted against\b/iu],
];

/** A figure that moved ("raised", "rises") against one that stayed ("held", "unchanged"). */
const MOVED = /\b(?:raised|rises|rose|risen|grew|grown|increased|cut|lowered|fell|falls|fallen|dropped|decreased|slipped|dipped|edged|climbed|jumped|soared|surged|plunged|slumped)\b/iu;
// Not "holds": a councillor "holds the culture brief"; "stays" only at a level ("stays open" holds no figure).
const HELD = /\b(?:held|unchanged|flat|steady|kept|frozen|(?:barely|hardly|little|not) changed|(?:stays|stayed|remains|remained) at)\b/iu;

function pole(text: string, [up, down]: [RegExp, RegExp]): "up" | "down" | "both" | null {
  const isUp = up.test(text);
  const isDown = down.test(text);
  return isUp && isDown ? "both" : isUp ? "up" : isDown ? "down" : null;
}

/** A figure, and what its words say it measures ("time", "money"; null where they say nothing). */
export type MeasuredFigure = { value: number; measure: string | null };

/**
 * The differences of two figures of one scale ("from 214 to 131" states a loss of 83; "14 of its 62"
 * leaves 48), never of a year, of figures more than five times apart ("six months" is not taken
 * from "243 million", nor "three abstentions" from "19 votes": 34 to 19 is not 34 to 16), or of
 * two that measure two things ("within 30 metres … within 20 years" states no 10).
 */
export function differencesOf(figures: Iterable<number | MeasuredFigure>): number[] {
  const counts = [...figures].map((f) => (typeof f === "number" ? { value: f, measure: null } : f)).filter((f) => !isYear(f.value));
  const alike = (x: MeasuredFigure, y: MeasuredFigure) => x.measure === null || y.measure === null || x.measure === y.measure;
  return counts.flatMap((m) => counts.filter((n) => n.value < m.value && n.value * 5 >= m.value && alike(m, n)).map((n) => Math.round((m.value - n.value) * 1000) / 1000));
}

/**
 * Each states figures, and neither's figures are all among the other's (within sameFigure's
 * rounding, looser for the `hedged` ones), or the difference of two of them: "from 214 to 131"
 * restates "lost 83" (`differences`: each side's, where its figures' measures are known).
 */
export function figuresDisagree(
  figuresA: Set<number>,
  figuresB: Set<number>,
  hedged: { a: Set<number>; b: Set<number> } = { a: new Set(), b: new Set() },
  differences: { a: number[]; b: number[] } = { a: differencesOf(figuresA), b: differencesOf(figuresB) },
): boolean {
  // One to one, equal figures first: the 7 of "seven new stops" stands for one 7, not also for a 6.9 beside it.
  // Loose when one of the two is said to be approximate: "about four-fifths" is not "about three-quarters".
  const within = (x: Set<number>, y: Set<number>, differencesY: number[], hedgedX: Set<number>, hedgedY: Set<number>) => {
    const candidates = [...y, ...differencesY];
    const used = new Set<number>();
    const take = (matches: (other: number) => boolean) => {
      const at = candidates.findIndex((other, i) => !used.has(i) && matches(other));
      if (at >= 0) used.add(at);
      return at >= 0;
    };
    const [exact, rest] = [[...x].filter((f) => candidates.includes(f)), [...x].filter((f) => !candidates.includes(f))];
    return exact.every((figure) => take((other) => other === figure)) && rest.every((figure) => take((other) => sameFigure(figure, other, hedgesOf(hedgedX.has(figure), hedgedY.has(other)))));
  };
  return figuresA.size > 0 && figuresB.size > 0 && !within(figuresA, figuresB, differences.b, hedged.a, hedged.b) && !within(figuresB, figuresA, differences.a, hedged.b, hedged.a);
}

/** One goes up (or is the most, or passed) where the other goes down, or one moved where the other held. */
export function wordsOppose(a: string, b: string): boolean {
  // Only one claim's figures all moved and the other's all held: "can sales rose, draught sales held steady" states both.
  const onlyMoved = (x: string) => MOVED.test(x) && !HELD.test(x);
  const onlyHeld = (x: string) => HELD.test(x) && !MOVED.test(x);
  if ((onlyMoved(a) && onlyHeld(b)) || (onlyMoved(b) && onlyHeld(a))) return true;
  return OPPOSITES.some((pair) => {
    const [poleA, poleB] = [pole(a, pair), pole(b, pair)];
    return (poleA === "up" && poleB === "down") || (poleA === "down" && poleB === "up");
  });
}
