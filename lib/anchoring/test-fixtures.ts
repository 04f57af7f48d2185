import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";

/** Long texts for tests of anchoring's cost: the seed articles' words in random order, in paragraphs. */

const SEEDS = path.join(__dirname, "../../seeds");
const WORDS = readdirSync(SEEDS)
  .filter((file) => file.endsWith(".txt"))
  .sort()
  .flatMap((file) => readFileSync(path.join(SEEDS, file), "utf8").split(/\s+/))
  .filter(Boolean);

/** About `length` UTF-16 units of sentences in paragraphs (one "\n" between them); the same seed gives the same text. */
export function longProse(length: number, seed = 1): string {
  let state = seed >>> 0;
  // A linear congruential generator: enough to pick words.
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences: string[] = [];
    for (let s = 0, count = 3 + next(4); s < count; s++) {
      const words = Array.from({ length: 8 + next(12) }, () => WORDS[next(WORDS.length)]);
      sentences.push(`${words[0][0].toUpperCase()}${words.join(" ").slice(1)}.`);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    total += paragraph.length + 1;
  }
  return paragraphs.join("\n");
}

/** `length` lowercase letters and spaces from a fixed seed: text that appears in no article. */
export function noise(length: number, seed: number): string {
  let state = seed >>> 0;
  let text = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    text += "abcdefghijklmnopqrstuvwxyz "[state % 27];
  }
  return text;
}

/** Pieces of text where code points and UTF-16 units differ: emoji (ZWJ sequences, skin tones), astral CJK, combining marks. */
const UNICODE_PIECES = ["a", "Z", " ", "é", "e\u0301", "中", "😀", "🚢", "👩‍👩‍👧", "👍🏽", "𠀀", "𩸽", "\u{1D400}", "ก\u0E34"];

/** Text made of those pieces, with line breaks too unless `lines` is false. */
export function unicodeText({ lines = true, minLength = 0 } = {}) {
  return fc.array(fc.constantFrom(...UNICODE_PIECES, ...(lines ? ["\n"] : [])), { minLength, maxLength: 40 }).map((parts) => parts.join(""));
}
