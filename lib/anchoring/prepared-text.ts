import { FAR_PIECE } from "./fuzzy";

/**
 * A text quotes are anchored in, with how to find where a piece of a quote occurs in it
 * (see fuzzy.ts's farRanges). A plain text finds each piece with indexOf, which reads the
 * whole text for a rare one; a prepared text (prepareText) indexes its places of every
 * INDEXED_LENGTH units once, which pays when many quotes are anchored in one text.
 */
export interface AnchoringText {
  readonly text: string;
  /** The first `limit` places at or after `from` and before `to` where `needle` (INDEXED_LENGTH units at least) begins. */
  occurrences(needle: string, from: number, to: number, limit: number): number[];
}

/** The units a prepared text indexes its places by: the shortest piece searched for. */
const INDEXED_LENGTH = FAR_PIECE;

export function plainText(text: string): AnchoringText {
  return {
    text,
    occurrences(needle, from, to, limit) {
      const found: number[] = [];
      for (let i = text.indexOf(needle, from); i !== -1 && i < to && found.length < limit; i = text.indexOf(needle, i + 1)) found.push(i);
      return found;
    },
  };
}

/** The text indexed for anchoring many quotes in it (an article's annotations on import). */
export function prepareText(text: string): AnchoringText {
  // The places whose INDEXED_LENGTH units hash to the same bucket, chained in ascending
  // order: first[bucket] is the first, next[i] the one after i; -1 ends a chain. Typed
  // arrays, not a Map: a 1 MB article is indexed in milliseconds.
  const mask = 2 ** Math.ceil(Math.log2(Math.max(2, text.length))) - 1;
  const first = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(text.length).fill(-1);
  for (let i = text.length - INDEXED_LENGTH; i >= 0; i--) {
    const bucket = hashAt(text, i) & mask;
    next[i] = first[bucket];
    first[bucket] = i;
  }
  return {
    text,
    occurrences(needle, from, to, limit) {
      const found: number[] = [];
      for (let i = first[hashAt(needle, 0) & mask]; i !== -1 && i < to && found.length < limit; i = next[i]) {
        // Places that only share the bucket are not the needle's.
        if (i >= from && text.startsWith(needle, i)) found.push(i);
      }
      return found;
    },
  };
}

function hashAt(text: string, at: number): number {
  let hash = 0;
  // hash * 31 stays exact in a double; Math.imul would do, but is a hundred times slower in Jest's VM context.
  for (let k = 0; k < INDEXED_LENGTH; k++) hash = (hash * 31 + text.charCodeAt(at + k)) | 0;
  return hash;
}
