import search from "approx-string-match";
import type { AnchoringCase } from "./index";
import type { Landing } from "./outcomes";

/**
 * The comparison matcher, built the way the Hypothesis client anchors a quote (written from
 * reading its html.ts and match-quote.ts, not copied): the stored position if the text
 * there is the quote; else every exact occurrence, or failing that the approximate ones
 * with the fewest edits (at most half the quote), each scored 50 for the quote's
 * similarity, 20 each for the prefix's and the suffix's (their best approximate match in
 * the text of their length beside the candidate) and 2 for nearness to the stored
 * position; the best score wins, with no minimum.
 */
export function hypothesisStyleAnchor({ text, selectors }: AnchoringCase): Landing {
  const { position, quote } = selectors;
  const { exact, prefix, suffix } = quote;
  const hasPosition = position.start < position.end;
  if (hasPosition && text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  if (exact.length === 0) return "orphaned";
  let candidates = exactOccurrences(text, exact);
  if (candidates.length === 0) candidates = search(text, exact, Math.min(256, exact.length / 2));
  let best: Landing = "orphaned";
  let bestScore = -1;
  for (const { start, end, errors } of candidates) {
    const quoteScore = 1 - errors / exact.length;
    const prefixScore = contextScore(text.slice(Math.max(0, start - prefix.length), start), prefix);
    const suffixScore = contextScore(text.slice(end, end + suffix.length), suffix);
    const positionScore = hasPosition ? 1 - Math.abs(start - position.start) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (score > bestScore) {
      best = { start, end };
      bestScore = score;
    }
  }
  return best;
}

function exactOccurrences(text: string, exact: string) {
  const found = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) found.push({ start: i, end: i + exact.length, errors: 0 });
  return found;
}

/** 1 when no context was stored; else how well the context appears in `beside`. */
function contextScore(beside: string, context: string): number {
  if (context.length === 0) return 1;
  const [best] = search(beside, context, context.length);
  return best ? 1 - best.errors / context.length : 0;
}
