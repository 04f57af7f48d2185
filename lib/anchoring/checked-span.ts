import { describeSpan, isValidSpan } from "./selectors";

/** A span as stored: its position and its quote with context. */
export interface CheckedSpan {
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** Why a submitted span cannot be stored: it covers only spaces, or not the text the user selected. */
export type SpanProblem = "blank" | "mismatch";

/**
 * The stored selectors of a span a user submitted, from the server's own copy of the text:
 * the span must be valid and cover exactly the text the user selected; the context (prefix
 * and suffix) is always recomputed, never taken from the client.
 */
export function checkSpan(
  text: string,
  span: { start: number; end: number; exact: string },
): { span: CheckedSpan; problem?: never } | { span?: never; problem: SpanProblem } {
  const { start, end } = span;
  if (!isValidSpan(text, start, end)) {
    const inText = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    return { problem: inText && !/\S/.test(text.slice(start, end)) ? "blank" : "mismatch" };
  }
  // Browsers send line breaks in form data as "\r\n"; the canonical text has "\n".
  if (lineBreaksAsLf(text.slice(start, end)) !== lineBreaksAsLf(span.exact)) return { problem: "mismatch" };
  const { quote } = describeSpan(text, start, end);
  return { span: { startOffset: start, endOffset: end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix } };
}

function lineBreaksAsLf(text: string) {
  return text.replace(/\r\n?/g, "\n");
}
