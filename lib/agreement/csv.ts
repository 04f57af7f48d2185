import { stringify } from "csv-stringify/sync";
import type { AgreementUnit } from "@/lib/agreement/report";

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

function asText(cell: string) {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
