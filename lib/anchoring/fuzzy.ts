import search from "approx-string-match";
import type { AnchoringText } from "./prepared-text";
import type { TextPositionSelector } from "./selectors";

/**
 * Where a quote may be now: approximate occurrences of it, found with approx-string-match
 * (Myers' bit-parallel edit-distance search, the library Hypothesis maintains for this),
 * within a bound on the work. Which candidate is the quote's place is score.ts's decision.
 */

/**
 * A candidate may differ from the stored quote in at most this share of its units (so a
 * quote of 4 units may have one edit): a sentence a third of which was rewritten says
 * something else, and a claim on it is orphaned for a reviewer to place. On the peer cases
 * (lib/anchoring/peer-cases) 0.4 finds no more, and 0.25 orphans a changed word.
 */
export const FUZZY_MAX_EDIT_SHARE = 0.3;

/**
 * Longer quotes are not searched fuzzily (they end orphaned): a passage this long that
 * no longer appears verbatim deserves a reviewer's eyes anyway.
 */
export const FUZZY_MAX_LENGTH = 1000;

/**
 * One anchoring computes at most this many cells of edit-distance tables (or words of
 * 32 cells, see searchCells), however long the text: it runs on the server's event loop, which other requests wait for meanwhile.
 * A search reads the text nearest the stored position (see searchWindow) and, if even
 * that costs more, gives up without a match.
 */
export const FUZZY_MAX_WORK = 2_000_000;

/** The table cells a caller allows its anchorings in all; each takes what it spends. */
export interface FuzzyBudget {
  cells: number;
}

/** Cells of edit-distance tables one anchoring may still compute. */
export class Work {
  constructor(public left: number) {}

  /** Takes `cells`; false once more was asked for than was left. */
  spend(cells: number): boolean {
    this.left -= cells;
    return this.left >= 0;
  }
}

export interface Occurrence {
  start: number;
  end: number;
  /** Edits (insert, delete or substitute a UTF-16 unit) between the quote and text[start, end). */
  edits: number;
}

/** The edits a candidate of a quote of `length` units may have. */
export function allowedEdits(length: number): number {
  // The epsilon absorbs float error: 10 * 0.3 is 3.000…04 or 2.999…9.
  return Math.floor(length * FUZZY_MAX_EDIT_SHARE + 1e-9);
}

/**
 * A bit-parallel search reads each unit of text once per 32 units of pattern, computing a
 * word of 32 cells at a time; a word takes about as long as one cell of a plain table
 * (4 to 5 ns each on this project's machine), so the work counts it as one.
 */
function searchCells(textLength: number, patternLength: number): number {
  return textLength * Math.ceil(patternLength / 32);
}

/**
 * The approximate occurrences of `exact`, at most maxEdits, with the fewest edits in each
 * of the ranges outside the `excluded` spans (the candidates already weighed: the search
 * reports only its best matches, so the next best are found by searching again without
 * them). Undefined once the work is spent.
 */
export function approximateOccurrences(text: string, exact: string, ranges: Range[], maxEdits: number, excluded: Occurrence[], work: Work): Occurrence[] | undefined {
  if (maxEdits === 0 || exact.length > FUZZY_MAX_LENGTH) return [];
  const found: Occurrence[] = [];
  for (const { from, to } of ranges) {
    if (!work.spend(searchCells(to - from, exact.length))) return undefined;
    for (const match of search(without(text, from, to, excluded), exact, maxEdits)) found.push({ start: from + match.start, end: from + match.end, edits: match.errors });
  }
  return found;
}

/** text[from, to) with the excluded spans blanked out by NUL, which no canonical text holds. */
function without(text: string, from: number, to: number, excluded: Occurrence[]): string {
  const pieces: string[] = [];
  let at = from;
  for (const { start, end } of [...excluded].sort((a, b) => a.start - b.start)) {
    const a = Math.max(start, at);
    const b = Math.min(end, to);
    if (a >= b) continue;
    pieces.push(text.slice(at, a), "\0".repeat(b - a));
    at = b;
  }
  pieces.push(text.slice(at, to));
  return pieces.join("");
}

export interface Range {
  from: number;
  to: number;
}

