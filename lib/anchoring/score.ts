import type { TextPositionSelector } from "./selectors";

/**
 * The one scoring model of anchoring. A candidate place for a stored quote is weighed by
 * its quote's similarity (1 − edits per unit) and its prefix's and suffix's (each the
 * similarity of its best approximate match in the text of its length beside the
 * candidate, see contextSimilarity), each weighted by its length: every unit counts the
 * same, so a character added at the quote's edge costs one unit of the context, not the
 * whole side (Hypothesis weighs the three 50/20/20). Its cost is the units that disagree
 * in all; the stored position only breaks ties (see decide).
 */

/** The least score (agreeing units of quote and context, of 1) a candidate needs; below it, orphaned. */
export const MIN_SCORE = 0.65;

/**
 * The least share of the stored context (prefix and suffix together, by length) a
 * candidate's surroundings must keep: a place whose context disagrees more is another
 * passage, however like the quote it is. Tuned on the peer cases (lib/anchoring/peer-cases):
 * 0.5 orphans quotes wrapped in quotation marks at a document's edge, 0.4 orphans
 * changed quotes whose context lost a word.
 */
export const MIN_CONTEXT_SIMILARITY = 0.45;

/** Candidates whose costs differ by less than this many units (one unit of gap, see contextSimilarity) are too close to call on the text alone. */
const TIE = 0.25;

export interface Scored {
  start: number;
  end: number;
  edits: number;
  /** 1 − edits / the quote's length. */
  similarity: number;
  /** Units of quote and context that disagree. */
  cost: number;
  /** Units of stored context. */
  contextLength: number;
  score: number;
}

export interface Similarities {
  quoteLength: number;
  edits: number;
  prefixLength: number;
  prefix: number;
  suffixLength: number;
  suffix: number;
}

/** A candidate's score, or undefined if it fails MIN_SCORE or MIN_CONTEXT_SIMILARITY. */
export function score(start: number, end: number, s: Similarities): Scored | undefined {
  const contextLength = s.prefixLength + s.suffixLength;
  const contextAgreeing = s.prefix * s.prefixLength + s.suffix * s.suffixLength;
  const cost = s.edits + contextLength - contextAgreeing;
  const total = 1 - cost / (s.quoteLength + contextLength);
  const context = contextLength === 0 ? 1 : contextAgreeing / contextLength;
  if (total < MIN_SCORE || context < MIN_CONTEXT_SIMILARITY) return undefined;
  return { start, end, edits: s.edits, similarity: 1 - s.edits / s.quoteLength, cost, contextLength, score: total };
}

/** The least cost a candidate with `edits` could have: what no candidate with more edits can beat. */
export function leastCost(edits: number): number {
  return edits;
}

export type Decision = { found: Scored } | { ambiguous: number } | undefined;

/**
 * The place among the candidates that passed `score`: the one of least cost, unless
 * other places (not overlapping it) cost less than TIE more. Then the stored position decides if one of
 * them is less than half as far from it as any other; if not, the span is ambiguous
 * (with the number of places) rather than guessed. Undefined when there is no candidate.
 */
export function decide(candidates: Scored[], near: TextPositionSelector | undefined): Decision {
  // Equal costs (one place read with or without a changed last unit, say): the span nearest the stored one first.
  const offset = (c: Scored) => (near ? Math.abs(c.start - near.start) + Math.abs(c.end - near.end) : 0);
  const ranked = [...candidates].sort((a, b) => a.cost - b.cost || offset(a) - offset(b));
  const [best] = ranked;
  if (!best) return undefined;
  const places: Scored[] = [];
  for (const candidate of ranked) {
    if (candidate.cost >= best.cost + TIE) break;
    if (!places.some((place) => overlaps(place, candidate))) places.push(candidate);
  }
  if (places.length === 1) return { found: best };
  if (near) {
    const distance = (c: Scored) => Math.abs(c.start - near.start);
    const [nearest, next] = places.sort((a, b) => distance(a) - distance(b));
    if (distance(nearest) * 2 < distance(next)) return { found: nearest };
  }
  return { ambiguous: places.length };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
