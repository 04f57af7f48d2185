import { approximateOccurrences, CONTEXT_SLACK, contextSimilarity, FUZZY_MAX_WORK, searchRanges, startsEndingAt, Work, type FuzzyBudget, type Occurrence } from "./fuzzy";
import { plainText, type AnchoringText } from "./prepared-text";
import { decide, leastCost, score, type Scored } from "./score";
import { isValidSpan, type SpanSelectors, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

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
      /** 1 − edits / quote.exact.length: 1 for "position" and "quote". */
      similarity: number;
    }
  | { status: "orphaned"; reason: OrphanReason };

/**
 * Why a span was orphaned: nothing scored well enough; several places scored alike
 * ("ambiguous: 2 places"); or the search's work ran out before it could tell.
 */
export type OrphanReason = "not found" | `ambiguous: ${number} places` | "work spent";

/**
 * The most exact occurrences of a quote weighed against each other, the nearest to the
 * stored position first: a quote this common (a word or two) is told apart by its
 * context, and the work of that grows with the occurrences.
 */
const MAX_EXACT_CANDIDATES = 200;

/**
 * Finds a stored span in the (possibly edited) text:
 * (a) the stored offsets, if the text there is still quote.exact and the context agrees
 *     with the text around it (see contextAgrees);
 * (b) otherwise the best of the candidates — the occurrences of quote.exact and its
 *     approximate occurrences (fuzzy.ts) — scored by quote, prefix and suffix similarity
 *     (score.ts), reported as "quote" if it is the very quote and as "fuzzy" with its new
 *     text if not; two places too close to call are not guessed between;
 * and otherwise gives up: "orphaned" with the reason, rather than a span on other text.
 * The search spends its table cells from `budget` (at most FUZZY_MAX_WORK per call).
 * A caller anchoring many quotes in one text passes it prepared (prepareText) once.
 */
export function anchor(textOrPrepared: string | AnchoringText, selectors: SpanSelectors, budget: FuzzyBudget = { cells: FUZZY_MAX_WORK }): AnchorResult {
  const prepared = typeof textOrPrepared === "string" ? plainText(textOrPrepared) : textOrPrepared;
  const { text } = prepared;
  const { position, quote } = selectors;
  const { exact } = quote;
  // Nothing to look for: a blank quote would "match" any whitespace.
  if (!/\S/.test(exact)) return { status: "orphaned", reason: "not found" };

  const { start, end } = position;
  if (isValidSpan(text, start, end) && text.slice(start, end) === exact && contextAgrees(text, start, end, quote)) {
    return { status: "anchored", start, end, method: "position", exact, similarity: 1 };
  }

  const allowed = Math.max(0, Math.min(FUZZY_MAX_WORK, budget.cells));
  const work = new Work(allowed);
  // A position that is no span (an import without one says 0..0) tells nothing.
  const near = start < end ? position : undefined;
  const decision = findBest(prepared, quote, near, work);
  budget.cells -= allowed - Math.max(0, work.left);
  if (decision === "work spent") return { status: "orphaned", reason: "work spent" };
  if (!decision) return { status: "orphaned", reason: "not found" };
  if ("ambiguous" in decision) return { status: "orphaned", reason: `ambiguous: ${decision.ambiguous} places` };
  const { found } = decision;
  const method = found.edits === 0 ? "quote" : "fuzzy";
  return { status: "anchored", start: found.start, end: found.end, method, exact: text.slice(found.start, found.end), similarity: found.similarity };
}

/**
 * Whether the quote's prefix and suffix agree with the text around [start, end) as far
 * as the text allows: where the text is shorter than the stored context (the span now
 * sits nearer the document's start or end), only the part that exists is compared. An
 * empty prefix or suffix (the span was at the document's edge) agrees with anything.
 */
function contextAgrees(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return quote.prefix.endsWith(before) && quote.suffix.startsWith(after);
}

/** Whether a candidate's context disagrees in at most a tenth of its units: it is the passage, no need to look further. */
function confirmed(candidate: Scored): boolean {
  return candidate.cost - candidate.edits <= candidate.contextLength / 10;
}

/** The gap cost that holds a context to the candidate's edge (see contextSimilarity). */
const ADJACENT = 1;

/** The places approximate occurrences are refined at (see refine): the best few of each search. */
const REFINED_CANDIDATES = 3;

/** Searches for approximate occurrences in each window, each without the places the ones before found. */
const SEARCH_ROUNDS = 2;

