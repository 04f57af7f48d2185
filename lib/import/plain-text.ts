import { heading, paragraph, type DocNode } from "../documents/schema";
import { isFurniture } from "./furniture";
import { abbreviationsOf } from "../languages/abbreviations";

/** Rejected input; the message is meant for the user. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export interface ImportedDocument {
  title: string;
  /** True when no title line was found and the title is the first sentence. */
  titleIsGuess: boolean;
  doc: DocNode;
}

const TITLE_MAX_LINES = 3;
const HEADLINE_MAX_CHARS = 200;
const GUESSED_TITLE_MAX_CHARS = 160;
const SUBHEADING_MAX_WORDS = 12;
const SUBHEADING_MAX_CHARS = 90;

/**
 * Turns a pasted or uploaded plain-text article into a document. These
 * sources put one paragraph per line, so every non-empty line is a block and
 * blank lines only separate.
 */
export function importPlainText(raw: string): ImportedDocument {
  // \s covers tabs, NBSP and a BOM (U+FEFF), so trimming also strips a BOM.
  const lines = raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "");
  if (lines.length === 0) throw new ImportError("The document is empty.");

  // A lone line is the body, never just a title.
  const t =
    lines.length > 1
      ? lines.slice(0, TITLE_MAX_LINES).findIndex((line) => looksLikeHeadline(line) && !isFurniture(line))
      : -1;

  let title: string;
  let body: string[];
  if (t >= 0) {
    title = lines[t];
    // Some sources repeat the title right below it; drop the copy unless it
    // is all the body there is.
    const repeated = lines[t + 1] === title && t + 2 < lines.length;
    body = [...lines.slice(0, t), ...lines.slice(t + (repeated ? 2 : 1))];
  } else {
    title = guessTitle(lines.find((line) => !isFurniture(line)) ?? lines[0]);
    body = lines;
  }

  return {
    title,
    titleIsGuess: t < 0,
    doc: {
      type: "doc",
      content: body.map((line) =>
        body.length > 1 && looksLikeSubheading(line) ? heading(2, line) : paragraph(line),
      ),
    },
  };
}

