/**
 * `npx tsx bench/quality/heldout-agreement.ts`: how far the second held-out set's two
 * labellers agree (Cohen's kappa), and how many items they disagree on, for reconciliation.
 */
import { cohensKappa, type Agreement } from "@/lib/agreement/kappa";
import { heldout, heldoutLabelsOf, LABELLERS } from "./files";

function show(what: string, ids: string[], a: Map<string, unknown>, b: Map<string, unknown>, as: (value: unknown) => unknown = (value) => value) {
  const agreement: Agreement = cohensKappa(ids.map((id) => as(a.get(id))), ids.map((id) => as(b.get(id))));
  const disagreements = ids.filter((id) => as(a.get(id)) !== as(b.get(id)));
  console.log(`${what.padEnd(34)} ${String(agreement.items).padStart(5)} items  agree ${(agreement.observed * 100).toFixed(1)} %  kappa ${agreement.kappa.toFixed(3)}  (${disagreements.length} to reconcile)`);
}

const sentenceIds = heldout.sentences().map((s) => s.id);
const pairIds = heldout.pairs().map((p) => p.id);
const [a, b] = LABELLERS.map(heldoutLabelsOf);
show("sentences (CFS / UFS / NFS)", sentenceIds, a.sentences, b.sentences);
show("sentences (check-worthy or not)", sentenceIds, a.sentences, b.sentences, (label) => label === "CFS");
show("same-claim pairs", pairIds, a.pairs, b.pairs);
