import { stringify } from "csv-stringify/sync";
import type { AgreementUnit } from "@/lib/agreement/report";
import type { RevealedMark } from "@/lib/marking/types";

/**
 * The agreement data as CSV: one row per verdict given in a revealed round (the reliability
 * data in long form), with the round's final verdict where it was reconciled, so the figures
 * can be recomputed in any statistics package.
 */
export function agreementCsv(units: readonly AgreementUnit[]): string {
  const rows = units.flatMap((unit) =>
    unit.ratings.map((rating) => [unit.roundId, unit.claimId, unit.articleId, unit.closedAt.toISOString(), rating.reviewer.id, rating.reviewer.name, rating.verdict, unit.finalVerdict ?? ""]),
  );
  // Cells starting with = + - @ would run as formulas in a spreadsheet: names are quoted as text.
  return stringify([["round", "claim", "article", "revealed_at", "reviewer_id", "reviewer", "verdict", "final_verdict"], ...rows.map((row) => row.map(asText))]);
}

/**
 * The marks of revealed blind marking rounds as CSV: one row per mark, its span in Unicode code
 * points of the article's text (start inclusive, end exclusive), its group of overlapping marks
 * and what the editor decided for the group, so span agreement (an overlap F1, or a unitized
 * alpha) can be recomputed elsewhere.
 */
export function marksCsv(marks: readonly RevealedMark[]): string {
  const rows = marks.map((mark) => [
    mark.roundId,
    mark.articleId,
    mark.revealedAt.toISOString(),
    mark.reviewer.id,
    mark.reviewer.name,
    String(mark.start),
    String(mark.end),
    mark.exact,
    mark.restatement,
    String(mark.group),
    mark.outcome,
    mark.claimId ?? "",
  ]);
  const header = ["round", "article", "revealed_at", "reviewer_id", "reviewer", "start", "end", "exact", "restatement", "group", "outcome", "claim"];
  return stringify([header, ...rows.map((row) => row.map(asText))]);
}

function asText(cell: string) {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
