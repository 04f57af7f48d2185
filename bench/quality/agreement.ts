/**
 * `npx tsx bench/quality/agreement.ts`: how far the two labellers agree (Cohen's kappa;
 * linear-weighted for evidence grades), and the items they disagree on, written to
 * labels/disagreements.jsonl for reconciliation.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cohensKappa, linearWeightedKappa, type Agreement } from "@/lib/agreement/kappa";
import { LABELLERS, LABELS_DIR, corpus, evidenceItems, labelsOf } from "./files";

function paired<T>(ids: string[], a: Map<string, T>, b: Map<string, T>, what: string): [T[], T[]] {
  const missing = ids.filter((id) => !a.has(id) || !b.has(id));
  if (missing.length > 0) throw new Error(`${missing.length} ${what} lack a label from a labeller (first: ${missing[0]}).`);
  return [ids.map((id) => a.get(id)!), ids.map((id) => b.get(id)!)];
}

function line(what: string, agreement: Agreement, note = "") {
  return `${what.padEnd(34)} ${String(agreement.items).padStart(5)} items  agree ${(agreement.observed * 100).toFixed(1)} %  chance ${(agreement.expected * 100).toFixed(1)} %  kappa ${agreement.kappa.toFixed(3)}${note}`;
}

const [first, second] = LABELLERS.map(labelsOf);
const sentenceIds = corpus.sentences().map((s) => s.id);
const pairIds = corpus.pairs().map((p) => p.id);
const evidenceIds = evidenceItems();

const sentences = paired(sentenceIds, first.sentences, second.sentences, "sentences");
const checkWorthy = sentences.map((labels) => labels.map((label) => label === "CFS")) as [boolean[], boolean[]];
const pairs = paired(pairIds, first.pairs, second.pairs, "pairs");
const grades = paired(evidenceIds, first.evidence, second.evidence, "evidence items");

console.log(line("sentences (CFS / UFS / NFS)", cohensKappa(...sentences)));
console.log(line("sentences (check-worthy or not)", cohensKappa(...checkWorthy)));
console.log(line("same-claim pairs", cohensKappa(...pairs)));
console.log(line("evidence grades 0-3", cohensKappa(...grades), `  (linear-weighted ${linearWeightedKappa(...grades, [0, 1, 2, 3]).kappa.toFixed(3)})`));

const disagreements = [
  ...sentenceIds.flatMap((id, i) => (sentences[0][i] !== sentences[1][i] ? [{ set: "sentences", id, [LABELLERS[0]]: sentences[0][i], [LABELLERS[1]]: sentences[1][i] }] : [])),
  ...pairIds.flatMap((id, i) => (pairs[0][i] !== pairs[1][i] ? [{ set: "pairs", id, [LABELLERS[0]]: pairs[0][i], [LABELLERS[1]]: pairs[1][i] }] : [])),
  ...evidenceIds.flatMap((id, i) => (grades[0][i] !== grades[1][i] ? [{ set: "evidence", id, [LABELLERS[0]]: grades[0][i], [LABELLERS[1]]: grades[1][i] }] : [])),
];
const file = path.join(LABELS_DIR, "disagreements.jsonl");
writeFileSync(file, disagreements.map((d) => JSON.stringify(d)).join("\n") + "\n");
console.log(`${disagreements.length} disagreements written to ${path.relative(process.cwd(), file)}.`);
