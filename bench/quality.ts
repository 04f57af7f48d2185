/**
 * `npm run bench -- quality`: the suggestions' quality on held-out text, beside trivial
 * baselines. Check-worthiness and same-claim matching, whose models learn from the first
 * evaluation set (bench/quality/) and the spent held-out sets before the newest, are scored on
 * the newest held-out set (HELD_OUT); evidence, which learns nothing, on the first set's test half.
 * The figures of the sets they learn from are printed too, in sample. Refuses to run if any
 * set changed since its digest was recorded.
 * Needs a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL; else the embedded one) for
 * the app's pg_trgm and full-text expressions; a database of its own is created and dropped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { allowServerOnly, report, type Figure } from "@/bench/support";
import { createTestDatabase } from "@/test/db";
import { HELDOUT_SETS, QUALITY_DIR, type HeldoutSet } from "@/bench/quality/files";
import { testHalfDigest } from "@/bench/quality/halves";
import { heldoutDigest, recordedHeldoutDigest } from "@/bench/quality/heldout";
import { SAME_CLAIM_SCORE } from "@/lib/search/same-claim-match";
import { bestJaccardThreshold, checkWorthinessFigures, checkWorthinessMilliseconds, evidenceFigures, sameClaimFigures, type Half } from "@/bench/quality/evaluate";

/** The set scored as held out: the newest scored, which no model has learnt from. */
const HELD_OUT: HeldoutSet = "heldout-34";

