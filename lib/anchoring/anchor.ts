import { findFuzzy, type FuzzyBudget } from "./fuzzy";
import { isValidSpan, splitsSurrogatePair, type SpanSelectors, type TextQuoteSelector } from "./selectors";

export type AnchorMethod = "position" | "quote" | "fuzzy";

export type AnchorResult =
  | {
      status: "anchored";
      start: number;
      end: number;
      method: AnchorMethod;
      /**
       * The text now at [start, end). Equal to the stored quote.exact for
       * "position" and "quote"; for "fuzzy" it differs, and callers must show
       * it as changed text rather than as the original passage.
       */
      exact: string;
      /** 1 for "position" and "quote"; see FUZZY_MIN_SIMILARITY for "fuzzy". */
      similarity: number;
    }
  | { status: "orphaned" };

/**
 * Finds a stored span in the (possibly edited) text, trying in order:
 * (a) the stored offsets, if the text there is still quote.exact and the
 *     context agrees with the text around it (see contextAgrees);
 * (b) every occurrence of quote.exact, the one whose surroundings share the
 *     most characters with the prefix and suffix, then the one nearest the
 *     stored start;
 * (c) a fuzzy match of quote.exact confirmed by its context (see fuzzy.ts),
 *     reported as "fuzzy" with its new text;
 * and otherwise gives up: "orphaned" rather than a span on other text.
 * Step (c) spends from `budget` (by default one search's, FUZZY_MAX_WORK).
 */
export function anchor(text: string, selectors: SpanSelectors, budget?: FuzzyBudget): AnchorResult {
  const { position, quote } = selectors;
  const { exact } = quote;
  // Nothing to look for: a blank quote would "match" any whitespace.
  if (!/\S/.test(exact)) return { status: "orphaned" };

  const { start, end } = position;
  if (isValidSpan(text, start, end) && text.slice(start, end) === exact && contextAgrees(text, start, end, quote)) {
    return { status: "anchored", start, end, method: "position", exact, similarity: 1 };
  }

  const found = findQuote(text, quote, start);
  if (found !== undefined) {
    return { status: "anchored", start: found, end: found + exact.length, method: "quote", exact, similarity: 1 };
  }

  const fuzzy = findFuzzy(text, quote, position, budget);
  if (fuzzy) return { status: "anchored", ...fuzzy, method: "fuzzy", exact: text.slice(fuzzy.start, fuzzy.end) };
  return { status: "orphaned" };
}

/**
 * Whether the quote's prefix and suffix agree with the text around
 * [start, end) as far as the text allows: where the text is shorter than the
 * stored context (the span now sits nearer the document's start or end),
 * only the part that exists is compared. An empty prefix or suffix (the span
 * was at the document's edge) agrees with anything.
 */
function contextAgrees(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return quote.prefix.endsWith(before) && quote.suffix.startsWith(after);
}

/** The start of the best occurrence of quote.exact (see anchor, step b). */
function findQuote(text: string, quote: TextQuoteSelector, near: number): number | undefined {
  const { exact, prefix, suffix } = quote;
  let best: number | undefined;
  let bestScore = -1;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const end = i + exact.length;
    // The quote may begin or end with a half pair only if the old text had lone surrogates.
    if (splitsSurrogatePair(text, i) || splitsSurrogatePair(text, end)) continue;
    const score = sharedSuffixLength(prefix, text, i) + sharedPrefixLength(suffix, text, end);
    if (score > bestScore || (score === bestScore && Math.abs(i - near) < Math.abs(best! - near))) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** How many trailing units of `prefix` match the text just before `at`. */
function sharedSuffixLength(prefix: string, text: string, at: number): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix[prefix.length - 1 - n] === text[at - 1 - n]) n++;
  return n;
}

/** How many leading units of `suffix` match the text from `at`. */
function sharedPrefixLength(suffix: string, text: string, at: number): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && suffix[n] === text[at + n]) n++;
  return n;
}
