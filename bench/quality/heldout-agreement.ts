/**
 * `npx tsx bench/quality/heldout-agreement.ts`: how far the second held-out set's two
 * labellers agree (Cohen's kappa), and how many items they disagree on, for reconciliation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cohensKappa, type Agreement } from "@/lib/agreement/kappa";
import { HELDOUT_DIR } from "./heldout";

const lines = <T>(file: string): T[] => readFileSync(path.join(HELDOUT_DIR, file), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as T);
const labelsOf = <T>(labeller: string, file: string, field: "label" | "same") =>
  new Map(lines<Record<string, T> & { id: string }>(`labels/${labeller}/${file}`).map((row) => [row.id, row[field]]));

function show(what: string, ids: string[], a: Map<string, unknown>, b: Map<string, unknown>, as: (value: unknown) => unknown = (value) => value) {
  const agreement: Agreement = cohensKappa(ids.map((id) => as(a.get(id))), ids.map((id) => as(b.get(id))));
  const disagreements = ids.filter((id) => as(a.get(id)) !== as(b.get(id)));
  console.log(`${what.padEnd(34)} ${String(agreement.items).padStart(5)} items  agree ${(agreement.observed * 100).toFixed(1)} %  kappa ${agreement.kappa.toFixed(3)}  (${disagreements.length} to reconcile)`);
}

const sentenceIds = lines<{ id: string }>("corpus/sentences.jsonl").map((s) => s.id);
const pairIds = lines<{ id: string }>("corpus/pairs.jsonl").map((p) => p.id);
const [sentencesA, sentencesB] = ["labeller-a", "labeller-b"].map((labeller) => labelsOf<string>(labeller, "sentences.jsonl", "label"));
const [pairsA, pairsB] = ["labeller-a", "labeller-b"].map((labeller) => labelsOf<boolean>(labeller, "pairs.jsonl", "same"));
show("sentences (CFS / UFS / NFS)", sentenceIds, sentencesA, sentencesB);
show("sentences (check-worthy or not)", sentenceIds, sentencesA, sentencesB, (label) => label === "CFS");
show("same-claim pairs", pairIds, pairsA, pairsB);
