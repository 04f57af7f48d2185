/**
 * Deterministic benchmark data: long articles made of the seed articles' sentences,
 * and claims on real sentence spans with a mix of verdicts and states, about 10%
 * overlapping another claim. The same seed always gives the same data.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { heading, paragraph, type BlockNode, type DocNode } from "@/lib/documents/schema";
import { canonicalText, describeSpan } from "@/lib/anchoring";
import { importPlainText, splitSentences } from "@/lib/import/plain-text";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";
import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";

/** The Verity preset's rating ids: a generated corpus is rated on the default scale. */
const VERDICT_ORDER = VERITY_CATALOGUE.choices.map((rating) => rating.id);
import { seededRandom as random } from "@/lib/seeded-random";

export function seedCorpus() {
  const dir = path.join(process.cwd(), "seeds");
  const sentences: string[] = [];
  const headings: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const { doc } = importPlainText(readFileSync(path.join(dir, file), "utf8"));
    for (const block of doc.content) {
      const text = canonicalText({ type: "doc", content: [block] });
      if (block.type === "heading") headings.push(text);
      else for (const { start, end } of splitSentences(text)) sentences.push(text.slice(start, end));
    }
  }
  return { sentences, headings };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** An article of about `words` words in the seed articles' style. */
export function generateArticle(words: number, seed: number): { title: string; doc: DocNode; text: string } {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const { sentences, headings } = seedCorpus();
  const blocks: BlockNode[] = [];
  let total = 0;
  while (total < words) {
    if (blocks.length > 0 && blocks.length % 9 === 0) blocks.push(heading(2, pick(headings)));
    const paragraphSentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(sentences));
    const text = paragraphSentences.join(" ");
    total += wordCount(text);
    blocks.push(paragraph(text));
  }
  const doc: DocNode = { type: "doc", content: blocks };
  return { title: `Benchmark article: ${words.toLocaleString("en")} words (seed ${seed})`, doc, text: canonicalText(doc) };
}

export interface GeneratedClaim {
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
  restatement: string;
  verdict: RatingId | null;
  state: ClaimState;
}

const STATES: Array<[ClaimState, number]> = [
  ["DRAFT", 0.4],
  ["SUBMITTED", 0.25],
  ["CHANGES_REQUESTED", 0.1],
  ["APPROVED", 0.25],
];

/** `count` claims on sentence spans of `text`; about 10% overlap another claim. */
export function generateClaims(text: string, count: number, seed: number): GeneratedClaim[] {
  const next = random(seed);
  const sentences = splitSentences(text).filter(({ start, end }) => end - start > 20);
  const spans: Array<{ start: number; end: number }> = [];
  const step = Math.max(1, Math.floor(sentences.length / Math.ceil(count * 0.92)));
  for (let i = 0; i < sentences.length && spans.length < Math.ceil(count * 0.92); i += step) spans.push(sentences[i]);
  // The rest overlap: a phrase nested in a claimed sentence, or a span across its end.
  while (spans.length < count) {
    const base = spans[Math.floor(next() * spans.length)];
    const length = base.end - base.start;
    const start = base.start + Math.floor(length * (0.2 + next() * 0.3));
    const end = next() < 0.5 ? base.start + Math.floor(length * 0.85) : Math.min(text.length, base.end + 25);
    spans.push({ start, end });
  }
  return spans.map(({ start, end }) => {
    // Never start or end inside a word or on a space.
    while (start > 0 && /\S/.test(text[start - 1]) && /\S/.test(text[start])) start--;
    while (end < text.length && /\S/.test(text[end]) && /\S/.test(text[end - 1])) end++;
    while (/\s/.test(text[start])) start++;
    while (/\s/.test(text[end - 1])) end--;
    const { position, quote } = describeSpan(text, start, end);
    let roll = next();
    const state = STATES.find(([, share]) => (roll -= share) < 0)?.[0] ?? "DRAFT";
    const verdictIndex = Math.floor(next() * (VERDICT_ORDER.length + 1));
    return {
      startOffset: position.start,
      endOffset: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      restatement: quote.exact.length > 180 ? `${quote.exact.slice(0, 177)}…` : quote.exact,
      verdict: state === "DRAFT" && verdictIndex === VERDICT_ORDER.length ? null : VERDICT_ORDER[verdictIndex % VERDICT_ORDER.length],
      state,
    };
  });
}
