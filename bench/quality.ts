/**
 * `npm run bench -- quality`: the suggestions' quality on held-out text, beside trivial
 * baselines. Check-worthiness and same-claim matching, whose models now learn from all of the
 * first evaluation set (bench/quality/), are scored on the second held-out set
 * (bench/quality/heldout-2); evidence, which learns nothing, on the first set's test half. The
 * figures of the first set's halves are printed too (in sample for check-worthiness and same
 * claim). Refuses to run if either set changed since its digest was recorded.
 * Needs a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL; else the embedded one) for
 * the app's pg_trgm and full-text expressions; a database of its own is created and dropped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { allowServerOnly, report, type Figure } from "@/bench/support";
import { createTestDatabase } from "@/test/db";
import { QUALITY_DIR } from "@/bench/quality/files";
import { testHalfDigest } from "@/bench/quality/halves";
import { heldoutDigest, recordedHeldoutDigest } from "@/bench/quality/heldout";
import { SAME_CLAIM_SCORE } from "@/lib/search/same-claim-match";
import { bestJaccardThreshold, checkWorthinessFigures, checkWorthinessMilliseconds, evidenceFigures, sameClaimFigures, type Half } from "@/bench/quality/evaluate";

export async function runQualityBench() {
  const recorded = readFileSync(path.join(QUALITY_DIR, "test-half.sha256"), "utf8").split(/\s/)[0];
  if (testHalfDigest() !== recorded) throw new Error("The test half's hash differs from bench/quality/test-half.sha256: it was changed after it was set apart. Not scoring it.");
  const heldoutRecorded = recordedHeldoutDigest("heldout-2");
  if (heldoutDigest("heldout-2") !== heldoutRecorded) throw new Error("The second held-out set differs from bench/quality/heldout-2/digest.sha256: it was changed after it was set apart. Not scoring it.");
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
    const heldoutSame = await sameClaimFigures(client, "heldout-2", SAME_CLAIM_THRESHOLD, jaccardThreshold);
    const readBy = `Verity (pg_trgm at ${SAME_CLAIM_THRESHOLD}, read at ${SAME_CLAIM_SCORE})`;
    const jaccardBy = `word Jaccard at ${jaccardThreshold} (best precision at recall >= 0.75 on the first set)`;
    rows.push(
      ["held-out set 2", `same claim (${heldoutSame.pairs} pairs, ${heldoutSame.positives} same)`, readBy, cell(heldoutSame.verity.precision), cell(heldoutSame.verity.recall), cell(heldoutSame.verity.f1), ""],
      ["held-out set 2", "same claim", jaccardBy, cell(heldoutSame.jaccard.precision), cell(heldoutSame.jaccard.recall), cell(heldoutSame.jaccard.f1), ""],
    );
    const heldoutWorth = checkWorthinessFigures("heldout-2");
    rows.push(
      ["held-out set 2", `check-worthy (${heldoutWorth.sentences} sentences, ${heldoutWorth.positives} CFS)`, `Verity at ${SUGGEST_THRESHOLD}`, cell(heldoutWorth.verity.precision), cell(heldoutWorth.verity.recall), cell(heldoutWorth.verity.f1), ""],
      ["held-out set 2", "check-worthy", "any digit", cell(heldoutWorth.anyDigit.precision), cell(heldoutWorth.anyDigit.recall), cell(heldoutWorth.anyDigit.f1), ""],
      ["held-out set 2", `check-worthy P@5 (mean of ${heldoutWorth.texts} texts)`, "Verity", "", "", "", cell(heldoutWorth.precisionAt5)],
    );
    figures.push(
      percent("held-out set 2: check-worthy F1", heldoutWorth.verity.f1, ">= 80 %", heldoutWorth.verity.f1 >= 0.8),
      percent("held-out set 2: check-worthy F1 over any-digit F1", heldoutWorth.verity.f1 - heldoutWorth.anyDigit.f1, ">= 10 points", heldoutWorth.verity.f1 - heldoutWorth.anyDigit.f1 >= 0.1),
      percent("held-out set 2: check-worthy P@5 per article", heldoutWorth.precisionAt5, ">= 80 %", heldoutWorth.precisionAt5 >= 0.8),
      percent("held-out set 2: same-claim precision", heldoutSame.verity.precision, ">= 85 % (with recall >= 75 %)", heldoutSame.verity.precision >= 0.85 && heldoutSame.verity.recall >= 0.75),
      percent("held-out set 2: same-claim recall", heldoutSame.verity.recall, ">= 75 %", heldoutSame.verity.recall >= 0.75),
    );
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
    report("quality", { "test half": recorded.slice(0, 12), "held-out set 2": heldoutRecorded.slice(0, 12), server: new URL(database.url).host }, figures, {
      columns: ["half", "what", "by", "precision", "recall", "F1", "P@5 / nDCG@5 / count"],
      rows,
    });
  } finally {
    await client.end();
    await database.drop();
  }
}
