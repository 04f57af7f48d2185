/**
 * The held-out sets (heldout-2/ and those after it): texts, sentences and same-claim pairs written
 * after the sets before them had been scored, labelled by two labellers, and kept for one
 * scoring after the rules are tuned again. Nothing here reads them for tuning; each one's
 * digest is recorded in its digest.sha256 before any use, and corpus.test.ts fails if it changes.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { heldoutDir, type HeldoutSet } from "./files";

/** The files the digest covers, relative to the set's folder: the corpus and both labellers' labels (not what reconciliation adds later). */
export function heldoutFiles(set: HeldoutSet): string[] {
  const texts = readdirSync(path.join(heldoutDir(set), "corpus", "texts")).filter((file) => file.endsWith(".txt")).sort();
  return [
    ...texts.map((file) => path.join("corpus", "texts", file)),
    path.join("corpus", "sentences.jsonl"),
    path.join("corpus", "pairs.jsonl"),
    ...["labeller-a", "labeller-b"].flatMap((labeller) => ["sentences.jsonl", "pairs.jsonl"].map((file) => path.join("labels", labeller, file))),
  ];
}

/** SHA-256 over each file's name and contents, in heldoutFiles' order. */
export function heldoutDigest(set: HeldoutSet): string {
  const hash = createHash("sha256");
  for (const file of heldoutFiles(set)) hash.update(`${file}\n`).update(readFileSync(path.join(heldoutDir(set), file)));
  return hash.digest("hex");
}

/** The digest recorded in the set's digest.sha256 before any use. */
export function recordedHeldoutDigest(set: HeldoutSet): string {
  return readFileSync(path.join(heldoutDir(set), "digest.sha256"), "utf8").split(/\s/)[0];
}