export async function runQualityBench() {
  const recorded = readFileSync(path.join(QUALITY_DIR, "test-half.sha256"), "utf8").split(/\s/)[0];
  if (testHalfDigest() !== recorded) throw new Error("The test half's hash differs from bench/quality/test-half.sha256: it was changed after it was set apart. Not scoring it.");
  for (const set of HELDOUT_SETS) {
    if (heldoutDigest(set) !== recordedHeldoutDigest(set)) throw new Error(`The held-out set ${set} differs from bench/quality/${set}/digest.sha256: it was changed after it was set apart. Not scoring it.`);
  }
  allowServerOnly();
  const { SAME_CLAIM_THRESHOLD } = await import("@/lib/search/same-claim");
  const { SUGGEST_THRESHOLD } = await import("@/lib/search/check-worthy");
  // Migrated: the statements scored use the database's functions (pg_trgm, passage_copy_key).
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const jaccardThreshold = bestJaccardThreshold();
    const figures: Figure[] = [];
    const rows: Array<Array<string | number>> = [];
    const cell = (value: number) => value.toFixed(3);
    const percent = (figure: string, value: number, target: string, met: boolean): Figure => ({ figure, value: value * 100, unit: "%", target, met });
    const readBy = `Verity (pg_trgm at ${SAME_CLAIM_THRESHOLD}, read at ${SAME_CLAIM_SCORE})`;
    const jaccardBy = `word Jaccard at ${jaccardThreshold} (best precision at recall >= 0.75 on the first set)`;
    // HELD_OUT is scored as held out; the sets before it are now training data, their figures in sample. A set written
    // after it waits, unscored, for the round that learns from HELD_OUT.
    for (const set of [HELD_OUT, ...HELDOUT_SETS.slice(0, HELDOUT_SETS.indexOf(HELD_OUT))]) {
      const heldOut = set === HELD_OUT;
      const label = heldOut ? `${set}, held out` : `${set}, in sample`;
      const same = await sameClaimFigures(client, set, SAME_CLAIM_THRESHOLD, jaccardThreshold);
      const worth = checkWorthinessFigures(set);
      rows.push(
        [label, `same claim (${same.pairs} pairs, ${same.positives} same)`, readBy, cell(same.verity.precision), cell(same.verity.recall), cell(same.verity.f1), ""],
        [label, "same claim", jaccardBy, cell(same.jaccard.precision), cell(same.jaccard.recall), cell(same.jaccard.f1), ""],
        [label, `check-worthy (${worth.sentences} sentences, ${worth.positives} CFS)`, `Verity at ${SUGGEST_THRESHOLD}`, cell(worth.verity.precision), cell(worth.verity.recall), cell(worth.verity.f1), ""],
        [label, "check-worthy", "any digit", cell(worth.anyDigit.precision), cell(worth.anyDigit.recall), cell(worth.anyDigit.f1), ""],
        [label, `check-worthy P@5 (mean of ${worth.texts} texts)`, "Verity", "", "", "", cell(worth.precisionAt5)],
      );
      if (!heldOut) continue;
      figures.push(
        percent(`${set}: check-worthy F1`, worth.verity.f1, ">= 80 %", worth.verity.f1 >= 0.8),
        percent(`${set}: check-worthy F1 over any-digit F1`, worth.verity.f1 - worth.anyDigit.f1, ">= 10 points", worth.verity.f1 - worth.anyDigit.f1 >= 0.1),
        percent(`${set}: check-worthy P@5 per article`, worth.precisionAt5, ">= 80 %", worth.precisionAt5 >= 0.8),
        percent(`${set}: same-claim precision`, same.verity.precision, ">= 85 % (with recall >= 75 %)", same.verity.precision >= 0.85 && same.verity.recall >= 0.75),
        percent(`${set}: same-claim recall`, same.verity.recall, ">= 75 %", same.verity.recall >= 0.75),
      );
    }
    for (const half of ["test", "dev"] as Half[]) {
      const worth = checkWorthinessFigures(half);
      const same = await sameClaimFigures(client, half, SAME_CLAIM_THRESHOLD, jaccardThreshold);
      const evidence = await evidenceFigures(client, half);
      const label = `${half} half`;
      rows.push(
        [label, `check-worthy, in sample (${worth.sentences} sentences, ${worth.positives} CFS)`, `Verity at ${SUGGEST_THRESHOLD}`, cell(worth.verity.precision), cell(worth.verity.recall), cell(worth.verity.f1), ""],
        [label, "check-worthy, in sample", "any digit", cell(worth.anyDigit.precision), cell(worth.anyDigit.recall), cell(worth.anyDigit.f1), ""],
        [label, `check-worthy P@5, in sample (mean of ${worth.texts} texts)`, "Verity", "", "", "", cell(worth.precisionAt5)],
        [label, `same claim, in sample (${same.pairs} pairs, ${same.positives} same)`, readBy, cell(same.verity.precision), cell(same.verity.recall), cell(same.verity.f1), ""],
        [label, "same claim, in sample", jaccardBy, cell(same.jaccard.precision), cell(same.jaccard.recall), cell(same.jaccard.f1), ""],
        [label, `evidence nDCG@5 (${evidence.scored} of ${evidence.claims} claims)`, "Verity", "", "", "", cell(evidence.verity)],
        [label, "evidence nDCG@5", "BM25", "", "", "", cell(evidence.bm25)],
        [label, `identical copies of the claim among candidates: ${evidence.identicalCandidates}`, "Verity top 5", "", "", "", String(evidence.identicalSuggested)],
      );
      if (half !== "test") continue;
      figures.push(
        percent("test: evidence nDCG@5", evidence.verity, ">= 80 %", evidence.verity >= 0.8),
        { figure: "test: the claim's own sentence (or a copy) suggested", value: evidence.identicalSuggested, unit: "times", target: "never", met: evidence.identicalSuggested === 0 },
      );
    }
    const perSentence = checkWorthinessMilliseconds();
    figures.push({ figure: "check-worthiness: time per sentence (every corpus sentence, 20 rounds)", value: perSentence, unit: "ms", target: "< 5 ms", met: perSentence < 5 });
    report("quality", { "test half": recorded.slice(0, 12), [HELD_OUT]: recordedHeldoutDigest(HELD_OUT).slice(0, 12), server: new URL(database.url).host }, figures, {
      columns: ["half", "what", "by", "precision", "recall", "F1", "P@5 / nDCG@5 / count"],
      rows,
    });
  } finally {
    await client.end();
    await database.drop();
  }
}
