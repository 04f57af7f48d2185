import { isValidSpan, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

/**
 * A fuzzy match must keep at least 90% of the stored exact text: at most one
 * edit (Levenshtein: insert, delete or substitute a UTF-16 unit) per 10 units.
 * Quotes shorter than 10 units therefore only re-anchor exactly.
 */
export const FUZZY_MIN_SIMILARITY = 0.9;

/**
 * And its surroundings must confirm it: the stored prefix and suffix
 * together need at most one edit per 4 units against the text around the
 * match. Losing a whole side of the context (the paragraph before was
 * deleted) is already too much doubt when the exact text changed as well.
 */
export const FUZZY_MIN_CONTEXT_SIMILARITY = 0.75;

/**
 * Longer quotes are not searched fuzzily (they end orphaned): the search costs
 * O(length · text) in the worst case, and a passage this long that no longer
 * appears verbatim deserves a reviewer's eyes anyway.
 */
export const FUZZY_MAX_LENGTH = 1000;

/**
 * One search computes at most this many cells of its edit-distance tables,
 * however long the text: it runs on the server's event loop, which other
 * requests wait for meanwhile. It reads the text nearest the stored position
 * (see searchWindow) and, if even that costs more, gives up without a match.
 */
export const FUZZY_MAX_WORK = 2_000_000;

/** The table cells a caller allows its fuzzy searches in all; each search takes what it spends. */
export interface FuzzyBudget {
  cells: number;
}

export interface FuzzyMatch {
  start: number;
  end: number;
  /** 1 − edits / exact.length: at least FUZZY_MIN_SIMILARITY. */
  similarity: number;
}

interface Candidate {
  start: number;
  end: number;
  edits: number;
  contextEdits: number;
}

/**
 * The best approximate occurrence of quote.exact — fewest edits to exact and
 * context together, then nearest to the old offsets — if it passes both
 * thresholds. A best match that fails them is doubt enough: no runner-up.
 * The search spends its cells from `budget` (at most FUZZY_MAX_WORK) and
 * finds nothing once the budget is spent.
 */
export function findFuzzy(
  text: string,
  quote: TextQuoteSelector,
  near: TextPositionSelector,
  budget: FuzzyBudget = { cells: FUZZY_MAX_WORK },
): FuzzyMatch | undefined {
  const { exact, prefix, suffix } = quote;
  const maxEdits = allowedEdits(exact.length, FUZZY_MIN_SIMILARITY);
  if (maxEdits === 0 || exact.length > FUZZY_MAX_LENGTH || budget.cells <= 0) return undefined;
  const allowed = Math.min(FUZZY_MAX_WORK, budget.cells);
  const work = new Work(allowed);
  const found = bestMatch(text, quote, near, maxEdits, work);
  budget.cells -= allowed - Math.max(0, work.left);
  if (!found || found.contextEdits > allowedEdits(prefix.length + suffix.length, FUZZY_MIN_CONTEXT_SIMILARITY)) return undefined;
  return { start: found.start, end: found.end, similarity: 1 - found.edits / exact.length };
}

/** The best candidate in the search window, its start refined; undefined if there is none or the work ran out. */
function bestMatch(text: string, quote: TextQuoteSelector, near: TextPositionSelector, maxEdits: number, work: Work): Candidate | undefined {
  const [from, to] = searchWindow(text.length, quote.exact.length, near, maxEdits, work.left);
  const matches = approximateMatches(quote.exact, text, from, to, maxEdits, work);
  if (!matches) return undefined;
  let best: Candidate | undefined;
  for (const match of matches) {
    const candidate = withContext(text, quote, match.start, match.end, match.edits, work);
    if (!candidate) return undefined;
    if (better(candidate, best, near)) best = candidate;
  }
  return best && refineStart(text, quote, best.end, maxEdits, near, work);
}

/** Cells of edit-distance tables a search may still compute. */
class Work {
  constructor(public left: number) {}

  /** Takes `cells`; false once the search has spent more than it was allowed. */
  spend(cells: number): boolean {
    this.left -= cells;
    return this.left >= 0;
  }
}

/**
 * The [from, to) of the text one search reads: all of it if that fits the
 * work, else the units nearest the stored span. On prose the table's live
 * rows number 1.2 to 1.6 times the edits allowed (measured on 1 MB of the
 * seed articles' words), so a window sized for 3 times that fits, with the
 * work of refineStart kept aside; text that resembles the quote more costs
 * more and may spend all the work.
 */
function searchWindow(textLength: number, exactLength: number, near: TextPositionSelector, maxEdits: number, cells: number): [number, number] {
  const refining = exactLength * (exactLength + maxEdits);
  const length = Math.max(exactLength + maxEdits, Math.floor((cells - refining) / (3 * (maxEdits + 1))));
  if (length >= textLength) return [0, textLength];
  const middle = Math.floor((near.start + near.end) / 2);
  const from = Math.min(Math.max(0, middle - Math.floor(length / 2)), textLength - length);
  return [from, from + length];
}

/** How many edits a string of `length` units may have and keep `minSimilarity`. */
function allowedEdits(length: number, minSimilarity: number): number {
  // The epsilon absorbs float error: 10 * (1 - 0.9) is 0.9999…, not 1.
  return Math.floor(length * (1 - minSimilarity) + 1e-9);
}

/** [start, end) with the edits its context needs; undefined once the work is spent. */
function withContext(text: string, quote: TextQuoteSelector, start: number, end: number, edits: number, work: Work): Candidate | undefined {
  const { prefix, suffix } = quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  if (!work.spend(prefix.length * before.length + suffix.length * after.length)) return undefined;
  return { start, end, edits, contextEdits: editDistance(prefix, before) + editDistance(suffix, after) };
}

function better(candidate: Candidate, best: Candidate | undefined, near: TextPositionSelector): boolean {
  if (!best) return true;
  const cost = candidate.edits + candidate.contextEdits;
  const bestCost = best.edits + best.contextEdits;
  const distance = (c: Candidate) => Math.abs(c.start - near.start) + Math.abs(c.end - near.end);
  return cost < bestCost || (cost === bestCost && distance(candidate) < distance(best));
}

/**
 * Approximate occurrences of `pattern` in text[windowStart, windowEnd), at
 * most maxEdits each: Sellers' dynamic programming (any start in the text is
 * free) with Ukkonen's cut-off (rows that already exceed maxEdits are not
 * computed), O(maxEdits · text) expected. Reports one match per end offset;
 * its start comes from one optimal alignment (the latest one on ties, i.e.
 * the shortest match); refineStart then picks the start with the prefix's
 * help. Undefined once the work is spent.
 */
function approximateMatches(
  pattern: string,
  text: string,
  windowStart: number,
  windowEnd: number,
  maxEdits: number,
  work: Work,
): Array<{ start: number; end: number; edits: number }> | undefined {
  const m = pattern.length;
  // Column j of the table: cost[i] = fewest edits turning pattern[0, i) into
  // some text[from[i], j).
  const cost = new Int32Array(m + 1);
  const from = new Int32Array(m + 1).fill(windowStart);
  for (let i = 0; i <= m; i++) cost[i] = i;
  let last = Math.min(m, maxEdits); // deepest row still within maxEdits
  const matches = [];

  for (let j = windowStart + 1; j <= windowEnd; j++) {
    const unit = text.charCodeAt(j - 1);
    let diagCost = cost[0];
    let diagFrom = from[0];
    cost[0] = 0;
    from[0] = j;
    // Rows below last + 1 cannot come back within maxEdits in this column;
    // their stale values are all above maxEdits, which is all that matters.
    const top = Math.min(m, last + 1);
    if (!work.spend(top)) return undefined;
    for (let i = 1; i <= top; i++) {
      let bestCost = diagCost + (pattern.charCodeAt(i - 1) === unit ? 0 : 1);
      let bestFrom = diagFrom;
      diagCost = cost[i];
      diagFrom = from[i];
      // Skip a pattern unit (from the row above), or skip a text unit (from
      // the previous column); on equal cost keep the later start.
      const upCost = cost[i - 1] + 1;
      if (upCost < bestCost || (upCost === bestCost && from[i - 1] > bestFrom)) {
        bestCost = upCost;
        bestFrom = from[i - 1];
      }
      if (diagCost + 1 < bestCost || (diagCost + 1 === bestCost && diagFrom > bestFrom)) {
        bestCost = diagCost + 1;
        bestFrom = diagFrom;
      }
      cost[i] = bestCost;
      from[i] = bestFrom;
    }
    last = top;
    while (cost[last] > maxEdits) last--;
    if (last === m) matches.push({ start: from[m], end: j, edits: cost[m] });
  }
  return matches;
}

/**
 * The valid span ending at `end` where exact text and prefix together fit
 * best: the search's own start ignores the prefix (after a changed first
 * word it may land mid-word) and may cut an emoji in half.
 */
function refineStart(text: string, quote: TextQuoteSelector, end: number, maxEdits: number, near: TextPositionSelector, work: Work): Candidate | undefined {
  const m = quote.exact.length;
  // A table anchored at `end` that reads exact and the text backwards: after
  // step t, column[m] is the distance from exact to text[end - t, end).
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best: Candidate | undefined;
  for (let t = 1; t <= Math.min(end, m + maxEdits); t++) {
    if (!work.spend(m)) return undefined;
    const unit = text.charCodeAt(end - t);
    let diag = column[0];
    column[0] = t;
    for (let i = 1; i <= m; i++) {
      const next = Math.min(diag + (quote.exact.charCodeAt(m - i) === unit ? 0 : 1), column[i] + 1, column[i - 1] + 1);
      diag = column[i];
      column[i] = next;
    }
    if (column[m] > maxEdits || !isValidSpan(text, end - t, end)) continue;
    const candidate = withContext(text, quote, end - t, end, column[m], work);
    if (!candidate) return undefined;
    if (better(candidate, best, near)) best = candidate;
  }
  return best;
}

/** Levenshtein distance in UTF-16 units; O(a · b) time, O(b) memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(diag + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), row[j] + 1, row[j - 1] + 1);
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}
