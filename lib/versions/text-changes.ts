import { diffWordsWithSpace } from "diff";

/**
 * How a new version's text differs from the current one, as the stretches they share:
 * each maps [oldStart, oldStart + length) onto [newStart, newStart + length). Word by
 * word (the diff package), which is what an outlet's edits change and is fast on long texts.
 */
export interface SharedStretch {
  oldStart: number;
  newStart: number;
  length: number;
}

export interface TextChanges {
  shared: SharedStretch[];
  oldLength: number;
  newLength: number;
}

/**
 * The diff's budget: past this many edits it gives up and every span is found by its quote
 * alone (anchor() searches the whole text), which is slower but no less right.
 */
const MAX_EDIT_LENGTH = 20_000;

export function textChanges(oldText: string, newText: string): TextChanges {
  const parts = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_EDIT_LENGTH }) ?? [];
  const shared: SharedStretch[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const part of parts) {
    const length = part.value.length;
    if (part.added) newAt += length;
    else if (part.removed) oldAt += length;
    else {
      shared.push({ oldStart: oldAt, newStart: newAt, length });
      oldAt += length;
      newAt += length;
    }
  }
  return { shared, oldLength: oldText.length, newLength: newText.length };
}

/**
 * Where an old offset lands in the new text: in (or at the end of) a shared stretch, the
 * same place in it; inside changed text, the edge of the change on the given side (a span's
 * start goes to where the change begins, its end to where it ends, so the span keeps the
 * text that replaced its edge).
 */
export function mapOffset({ shared, newLength }: TextChanges, offset: number, side: "start" | "end"): number {
  let changeStart = 0;
  for (const stretch of shared) {
    if (offset < stretch.oldStart) return side === "start" ? changeStart : stretch.newStart;
    const stretchEnd = stretch.oldStart + stretch.length;
    // At a stretch's end a start looks on: text inserted there comes before the span, not in it.
    if (offset < stretchEnd || (offset === stretchEnd && side === "end")) return stretch.newStart + (offset - stretch.oldStart);
    changeStart = stretch.newStart + stretch.length;
  }
  return side === "start" ? changeStart : newLength;
}
