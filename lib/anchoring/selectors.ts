/**
 * W3C Web Annotation selectors over an article's canonical text. Offsets and
 * lengths are UTF-16 code units, like JavaScript strings.
 */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface SpanSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Longest prefix and suffix kept, in UTF-16 units. */
export const CONTEXT_LENGTH = 32;

/**
 * Whether [start, end) is a span a claim or evidence may have: inside the
 * text, not empty, not cutting an emoji (or any astral character) in half,
 * and with some non-whitespace text (NBSP counts as whitespace).
 */
export function isValidSpan(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end) &&
    /\S/.test(text.slice(start, end))
  );
}

/** The selectors of a valid span; throws RangeError for an invalid one. */
export function describeSpan(text: string, start: number, end: number): SpanSelectors {
  if (!isValidSpan(text, start, end)) throw new RangeError(`Invalid span ${start}..${end}.`);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Shorten rather than keep half of a surrogate pair at the context's far ends.
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    position: { type: "TextPositionSelector", start, end },
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}

/** Whether `index` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
