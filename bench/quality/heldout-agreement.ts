/**
 * `npx tsx bench/quality/heldout-agreement.ts [set, default heldout-2]`: how far a held-out set's
 * two labellers agree (Cohen's kappa), and how many items they disagree on, for reconciliation.
 */
import { cohensKappa, type Agreement } from "@/lib/agreement/kappa";
import { HELDOUT_SETS, heldoutItems, heldoutLabelsOf, LABELLERS, type HeldoutSet } from "./files";

function show(what: string, ids: string[], a: Map<string, unknown>, b: Map<string, unknown>, as: (value: unknown) => unknown = (value) => value) {
  const agreement: Agreement = cohensKappa(ids.map((id) => as(a.get(id))), ids.map((id) => as(b.get(id))));
  const disagreements = ids.filter((id) => as(a.get(id)) !== as(b.get(id)));
  console.log(`${what.padEnd(34)} ${String(agreement.items).padStart(5)} items  agree ${(agreement.observed * 100).toFixed(1)} %  kappa ${agreement.kappa.toFixed(3)}  (${disagreements.length} to reconcile)`);
}

const set = (process.argv[2] ?? "heldout-2") as HeldoutSet;
if (!HELDOUT_SETS.includes(set)) throw new Error(`No held-out set ${set}; there are ${HELDOUT_SETS.join(", ")}.`);
const items = heldoutItems(set);
const sentenceIds = items.sentences().map((s) => s.id);
const pairIds = items.pairs().map((p) => p.id);
const [a, b] = LABELLERS.map((labeller) => heldoutLabelsOf(set, labeller));
show("sentences (CFS / UFS / NFS)", sentenceIds, a.sentences, b.sentences);
show("sentences (check-worthy or not)", sentenceIds, a.sentences, b.sentences, (label) => label === "CFS");
show("same-claim pairs", pairIds, a.pairs, b.pairs);
