/**
 * "Suggest claims": how check-worthy a sentence is, from features a fact-checker looks
 * for (numbers, quotations, attributions, comparisons, dates, named officials) and
 * against those that make a sentence opinion or colour (speculation, vague reactions,
 * first-person opinion, forecasts, timetables, sport results, headings). A transparent
 * weighted sum squashed to 0..1, with the reasons it found, so a reviewer sees why a
 * sentence is suggested.
 *
 * The word rules (attribution verbs, comparisons, months, opinion words) are English. In
 * any language the figures (percentages, amounts with their scale words in French, German
 * and Spanish too), quotations (“…”, «…», „…“) and an attribution by punctuation (a closed
 * quotation followed by ", <speaker or verb>") still count.
 *
 * Tuned on the development half of bench/quality (ClaimBuster's definition, labelled by two
 * people who had not seen these rules; check-worthy.test.ts pins its figures) and measured on
 * the held-out test half by `npm run bench -- quality`.
 */

export interface CheckWorthiness {
  /** 0..1; suggested at SUGGEST_THRESHOLD and above. */
  score: number;
  /** What made it check-worthy, for the reviewer ("a percentage", "an attribution: said"). */
  reasons: string[];
}

export const SUGGEST_THRESHOLD = 0.5;

interface Feature {
  weight: number;
  /** Matched against the sentence less its clock times, scores and rankings (see NOT_QUANTITIES). */
  quantity?: true;
  /** The reason shown, or null for features that only lower the score. */
  reason: (match: RegExpMatchArray) => string | null;
  /** Every pattern is linear in the sentence's length: a stored sentence is any user's input. */
  pattern: RegExp;
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const ATTRIBUTION =
  "said|says|stated|told|warned|claimed|argued|accused|announced|noted|insisted|described|asserted|reiterated|acknowledged|" +
  "emphasized|emphasised|declared|rejected|criticized|criticised|ruled out|vowed|proposed|labeled|labelled|likened|expressed|" +
  "confirmed|denied|admitted|reported|reportedly|according to|characterized|characterised|signaled|signalled|demanded|suggested|suggesting|" +
  "found|concluded|wrote|estimated|estimates|show|shows|showed(?! up)";
const TITLES =
  "President|Vice[- ]President|Secretary|Minister|Prime Minister|Chancellor|Rep\\.|Sen\\.|Gov\\.|Senator|Governor|Mayor|" +
  "ambassador|director|diplomat|lawmaker|spokesperson|spokesman|spokeswoman|fellow|adviser|advisor|General|Admiral|Pentagon|Kremlin";

const FEATURES: Feature[] = [
  // Quantities.
  { weight: 1.6, quantity: true, pattern: /(?<!\d)\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)/iu, reason: () => "a percentage" },
  {
    weight: 1.4,
    quantity: true,
    pattern: /[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:million|billion|trillion|bn|m|millions?|milliards?|Millionen|Milliarden|millones|euros?|dollars|pounds)\b|\b(?:tens|hundreds|dozens) of (?:thousands|millions|billions)?/iu,
    reason: () => "an amount",
  },
  { weight: 0.9, quantity: true, pattern: /\b\d[\d,.]*\b(?!\s?%)/u, reason: () => "a number" },
  // Two figures: a statistic and its comparison ("from 12 percent to 18"), more than an event's one number.
  { weight: 0.5, quantity: true, pattern: /\d\D+\d/u, reason: () => null },
  { weight: 0.5, pattern: /\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|half|twice|double)\b/iu, reason: () => "a number in words" },
  // Who said what.
  // Two words between an opening quote and a later closing one. Only the first opening quote
  // is tried (the ^): it encloses the most, and trying each one made "“a a a …" cubic.
  { weight: 1.1, pattern: /^[^“"«„]*[“"«„]\s*\S+\s+\S[^]*[”"»“]/u, reason: () => "a quotation" },
  // A quotation closed and followed by ", <speaker or verb>" is attributed in any language (« … », a déclaré ; „…“, sagte).
  { weight: 0.6, pattern: /[”"»“]\s*,\s+\p{L}/u, reason: () => null },
  { weight: 1.2, pattern: new RegExp(`\\b(${ATTRIBUTION})\\b`, "iu"), reason: (m) => `an attribution: ${m[1].toLowerCase()}` },
  {
    weight: 1.0,
    // A name before the title is matched from the start of its word (the lookbehind) up to its
    // first capital: tried from every capital of a long word, the search was quadratic.
    pattern: new RegExp(`\\b(?:${TITLES})\\b(?:\\s+(?:of|for|at|on)\\s+(?:\\p{Lu}[\\p{L}’'-]+\\s*)+|\\s+\\p{Lu}[\\p{L}’'-]+)|(?<![\\p{L}’'-])[\\p{Ll}\\p{Lt}\\p{Lm}\\p{Lo}’'-]*\\p{Lu}[\\p{L}’'-]+,?\\s+(?:a\\s+|the\\s+)?(?:former\\s+|top\\s+|senior\\s+)?(?:${TITLES})`, "u"),
    reason: () => "a named official",
  },
  // Who did what: a named person or body, and the actions news reports.
  { weight: 0.7, pattern: /(?<!^)\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}’'-]+)+/u, reason: () => "a named person or body" },
  {
    weight: 0.8,
    pattern:
      /\b(visited|met|spoke|announced|agreed|provided|occupies|occupied|faces|failed|declined|backtracked|pulled back|pressured|signed|launched|invaded|annexed|deployed|approved|voted|commented|called on|insists|seeks|offered|framed|made no mention|posted)\b/iu,
    reason: (m) => `an action: ${m[1].toLowerCase()}`,
  },
  // Comparisons.
  {
    weight: 0.9,
    pattern: /\b(more|less|fewer|greater|higher|lower|larger|smaller|than|most|least|biggest|largest|smallest|highest|lowest|worst|best|record|never|roughly|nearly|almost)\b/iu,
    reason: (m) => `a comparison: ${m[1].toLowerCase()}`,
  },
  // When.
  {
    weight: 0.8,
    pattern: new RegExp(`\\b(${MONTHS}|${WEEKDAYS})\\b|\\b(?:19|20)\\d\\d\\b|\\b(?:yesterday|last (?:week|month|year)|a day earlier|hours later|the following day)\\b`, "u"),
    reason: () => "a date",
  },
  // What makes a sentence opinion, colour or structure rather than fact.
  { weight: -1.2, pattern: /\b(could|may|might|would likely|perhaps|possibly|fear|fears|speculated|remains? to be seen|risks?|hint|hints|hinting|seems?|appears?)\b/iu, reason: () => null },
  { weight: -1.0, pattern: /\b(concerns?|alarm|outrage|uneasy|anxious|anxiety|debate|backlash|firestorm|apprehension|chaos|mood|complexity|dynamics)\b/iu, reason: () => null },
  { weight: -0.8, pattern: /^(?:In conclusion|Overall|However|While|Yet|Instead)\b/u, reason: () => null },
  // Opinion and colour in the first person ("I think…", "my daughter said I was mad").
  { weight: -1.2, pattern: /(?<![\p{L}’'])(?:I|I’m|I'm|I’ve|I've|my|me)(?![\p{L}’'])/u, reason: () => null },
  // Forecasts and pledges: what will happen cannot be checked yet.
  { weight: -0.5, pattern: /\b(?:will|would|plans? to|pledge|pledged|expects?|expected)\b/iu, reason: () => null },
  // Sport: results and records of a game are news, rarely a claim worth a check.
  {
    weight: -1.0,
    pattern: /\b(?:match|matches|semi-finals?|quarter-finals?|seed|tie-break|goals?|scored|striker|season|tournament|unforced|serve|kick-off|league|champion)\b/iu,
    reason: () => null,
  },
  // Timetables: when something will happen is news, not a claim to check.
  {
    weight: -1.2,
    pattern: /\b(?:scheduled|will be held|will be open|will face|will publish|is due to|are due to|has until|next (?:meeting|hearing)|local time)\b/iu,
    reason: () => null,
  },
  // A quotation whose speaker is only "he" or "she" is colour more often than a checkable statement.
  { weight: -1.2, pattern: /,?[”"],?\s+(?:he|she|they)\s+(?:said|told|added)\b/iu, reason: () => null },
  { weight: -0.9, pattern: /\b(?:critics|experts|observers|some|they|others)\b\s+(?:argue|argued|fear|feared|claim|claimed|warn|warned|speculated|say|said)\b/iu, reason: () => null },
];

/** Numbers that are not quantities to check: clock times ("7 p.m.", "8 h 45"), scores and votes ("6-4"), rankings ("No. 4"). */
const NOT_QUANTITIES = /\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|Uhr\b|h\s?\d{2}\b)|\b\d{1,2}:\d{2}\b|\b\d{1,2}[-–]\d{1,2}\b|\bNo\.\s?\d+/giu;

const QUANTITY_REASONS = ["a percentage", "an amount", "a number", "a number in words"];

const BIAS = -1.4;
const MIN_WORDS = 3;

export function checkWorthiness(sentence: string): CheckWorthiness {
  const text = sentence.trim();
  const words = text.split(/\s+/).filter(Boolean).length;
  // Headings, titles and fragments: nothing to check on their own.
  if (words < MIN_WORDS || !/[.!?…”"’)\]]$/u.test(text)) return { score: 0, reasons: [] };
  const quantities = text.replace(NOT_QUANTITIES, " ");
  let sum = BIAS;
  const reasons: string[] = [];
  for (const feature of FEATURES) {
    const match = (feature.quantity ? quantities : text).match(feature.pattern);
    if (!match) continue;
    sum += feature.weight;
    const reason = feature.reason(match);
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  }
  // A quotation with no figure in it is opinion or colour more often than a checkable statement.
  if (reasons.includes("a quotation") && !QUANTITY_REASONS.some((r) => reasons.includes(r))) sum -= 1.0;
  // A number in words adds nothing where digits were found already.
  const shown = reasons.includes("a number") || reasons.includes("a percentage") ? reasons.filter((r) => r !== "a number in words") : reasons;
  if (/\?[”"’]?$/u.test(text)) sum -= 1.0;
  return { score: round(1 / (1 + Math.exp(-sum))), reasons: shown };
}

function round(value: number) {
  return Math.round(value * 1000) / 1000;
}
