import { checkSpan, type CheckedSpan, type SpanProblem } from "@/lib/anchoring";
import { FieldError } from "@/lib/errors";

const PROBLEMS: Record<SpanProblem, string> = {
  mismatch: "The selected text no longer matches the article. Reload and select it again.",
  blank: "Select some words, not only spaces.",
};

/** The span a user submitted (a claim's or a passage's), checked against the article's text, or a field error on `exact`. */
export function storedSpan(text: string, span: { start: number; end: number; exact: string }): CheckedSpan {
  const checked = checkSpan(text, span);
  if (checked.problem) throw new FieldError("exact", PROBLEMS[checked.problem]);
  return checked.span;
}
