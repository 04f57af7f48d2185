/**
 * Converting offsets between Verity's unit (UTF-16 code units, as JavaScript strings
 * count) and the W3C Web Annotation model's (Unicode code points, §4.2.4–4.2.5), at the
 * export and import boundary only: everything stored and computed inside stays UTF-16.
 * The two differ by one for every character outside the Basic Multilingual Plane (emoji,
 * astral CJK) before the offset; combining marks are code points of their own in both.
 *
 * Built once per text, so converting many offsets costs a binary search each.
 */
export interface CodePointIndex {
  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as after its character). */
  toCodePoints(units: number): number;
  /** The UTF-16 offset of a code-point offset; offsets past the end stay past it by as many units. */
  toCodeUnits(codePoints: number): number;
}

export function codePointIndex(text: string): CodePointIndex {
  // The UTF-16 offset of each astral character's low surrogate, in order.
  const lowSurrogates: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) lowSurrogates.push(++i);
    }
  }
  return {
    // Every low surrogate before `units` is a unit that is no code point of its own.
    toCodePoints: (units) => units - countBelow(lowSurrogates, units),
    // The k-th astral character (low surrogate at unit s) starts at code point s - 1 - k.
    toCodeUnits: (codePoints) => codePoints + countBelow(lowSurrogates, codePoints, (s, k) => s - 1 - k),
  };
}

/** How many of the sorted `values` (mapped by `key` with their index) are below `limit`. */
function countBelow(values: number[], limit: number, key: (value: number, index: number) => number = (value) => value): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(values[mid], mid) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
