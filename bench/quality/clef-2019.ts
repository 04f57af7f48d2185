/**
 * `npx tsx bench/quality/clef-2019.ts <CT19-T1-Test.csv>`: "Suggest claims" on a third party's
 * test set, the CLEF CheckThat! 2019 check-worthiness task's test debates and speeches (columns
 * line_number, speaker, text, label, file_name; label 1 for a sentence fact-checkers chose to
 * check). The file is read from where you put it (a copy is in the utaresearch/claimbuster-spotter
 * repository, data/clef19/), never committed; no model here learnt from it. Prints precision,
 * recall and F1 at SUGGEST_THRESHOLD beside the "any digit" rule, and the task's own measure, the
 * mean over the debates of the average precision of the ranking by score (MAP), with P@5 and
 * P@10, beside a ranking by how many figures a sentence holds.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { checkWorthiness, SUGGEST_THRESHOLD } from "@/lib/search/check-worthy";
import { classification } from "./evaluate";

interface Line {
  text: string;
  label: string;
  file_name: string;
}

const file = process.argv[2];
if (!file) throw new Error("Name the CLEF 2019 task 1 test file (CT19-T1-Test.csv).");
const lines = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Line[];
const gold = lines.map((line) => line.label === "1");
const scores = lines.map((line) => checkWorthiness(line.text, "en").score);
const figures = lines.map((line) => (line.text.match(/\d+/gu) ?? []).length);

const show = (name: string, { precision, recall, f1 }: { precision: number; recall: number; f1: number }) =>
  console.log(`${name.padEnd(28)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`);
console.log(`${lines.length} sentences, ${gold.filter(Boolean).length} check-worthy, ${new Set(lines.map((line) => line.file_name)).size} debates`);
show(`Verity at ${SUGGEST_THRESHOLD}`, classification(scores.map((score) => score >= SUGGEST_THRESHOLD), gold));
show("any digit", classification(figures.map((count) => count > 0), gold));

/** Average precision of a ranking of gold labels, best first. */
function averagePrecision(ranked: boolean[]): number {
  let hits = 0;
  let sum = 0;
  ranked.forEach((isGold, i) => {
    if (!isGold) return;
    hits += 1;
    sum += hits / (i + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const debates = [...new Set(lines.map((line) => line.file_name))];
for (const [name, key] of [
  ["Verity's score", scores],
  ["figures in the sentence", figures],
] as const) {
  // Within a debate, by the key, ties in the debate's own order (a stable sort).
  const rankings = debates.map((debate) =>
    lines
      .map((line, i) => i)
      .filter((i) => lines[i].file_name === debate)
      .sort((a, b) => key[b] - key[a])
      .map((i) => gold[i]),
  );
  const at = (k: number) => mean(rankings.map((ranked) => ranked.slice(0, k).filter(Boolean).length / k));
  console.log(`${name.padEnd(28)} MAP ${mean(rankings.map(averagePrecision)).toFixed(3)}  P@5 ${at(5).toFixed(3)}  P@10 ${at(10).toFixed(3)}`);
}
