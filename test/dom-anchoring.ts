import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import * as textPosition from "dom-anchor-text-position";
import * as textQuote from "dom-anchor-text-quote";
import { codePointIndex } from "@/lib/anchoring/code-points";

/**
 * Exported selectors anchored in a DOM by third-party annotation libraries, as a consumer of
 * our exports would: Apache Annotator (@apache-annotator/dom, which counts positions in code
 * points as the W3C model does) and Hypothesis's former dom-anchor-text-quote and
 * dom-anchor-text-position (which count UTF-16 code units, so it is given the position
 * converted). Each result is the span a library landed on, as UTF-16 offsets into the root's
 * text content, with the text there. Runs in jsdom (unit tests) and, bundled, in a browser.
 */
export interface Landed {
  start: number;
  end: number;
  text: string;
}

export interface LibraryAnchors {
  apacheQuote: Landed[];
  apachePosition: Landed | null;
  domAnchorQuote: Landed | null;
  domAnchorPosition: Landed | null;
}

export interface Selectors {
  quote: { exact: string; prefix: string; suffix: string };
  /** W3C: code points. */
  position?: { start: number; end: number };
}

export async function anchorWithLibraries(root: Element, { quote, position }: Selectors): Promise<LibraryAnchors> {
  const apacheQuote: Landed[] = [];
  for await (const range of createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", ...quote })(root)) apacheQuote.push(landed(root, range));
  let apachePosition: Landed | null = null;
  let domAnchorPosition: Landed | null = null;
  if (position) {
    for await (const range of createTextPositionSelectorMatcher({ type: "TextPositionSelector", ...position })(root)) apachePosition = landed(root, range);
    const units = codePointIndex(root.textContent ?? "");
    const range = textPosition.toRange(root, { start: units.toCodeUnits(position.start), end: units.toCodeUnits(position.end) });
    domAnchorPosition = range && landed(root, range);
  }
  const range = textQuote.toRange(root, quote);
  return { apacheQuote, apachePosition, domAnchorQuote: range && landed(root, range), domAnchorPosition };
}

function landed(root: Element, range: Range): Landed {
  const before = root.ownerDocument.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  return { start, end: start + text.length, text };
}
