/**
 * `npx tsx bench/quality/heldout-gold.ts <set>`: a held-out set's gold labels. Without
 * labels/reconciled.jsonl it writes labels/disagreements.jsonl (every sentence and pair the two
 * labellers labelled differently) for a third reader to settle; with it, labels/gold/: the
 * labellers' label where they agreed, the reconciled one where they did not.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HELDOUT_SETS, LABELLERS, heldoutDir, heldoutItems, heldoutLabelsOf, readJsonLines, type HeldoutSet } from "./files";

interface Reconciled {
  set: "sentences" | "pairs";
  id: string;
  label?: string;
  same?: boolean;
}

const set = process.argv[2] as HeldoutSet;
if (!HELDOUT_SETS.includes(set)) throw new Error(`Name a held-out set: ${HELDOUT_SETS.join(", ")}.`);
const labelsDir = path.join(heldoutDir(set), "labels");
const [a, b] = LABELLERS.map((labeller) => heldoutLabelsOf(set, labeller));
const items = heldoutItems(set);
const kinds = [
  { kind: "sentences" as const, ids: items.sentences().map((s) => s.id), a: a.sentences as Map<string, unknown>, b: b.sentences as Map<string, unknown> },
  { kind: "pairs" as const, ids: items.pairs().map((p) => p.id), a: a.pairs as Map<string, unknown>, b: b.pairs as Map<string, unknown> },
];
const disagreements = kinds.flatMap(({ kind, ids, a, b }) => ids.filter((id) => a.get(id) !== b.get(id)).map((id) => ({ set: kind, id, [LABELLERS[0]]: a.get(id), [LABELLERS[1]]: b.get(id) })));

const reconciledFile = path.join(labelsDir, "reconciled.jsonl");
if (!existsSync(reconciledFile)) {
  writeFileSync(path.join(labelsDir, "disagreements.jsonl"), disagreements.map((row) => JSON.stringify(row)).join("\n") + "\n");
  console.log(`${disagreements.length} disagreements written to labels/disagreements.jsonl; settle them in labels/reconciled.jsonl, then run this again.`);
} else {
  const reconciled = new Map(readJsonLines<Reconciled>(reconciledFile).map((row) => [`${row.set}/${row.id}`, row]));
  const unsettled = disagreements.filter((row) => !reconciled.has(`${row.set}/${row.id}`));
  if (unsettled.length > 0) throw new Error(`Not reconciled: ${unsettled.map((row) => row.id).join(", ")}.`);
  mkdirSync(path.join(labelsDir, "gold"), { recursive: true });
  const settled = (kind: "sentences" | "pairs", id: string) => reconciled.get(`${kind}/${id}`);
  const sentences = kinds[0].ids.map((id) => ({ id, label: kinds[0].a.get(id) === kinds[0].b.get(id) ? kinds[0].a.get(id) : settled("sentences", id)!.label }));
  const pairs = kinds[1].ids.map((id) => ({ id, same: kinds[1].a.get(id) === kinds[1].b.get(id) ? kinds[1].a.get(id) : settled("pairs", id)!.same }));
  writeFileSync(path.join(labelsDir, "gold", "sentences.jsonl"), sentences.map((row) => JSON.stringify(row)).join("\n") + "\n");
  writeFileSync(path.join(labelsDir, "gold", "pairs.jsonl"), pairs.map((row) => JSON.stringify(row)).join("\n") + "\n");
  const count = (values: unknown[]) => Object.entries(values.reduce<Record<string, number>>((n, v) => ({ ...n, [String(v)]: (n[String(v)] ?? 0) + 1 }), {}));
  console.log(`Gold written: sentences ${JSON.stringify(count(sentences.map((s) => s.label)))}, pairs ${JSON.stringify(count(pairs.map((p) => p.same)))}.`);
}