function findBest(prepared: AnchoringText, quote: TextQuoteSelector, near: TextPositionSelector | undefined, work: Work): ReturnType<typeof decide> | "work spent" {
  const { text } = prepared;
  const scorer = new Scorer(text, quote, near, work);
  const candidates: Scored[] = [];
  const exact = exactOccurrences(text, quote.exact, near);
  for (const occurrence of exact) {
    const scored = scorer.score(occurrence);
    if (scored === "work spent") return scored;
    if (scored) candidates.push(scored);
  }
  const weighed: Occurrence[] = [...exact];
  const cheapest = () => Math.min(Infinity, ...candidates.map((c) => c.cost));
  for (const [index, search] of searchRanges(prepared, quote.exact, near, work.left).entries()) {
    // Changed text (one edit at least) cannot beat a candidate that costs less than a unit,
    // and the search beyond the old place is only for a passage not found there.
    if (cheapest() < leastCost(1) || (index > 0 && candidates.some(confirmed))) break;
    const { maxEdits } = search;
    const ranges = search.ranges();
    // Search again without the places weighed so far while a worse match could still cost less.
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      const approximate = approximateOccurrences(text, quote.exact, ranges, maxEdits, weighed, work);
      if (!approximate) return "work spent";
      if (approximate.length === 0) break;
      const fuzzy: Array<{ end: number; scored: Scored | undefined }> = [];
      for (const occurrence of approximate) {
        const scored = scorer.score(occurrence);
        if (scored === "work spent") return scored;
        fuzzy.push({ end: occurrence.end, scored });
      }
      // An occurrence failing at the search's own start may pass from another (refine): the
      // search ignores the prefix, so it may start a unit early where the prefix disagrees.
      // Scored ones by cost, then those that failed at their own start (two of those: a tie, not NaN).
      fuzzy.sort((a, b) => (a.scored?.cost ?? Infinity) - (b.scored?.cost ?? Infinity) || 0);
      for (const { end, scored } of fuzzy.slice(0, REFINED_CANDIDATES)) {
        const refined = scorer.refine(end, scored);
        if (refined === "work spent") return refined;
        if (refined) candidates.push(refined);
      }
      weighed.push(...approximate);
      if (cheapest() <= leastCost(Math.min(...approximate.map((a) => a.edits)) + 1)) break;
    }
  }
  return decide(candidates, near);
}

/** The occurrences of exact whose ends do not split a surrogate pair, at most MAX_EXACT_CANDIDATES nearest `near`. */
function exactOccurrences(text: string, exact: string, near: TextPositionSelector | undefined): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    // The quote may begin or end with a half pair only if the old text had lone surrogates.
    if (isValidSpan(text, i, i + exact.length)) found.push({ start: i, end: i + exact.length, edits: 0 });
  }
  if (near) found.sort((a, b) => Math.abs(a.start - near.start) - Math.abs(b.start - near.start));
  return found.slice(0, MAX_EXACT_CANDIDATES);
}

/** Scores candidates for one quote in one text, spending from one Work. */
class Scorer {
  constructor(
    private readonly text: string,
    private readonly quote: TextQuoteSelector,
    private readonly near: TextPositionSelector | undefined,
    private readonly work: Work,
  ) {}

  /** The candidate's score; undefined if it fails the thresholds or is no valid span. */
  score({ start, end, edits }: Occurrence, suffix = this.suffixSimilarity(end), gapCost?: number): Scored | undefined | "work spent" {
    if (!isValidSpan(this.text, start, end)) return undefined;
    const { prefix: storedPrefix, exact } = this.quote;
    const reach = storedPrefix.length && storedPrefix.length + CONTEXT_SLACK;
    const prefix = contextSimilarity(storedPrefix, this.text.slice(Math.max(0, start - reach), start), "prefix", this.work, gapCost);
    if (prefix === undefined || suffix === undefined) return "work spent";
    return score(start, end, { quoteLength: exact.length, edits, prefixLength: storedPrefix.length, prefix, suffixLength: this.quote.suffix.length, suffix });
  }

  /**
   * The candidate ending at `end` with the start, among those that end allows, where quote
   * and prefix together fit best: the search's own start ignores the prefix. Here the prefix
   * must touch the start (no gap allowed, which would let the start slip past changed units
   * into the gap). `found` is the search's own candidate there, if it passed the thresholds.
   */
  refine(end: number, found: Scored | undefined): Scored | undefined | "work spent" {
    const starts = startsEndingAt(this.text, this.quote.exact, end, this.work);
    if (!starts) return "work spent";
    const suffix = this.suffixSimilarity(end);
    let best: Scored | undefined;
    // On a tie, the start nearest the stored one, or without one the longer span.
    const distance = (start: number) => Math.abs(start - (this.near?.start ?? 0));
    // A start that costs two edits more than the fewest cannot save more than that in prefix.
    const fewest = Math.min(...starts.map(([, edits]) => edits));
    for (const [start, edits] of starts.filter(([, e]) => e <= fewest + 1)) {
      const scored = this.score({ start, end, edits }, suffix, ADJACENT);
      if (scored === "work spent") return scored;
      if (scored && (!best || scored.cost < best.cost || (scored.cost === best.cost && distance(start) < distance(best.start)))) best = scored;
    }
    if (!best) return found;
    const rescored = this.score(best, suffix);
    return rescored && rescored !== "work spent" ? rescored : found;
  }

  private suffixSimilarity(end: number) {
    const { suffix } = this.quote;
    const reach = suffix.length && suffix.length + CONTEXT_SLACK;
    return contextSimilarity(suffix, this.text.slice(end, end + reach), "suffix", this.work);
  }
}