/** The units either side of the stored position searched with the full allowance of edits. */
const NEARBY = 2000;

/**
 * The parts of the text a quote not found near its old place is searched in, elsewhere:
 * each piece of at least this many units that an occurrence with few enough edits must
 * hold word for word (see farRanges).
 */
export const FAR_PIECE = 8;

/**
 * Where to look for a quote: first the units nearest the stored position (where a changed
 * passage usually still is), searched with all the edits allowed; then, for a passage that
 * moved, the whole text (or the window of it that half the work left can pay for), where
 * it may have at most one edit per FAR_PIECE units: an occurrence with k edits holds one
 * of k + 1 pieces of the quote word for word, so only the text around the pieces'
 * occurrences (found by indexOf, much faster than an edit-distance search) is searched.
 * Each search's ranges are computed when called.
 */
export function searchRanges(prepared: AnchoringText, exact: string, near: TextPositionSelector | undefined, cells: number): Array<{ ranges: () => Range[]; maxEdits: number }> {
  const { text } = prepared;
  const whole = searchWindow(text.length, exact.length, near, cells);
  const maxEdits = allowedEdits(exact.length);
  if (!near || whole.to - whole.from <= 2 * NEARBY) return [{ ranges: () => [whole], maxEdits }];
  const middle = Math.floor((near.start + near.end) / 2);
  const nearby = { from: Math.max(0, middle - NEARBY), to: Math.min(text.length, middle + NEARBY) };
  const farEdits = Math.min(maxEdits, Math.floor(exact.length / FAR_PIECE) - 1);
  // The far ranges are found only if asked for: most quotes are settled near their old
  // place, and indexOf over the whole text for each piece is most of a quote's time.
  const far = { ranges: () => farRanges(prepared, exact, whole, farEdits), maxEdits: farEdits };
  return farEdits < 1 ? [{ ranges: () => [nearby], maxEdits }] : [{ ranges: () => [nearby], maxEdits }, far];
}

/** The most occurrences of one piece of a quote searched around (see farRanges). */
const MAX_PIECE_HITS = 20;

