import { splitSentences, type TextSpan } from "../import/plain-text";

/**
 * Passages: the sentence-level units that search and suggested evidence rank. Pure code,
 * shared by the import (which stores them) and the tests.
 */
export interface PassageSpan extends TextSpan {
  /** The passage's place in the article, from 0. */
  ordinal: number;
  text: string;
}

/**
 * A quotation that runs over several sentences is one passage up to this length: past it,
 * an unclosed quote (a paragraph of speech that closes in a later paragraph, as news
 * style has it) does not swallow more sentences.
 */
export const MAX_QUOTED_PASSAGE_CHARS = 800;

/**
 * Splits an article's canonical text into passages: its sentences in its language
 * (splitSentences, which keeps "U.S.", "Rep." and initials inside a sentence; a quotation closed right after an
 * acronym ends one), with the sentences of one quotation kept together ("“Regimes are
 * watching closely. Let’s send the message…”").
 * Offsets are UTF-16 offsets into `text`; a passage never crosses a line (block) break.
 */
export function splitPassages(text: string, language: string | null = null): PassageSpan[] {
  const passages: PassageSpan[] = [];
  let open: TextSpan | null = null;
  const flush = () => {
    if (!open) return;
    passages.push({ ordinal: passages.length, start: open.start, end: open.end, text: text.slice(open.start, open.end) });
    open = null;
  };
  for (const sentence of splitSentences(text, language).flatMap((span) => splitAt(QUOTED_ACRONYM_END, text, span)).flatMap((span) => splitAt(CLOCK_TIME_END, text, span))) {
    if (open) {
      const sameBlock = !text.slice(open.end, sentence.start).includes("\n");
      if (sameBlock && sentence.end - open.start <= MAX_QUOTED_PASSAGE_CHARS) {
        open = { start: open.start, end: sentence.end };
        if (!insideQuotation(text.slice(open.start, open.end))) flush();
        continue;
      }
      flush();
    }
    open = sentence;
    if (!insideQuotation(text.slice(sentence.start, sentence.end))) flush();
  }
  flush();
  return passages;
}

/**
 * An acronym's period followed by a closing quote and a capital ("…and the U.S.” The
 * talks…") ends a sentence, though splitSentences keeps "U.S." inside one (rightly, as in
 * "the U.S. President"): the closing quote settles it. Only an acronym's first letter starts a
 * match (the lookbehind): tried from each letter of a long "a.a.a.…", the search was quadratic.
 */
const QUOTED_ACRONYM_END = /(?<!\p{L}\.)(?:\p{L}\.)+\p{L}\.[”"’»)\]]+(?=\s+[\p{Lu}“"‘(\[])/gu;

/**
 * A clock time's "a.m." or "p.m." ends a sentence when a capitalised word other than a
 * weekday, a month or a time zone follows ("began at 7 p.m. The mayor…", not "8 a.m. Monday to
 * Saturday" or "9 p.m. ET"):
 * splitSentences keeps it inside one, as it does every dotted acronym.
 */
const CLOCK_TIME_END = /(?<![\p{L}.])[ap]\.m\.(?=\s+(?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|[ECMP][SD]?T|GMT|BST|CET|UTC)\b)[“"‘(]?\p{Lu})/gu;

/** The span split after each match of `pattern` (a global regex), leading whitespace left out. */
function splitAt(pattern: RegExp, text: string, span: TextSpan): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = span.start;
  for (const match of text.slice(span.start, span.end).matchAll(pattern)) {
    const end = span.start + match.index + match[0].length;
    spans.push({ start, end });
    start = end;
    while (start < span.end && /\s/.test(text[start])) start++;
  }
  spans.push({ start, end: span.end });
  return spans;
}

/**
 * Whether `sentence` ends inside a quotation: a “, « or „ not closed, or an odd number of
 * straight double quotes. “ closes a German „ („Wir sind bereit“) and opens anywhere else.
 * Single quotes are not counted: ’ is also the apostrophe.
 */
export function insideQuotation(sentence: string): boolean {
  const open: string[] = [];
  let straight = 0;
  for (const char of sentence) {
    if (char === "“" && open.at(-1) === "„") open.pop();
    else if (char === "“" || char === "«" || char === "„") open.push(char);
    else if (char === "”" || char === "»") open.pop();
    else if (char === '"') straight++;
  }
  return open.length > 0 || straight % 2 === 1;
}

/** A run of letters and digits: a word, lower-cased, as the search dictionary holds words. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** A text's words, lower-cased, once each, in order of first appearance. */
export function queryWords(text: string): string[] {
  return [...new Set(Array.from(text.toLowerCase().matchAll(WORD_RUN), ([run]) => run))];
}

/** Whether the search dictionary holds a word of this length (3 to 40; the migration's back-fill too). */
export function isDictionaryLength(word: string): boolean {
  return word.length >= 3 && word.length <= 40;
}

/**
 * The distinct words of a text for the search dictionary (model SearchWord), sorted, so
 * that imports adding the same new words at once take their locks in the same order.
 */
export function searchWords(text: string): string[] {
  return queryWords(text).filter(isDictionaryLength).sort();
}
