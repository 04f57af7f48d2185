import { anchor, describeSpan, FUZZY_MAX_EDIT_SHARE, FUZZY_MAX_WORK, isValidSpan, prepareText, type OrphanReason, type SpanSelectors } from "@/lib/anchoring";
import { mapOffset, textChanges } from "@/lib/versions/text-changes";

/** A stored span (a claim's or an evidence passage's) on the current text. */
export interface StoredSpan {
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * What became of a span in the new version:
 * - unchanged: the same text in the same place (where the diff maps it; its offsets shift
 *   with the edits before it);
 * - moved: the same text, found elsewhere (a paragraph moved);
 * - retyped: only typography changed (quotation marks, dashes, spaces), which changes no claim;
 * - changed: its words changed: the new text is what the claim now points at;
 * - orphaned: not found, with anchor()'s reason.
 */
export type Placement =
  | { kind: "unchanged" | "moved" | "retyped" | "changed"; span: StoredSpan; method: "position" | "quote" | "fuzzy" }
  | { kind: "orphaned"; reason: OrphanReason };

/**
 * Re-anchors spans of the old text onto the new one: each span's offsets are mapped through
 * the diff first, then anchor() checks the text there and, failing that, looks for the quote
 * near the mapped place, then for an approximate quote, and otherwise orphans the span
 * (lib/anchoring). The new text is prepared once for all the spans.
 */
export function reanchorSpans(oldText: string, newText: string, spans: StoredSpan[]): Placement[] {
  const changes = textChanges(oldText, newText);
  const prepared = prepareText(newText);
  // One budget per span, as an import's anchoring has: a hard span cannot starve the others.
  return spans.map((span) => {
    const start = mapOffset(changes, span.startOffset, "start");
    const end = Math.max(start, mapOffset(changes, span.endOffset, "end"));
    const selectors: SpanSelectors = {
      position: { type: "TextPositionSelector", start, end },
      quote: { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
    };
    const found = anchor(prepared, selectors, { cells: FUZZY_MAX_WORK });
    if (found.status === "orphaned") return { kind: "orphaned", reason: found.reason };
    // Where the quote's words changed, the diff knows its edges better than a fuzzy match's
    // scoring (which may shave off a changed first letter): the mapped span, if it is that place.
    const [placedStart, placedEnd] = found.method === "fuzzy" && diffKnowsEdges(newText, span, start, end, found) ? [start, end] : [found.start, found.end];
    const { quote } = describeSpan(newText, placedStart, placedEnd);
    const placed: StoredSpan = { startOffset: placedStart, endOffset: placedEnd, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
    return { kind: kindOf(span, placed, start), span: placed, method: found.method };
  });
}

/** Whether the diff-mapped span is the fuzzy match's place: a span overlapping it, of a length the fuzzy match allows. */
function diffKnowsEdges(text: string, old: StoredSpan, start: number, end: number, found: { start: number; end: number }): boolean {
  const lengthChange = Math.abs(end - start - old.exact.length);
  return isValidSpan(text, start, end) && start < found.end && found.start < end && lengthChange <= old.exact.length * FUZZY_MAX_EDIT_SHARE;
}

function kindOf(old: StoredSpan, placed: StoredSpan, mappedStart: number): Exclude<Placement["kind"], "orphaned"> {
  if (placed.exact !== old.exact) return typographyOnly(old.exact) === typographyOnly(placed.exact) ? "retyped" : "changed";
  return placed.startOffset === mappedStart ? "unchanged" : "moved";
}

/** The text with typography made plain: straight quotation marks, hyphens for dashes, single spaces. */
export function typographyOnly(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}
