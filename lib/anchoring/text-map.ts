import type { BlockNode, DocNode, ListItemNode } from "../documents/schema";

/**
 * Maps between ProseMirror positions and canonical-text offsets without
 * ProseMirror itself, following its position rules on the JSON: the doc's
 * content starts at 0; entering or leaving a non-leaf node is 1; a text node
 * is its UTF-16 length; a hardBreak is 1.
 *
 * Inside a textblock both measures advance together (a character is one
 * position and one offset; a hardBreak is one position and one "\n"), so the
 * map only needs where each textblock's content starts in both. Between
 * textblocks they diverge: the canonical text has one "\n", ProseMirror has
 * the closing and opening tokens of every node in between.
 */
export interface TextMap {
  /** ProseMirror position of each textblock's content start, ascending. */
  readonly positions: readonly number[];
  /** Canonical-text offset of each textblock's content start, ascending. */
  readonly offsets: readonly number[];
  /** Content size of each textblock (= its text length in the canonical text). */
  readonly lengths: readonly number[];
  /** The doc's content size: the largest valid position. */
  readonly size: number;
  /** The canonical text's length: the largest valid offset. */
  readonly textLength: number;
}

/**
 * Which way a boundary goes. A span's start maps with "start" and its end with
 * "end", so the mapped range covers exactly the span's visible text.
 */
export type Side = "start" | "end";

export interface PositionRange {
  from: number;
  to: number;
}

export interface OffsetSpan {
  start: number;
  end: number;
}

/** One pass over the document: O(nodes). */
export function buildTextMap(doc: DocNode): TextMap {
  const positions: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  let pos = 0;
  let offset = 0;

  const walk = (nodes: Array<BlockNode | ListItemNode>) => {
    for (const node of nodes) {
      pos += 1; // the node's opening token
      if (node.type === "paragraph" || node.type === "heading") {
        let length = 0;
        for (const inline of node.content ?? []) length += inline.type === "text" ? inline.text.length : 1;
        // Every textblock after the first is preceded by one "\n" in the canonical text.
        if (positions.length > 0) offset += 1;
        positions.push(pos);
        offsets.push(offset);
        lengths.push(length);
        pos += length;
        offset += length;
      } else {
        walk(node.content);
      }
      pos += 1; // the node's closing token
    }
  };
  walk(doc.content);

  return { positions, offsets, lengths, size: pos, textLength: offset };
}

/**
 * The canonical-text offset of a ProseMirror position.
 *
 * A position inside a textblock's content (its ends included) maps exactly.
 * A position in the structure between textblocks (or before the first / after
 * the last) has no text of its own: with side "start" it maps to the start of
 * the next textblock, with "end" to the end of the previous one, and without
 * a side to whichever of those two is nearer in positions (a tie goes to the
 * next block, as ProseMirror's forward-biased Selection.near would).
 */
export function positionToOffset(map: TextMap, pos: number, side?: Side): number {
  if (!Number.isInteger(pos) || pos < 0 || pos > map.size) {
    throw new RangeError(`Position ${pos} outside the document (0..${map.size}).`);
  }
  const { positions, offsets, lengths } = map;
  const i = lastAtOrBefore(positions, pos);
  if (i >= 0 && pos <= positions[i] + lengths[i]) return offsets[i] + (pos - positions[i]);

  // Between textblocks: i is the previous one (or -1), i + 1 the next (or none).
  const previous = i >= 0 ? { offset: offsets[i] + lengths[i], distance: pos - (positions[i] + lengths[i]) } : undefined;
  const next = i + 1 < positions.length ? { offset: offsets[i + 1], distance: positions[i + 1] - pos } : undefined;
  // A document without textblocks has no text at all.
  if (!previous && !next) return 0;
  if (!previous) return next!.offset;
  if (!next) return previous.offset;
  if (side === "start") return next.offset;
  if (side === "end") return previous.offset;
  return previous.distance < next.distance ? previous.offset : next.offset;
}

/**
 * The ProseMirror position of a canonical-text offset.
 *
 * Offsets within a textblock map exactly. The one ambiguity is the "\n"
 * between two textblocks, which ProseMirror has no character for: an offset
 * on it (the end of block i) maps, with side "start", to the start of block
 * i + 1, so a span starting there does not reach back into block i; an
 * offset just after it (the start of block i + 1) maps, with side "end", to
 * the end of block i, so a span ending there does not reach into block i + 1.
 */
export function offsetToPosition(map: TextMap, offset: number, side: Side = "start"): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > map.textLength) {
    throw new RangeError(`Offset ${offset} outside the text (0..${map.textLength}).`);
  }
  const { positions, offsets, lengths } = map;
  if (positions.length === 0) return 0;
  const i = lastAtOrBefore(offsets, offset);
  if (side === "start" && offset === offsets[i] + lengths[i] && i + 1 < positions.length) return positions[i + 1];
  if (side === "end" && offset === offsets[i] && i > 0) return positions[i - 1] + lengths[i - 1];
  return positions[i] + (offset - offsets[i]);
}

/**
 * The text span of a ProseMirror range: `from` maps forward and `to`
 * backward, so a range over whole blocks gives just their text. A range
 * without any text collapses to an empty span where `from` maps.
 */
export function rangeToOffsets(map: TextMap, from: number, to: number): OffsetSpan {
  if (from > to) throw new RangeError(`Range ${from}..${to} is reversed.`);
  const start = positionToOffset(map, from, "start");
  return { start, end: Math.max(start, positionToOffset(map, to, "end")) };
}

/**
 * The ProseMirror range that highlights exactly a span's text. A span with
 * no visible text (empty, or only a block separator) gives an empty range.
 */
export function offsetsToRange(map: TextMap, start: number, end: number): PositionRange {
  if (start > end) throw new RangeError(`Span ${start}..${end} is reversed.`);
  const from = offsetToPosition(map, start, "start");
  return { from, to: Math.max(from, offsetToPosition(map, end, "end")) };
}

/** Binary search: the last index whose value is <= target, or -1. */
function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= target) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}
