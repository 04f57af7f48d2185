/**
 * The exports put quotation marks around quoted text themselves (`<q>`, “…” in Markdown).
 * A quote that a reviewer pasted or selected with its own marks would show them twice, so
 * one pair enclosing the whole text is taken off first. Small and specific to us: no
 * library does just this.
 */
const CLOSING: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»", "»": "«", "‘": "’", "‚": "‘", "'": "'" };

/** The text without the one pair of quotation marks around all of it, if it has one. */
export function withoutEnclosingQuotes(text: string): string {
  const trimmed = text.trim();
  const open = trimmed[0];
  const close = CLOSING[open];
  if (!close || trimmed.length < 3 || !trimmed.endsWith(close)) return text;
  const inner = trimmed.slice(1, -1);
  // `“a” and “b”` starts and ends with quotation marks of two different pairs: it keeps them.
  if (inner.includes(open) || inner.includes(close)) return text;
  return inner.trim();
}