/** The line without closing quotes/brackets, whose last char tells if it ends a sentence. */
function withoutClosers(line: string): string {
  return line.replace(/(?<![”’"'»)\]])[”’"'»)\]]+$/u, "");
}

function looksLikeHeadline(line: string): boolean {
  return line.length <= HEADLINE_MAX_CHARS && !/[.!?…]$/u.test(withoutClosers(line));
}

function looksLikeSubheading(line: string): boolean {
  return (
    line.length <= SUBHEADING_MAX_CHARS &&
    line.split(" ").length <= SUBHEADING_MAX_WORDS &&
    /^[\p{Lu}\p{Nd}]/u.test(line) &&
    // A question is a common subheading ("A Concession to Reality?"); a full stop is not.
    !/[.!…:;,]$/u.test(withoutClosers(line))
  );
}

/** A title for text that has none: its first sentence, cut at a word if long. */
export function guessTitle(text: string): string {
  const first = splitSentences(text)[0];
  return truncateAtWord(text.slice(first.start, first.end), GUESSED_TITLE_MAX_CHARS);
}

/** Cuts at the last space within `max` chars and marks the cut with "…". */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  // No space at all: cut hard, but never between the halves of a surrogate pair.
  const head = space > 0 ? text.slice(0, space) : text.slice(0, max).replace(/[\uD800-\uDBFF]$/, "");
  return head.replace(/(?<![\s,;:\-–—])[\s,;:\-–—]+$/u, "") + "…";
}

export interface TextSpan {
  /** UTF-16 offset of the first char. */
  start: number;
  /** UTF-16 offset after the last char. */
  end: number;
}

/**
 * Terminal punctuation (an ellipsis included), then any closing quotes or
 * brackets, then whitespace or the end: a possible sentence end. "3.5" and
 * the inner dot of "U.S." never match because no whitespace follows. A French
 * closing guillemet may follow after a space ("Non ! »"). Only a run's first
 * mark starts a match (the lookbehind): tried from each mark of a long run of
 * them, the search took time quadratic in the run's length.
 */
const SENTENCE_END = /(?<![.!?…])[.!?…]+(?:[ \u00A0\u202F]»)?[”’"'»)\]]*(?=\s|$)/gu;

/**
 * The end of a sentence in another script's punctuation (Chinese "。", Arabic "؟", Devanagari
 * "।", Armenian "։"…), closers included: Intl.Segmenter finds these for the article's language.
 */
const OTHER_SCRIPT_END = /(?![.!?])\p{Sentence_Terminal}[”’"'»)\]」』]*\s*$/u;
const OTHER_SCRIPT_MARK = /(?![.!?])\p{Sentence_Terminal}/u;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string | null): Intl.Segmenter {
  const key = language ?? "und";
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language ?? undefined, { granularity: "sentence" });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Splits text into sentences, as UTF-16 spans without surrounding
 * whitespace. A line break always ends a sentence. `language` (BCP 47; null:
 * not known) adds its abbreviations, and its script's sentence marks found by
 * Intl.Segmenter. Latin-script punctuation keeps the rules below, which know
 * abbreviations, initials and acronyms: ICU's segmenter breaks after every
 * "Mr." and "U.S." followed by a capital.
 */
export function splitSentences(text: string, language: string | null = null): TextSpan[] {
  const spans: TextSpan[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start < end) spans.push({ start, end });
  };
  const abbreviations = abbreviationsOf(language);
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let sentenceStart = lineStart;
    for (const end of sentenceEnds(line, language, abbreviations)) {
      push(sentenceStart, lineStart + end);
      sentenceStart = lineStart + end;
    }
    push(sentenceStart, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return spans;
}

/** The offsets in `line` where its sentences end, in order. */
function sentenceEnds(line: string, language: string | null, abbreviations: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  for (const match of line.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (endsSentence(line, match.index, match[0], end, abbreviations)) ends.push(end);
  }
  // Only a line with another script's sentence marks is segmented: the rest has none to find.
  if (!OTHER_SCRIPT_MARK.test(line)) return ends;
  for (const { index } of sentenceSegmenter(language).segment(line)) {
    if (index > 0 && OTHER_SCRIPT_END.test(line.slice(Math.max(0, index - 16), index))) ends.push(index);
  }
  return [...new Set(ends)].sort((a, b) => a - b);
}

// Both are matched at a position of the line (sticky), not on a slice of it: a regex anchored
// at a slice's end is tried from every start, which made a 1 MB import spend 0.4 s here.
// A closing guillemet after a space is still the quotation's ("« Non ! » a-t-il dit").
const LOWER_CASE_NEXT = /\s*(?:»\s*)?[“‘"'«„¿¡(\[]*\p{Ll}/uy;
const OPENING = /[\s“‘"'«„¿¡(\[]/;

/** Whether the possible sentence end `mark` at line[index, end) is a real one. */
function endsSentence(line: string, index: number, mark: string, end: number, abbreviations: ReadonlySet<string>): boolean {
  // A lower-case word next means the sentence goes on:
  // "“Why?” she asked", "the U.S. would", "wait… and see".
  LOWER_CASE_NEXT.lastIndex = end;
  if (LOWER_CASE_NEXT.test(line)) return false;
  if (!mark.startsWith(".") || mark.startsWith("..")) return true;

  // A single period: does it close an abbreviation or an initial? The word is what runs
  // back to a space, an opening quote or a bracket.
  let wordStart = index;
  while (wordStart > 0 && !OPENING.test(line[wordStart - 1])) wordStart--;
  const word = line.slice(wordStart, index);
  return !(
    /^\p{Lu}$/u.test(word) || // an initial: "J. D. Vance", "George W. Bush" (so "Plan B. Then" is missed)
    /^(\p{L}\.)+\p{L}$/u.test(word) || // a dotted acronym: "U.S.", "e.g."
    /^\p{Ll}$/u.test(word) || // a spaced abbreviation's letter: German "z. B.", "d. h."
    abbreviations.has(word.toLowerCase())
  );
}
