/**
 * The second held-out set (heldout-2/): texts, sentences and same-claim pairs written after
 * the first test half had been scored, labelled by two labellers, and kept for one scoring
 * after the rules are tuned again. Nothing here reads it for tuning; its digest is recorded
 * in heldout-2/digest.sha256 before any use, and corpus.test.ts fails if it changes.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { HELDOUT_DIR } from "./files";

/** The files the digest covers, relative to HELDOUT_DIR: the corpus and both labellers' labels (not what reconciliation adds later). */
export function heldoutFiles(): string[] {
  const texts = readdirSync(path.join(HELDOUT_DIR, "corpus", "texts")).filter((file) => file.endsWith(".txt")).sort();
  return [
    ...texts.map((file) => path.join("corpus", "texts", file)),
    path.join("corpus", "sentences.jsonl"),
    path.join("corpus", "pairs.jsonl"),
    ...["labeller-a", "labeller-b"].flatMap((labeller) => ["sentences.jsonl", "pairs.jsonl"].map((file) => path.join("labels", labeller, file))),
  ];
}

/** SHA-256 over each file's name and contents, in heldoutFiles' order. */
export function heldoutDigest(): string {
  const hash = createHash("sha256");
  for (const file of heldoutFiles()) hash.update(`${file}\n`).update(readFileSync(path.join(HELDOUT_DIR, file)));
  return hash.digest("hex");
}
