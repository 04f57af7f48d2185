/**
 * Highlighted snippets: PostgreSQL's ts_headline marks the matched words with two
 * private-use characters (never HTML), and the page turns the marked text into
 * segments it renders as text and <mark> elements, so nothing from an article is ever
 * interpreted as markup.
 */

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
/** The ts_headline options: whole passages (they are single sentences), matches between the markers. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

export interface SnippetSegment {
  text: string;
  marked: boolean;
}

/** Splits marked text into plain and marked segments; stray or unbalanced markers are dropped. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let inside = false;
  let current = "";
  const push = () => {
    if (!current) return;
    const last = segments[segments.length - 1];
    if (last && last.marked === inside) last.text += current;
    else segments.push({ text: current, marked: inside });
    current = "";
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      push();
      inside = char === MARK_START;
      continue;
    }
    current += char;
  }
  push();
  return segments;
}