/** The ranges of `window` around the occurrences of the k + 1 pieces of exact (but the commonest), merged. */
function farRanges(text: AnchoringText, exact: string, window: Range, k: number): Range[] {
  const piece = Math.floor(exact.length / (k + 1));
  const ranges: Range[] = [];
  for (let p = 0; p <= k; p++) {
    const offset = p * piece;
    const needle = exact.slice(offset, p === k ? exact.length : offset + piece);
    const hits = text.occurrences(needle, window.from, window.to, MAX_PIECE_HITS + 1);
    // A piece this common (" of the ") says little where the quote is: the other pieces must.
    if (hits.length > MAX_PIECE_HITS) continue;
    for (const i of hits) ranges.push({ from: Math.max(window.from, i - offset - k), to: Math.min(window.to, i - offset + exact.length + k) });
  }
  ranges.sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The [from, to) of the text one search reads: all of it if that fits the work (with
 * some kept aside for scoring the candidates), else the units nearest the stored span.
 */
function searchWindow(textLength: number, exactLength: number, near: TextPositionSelector | undefined, cells: number): Range {
  const length = Math.max(exactLength, Math.floor(cells / 2 / searchCells(1, exactLength)));
  if (length >= textLength) return { from: 0, to: textLength };
  const middle = near ? Math.floor((near.start + near.end) / 2) : 0;
  const from = Math.min(Math.max(0, middle - Math.floor(length / 2)), textLength - length);
  return { from, to: from + length };
}

/**
 * The edits between `exact` and each text[end - t, end) for t up to exact.length +
 * maxEdits, as [start, edits] pairs: the starts a candidate ending at `end` may have,
 * for the scoring to choose from with the prefix's help (the search's own start is the
 * latest of the best, which after a changed first word may lie mid-word). Undefined once
 * the work is spent.
 */
export function startsEndingAt(text: string, exact: string, end: number, work: Work): Array<[number, number]> | undefined {
  const m = exact.length;
  const maxEdits = allowedEdits(m);
  // A table anchored at `end` that reads exact and the text backwards: after step t,
  // column[m] is the distance from exact to text[end - t, end).
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  const starts: Array<[number, number]> = [];
  for (let t = 1; t <= Math.min(end, m + maxEdits); t++) {
    if (!work.spend(m)) return undefined;
    const unit = text.charCodeAt(end - t);
    let diag = column[0];
    column[0] = t;
    for (let i = 1; i <= m; i++) {
      const next = Math.min(diag + (exact.charCodeAt(m - i) === unit ? 0 : 1), column[i] + 1, column[i - 1] + 1);
      diag = column[i];
      column[i] = next;
    }
    if (column[m] <= maxEdits) starts.push([end - t, column[m]]);
  }
  return starts;
}

/**
 * How well the stored `context` agrees with the text beside a candidate: `beside` is the
 * CONTEXT_SLACK + context.length units next to it (`side` says which end of the context
 * touches the candidate). The context's best approximate occurrence there costs its edits
 * plus GAP_COST per unit between it and the candidate, so a word inserted before the
 * quote costs less than the context it pushes aside; the similarity is 1 − cost per unit
 * of context, at least 0. Where the text ends before the context would (the candidate
 * sits near the document's start or end), the part beyond the edge counts half
 * (MISSING_CONTEXT); an empty context agrees with anything. Undefined once the work is
 * spent. `gapCost` 1 holds the context to the candidate's very edge (see Scorer.refine).
 */
export function contextSimilarity(context: string, beside: string, side: "prefix" | "suffix", work: Work, gapCost = GAP_COST): number | undefined {
  if (context.length === 0) return 1;
  const room = Math.min(beside.length, context.length);
  const compared = side === "prefix" ? context.slice(context.length - room) : context.slice(0, room);
  if (compared.length === 0) return MISSING_CONTEXT;
  if (!work.spend(searchCells(beside.length, compared.length))) return undefined;
  const similarity = (cost: number) => Math.max(0, compared.length - cost + MISSING_CONTEXT * (context.length - compared.length)) / context.length;
  // The common case, the context unchanged right beside the candidate, costs nothing: no search needed.
  if (side === "prefix" ? beside.endsWith(compared) : beside.startsWith(compared)) return similarity(0);
  const { errors, gap } = bestMatchBeside(compared, beside, side);
  return similarity(Math.min(compared.length, errors + gapCost * gap));
}

/**
 * The fewest edits between `context` and any part of `beside`, and how far the nearest
 * part with that few lies from the candidate: the best matches approx-string-match's
 * search reports, without the search it runs for each one's start, which for a context
 * this short is most of the time. A table over context and `beside` read from the
 * candidate's side, which any part may end anywhere in.
 */
function bestMatchBeside(context: string, beside: string, side: "prefix" | "suffix"): { errors: number; gap: number } {
  const m = context.length;
  const n = beside.length;
  // Read from the candidate's side: from the end for a prefix, from the start for a suffix.
  const contextAt = side === "prefix" ? (i: number) => context.charCodeAt(i) : (i: number) => context.charCodeAt(m - 1 - i);
  const besideAt = side === "prefix" ? (j: number) => beside.charCodeAt(j) : (j: number) => beside.charCodeAt(n - 1 - j);
  // column[i]: the fewest edits between context[0, i) and a part of beside ending here.
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let errors = m;
  let gap = n;
  for (let j = 0; j < n; j++) {
    const unit = besideAt(j);
    let diag = 0;
    for (let i = 1; i <= m; i++) {
      const next = Math.min(diag + (contextAt(i - 1) === unit ? 0 : 1), column[i] + 1, column[i - 1] + 1);
      diag = column[i];
      column[i] = next;
    }
    if (column[m] <= errors) {
      errors = column[m];
      gap = n - 1 - j;
    }
  }
  return { errors, gap };
}

/** The units beyond the stored context's length read beside a candidate (see contextSimilarity). */
export const CONTEXT_SLACK = 16;

/** The cost of a unit between the stored context and the candidate. */
const GAP_COST = 0.25;

/** The similarity of context beyond the document's edge: it can neither agree nor disagree. */
const MISSING_CONTEXT = 0.5;

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
