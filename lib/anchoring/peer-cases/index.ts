/**
 * Anchoring cases from two peers' public test data, and realistic edits of them.
 *
 * peer-cases.json holds texts, selectors and expected offsets ported (not their code) from:
 * - the Hypothesis client, src/annotator/anchoring/test/ (match-quote-test.js, html-test.js
 *   with html-anchoring-fixture.html, html-baselines/): Copyright (c) 2013-2019 Hypothes.is
 *   Project and contributors, BSD-2-Clause;
 * - Apache Annotator, packages/dom/test/text-quote and text-position (match-cases.ts):
 *   Copyright The Apache Software Foundation, Apache-2.0.
 * Their HTML fixtures are stored as the text content (document.body, or the test's
 * container) that their offsets count in, with those offsets in UTF-16 units. Cases the
 * peers expect to fail only because their context is not exact ("annotator text-quote:
 * with prefix, no matches") may be found or orphaned (orphanAllowed): Verity weighs context
 * as Hypothesis does. Apache Annotator's empty-quote cases are left out: Verity has no empty spans.
 */
import data from "./peer-cases.json";
import { describeSpan, type SpanSelectors } from "../selectors";

export interface Span {
  start: number;
  end: number;
}

export interface AnchoringCase {
  family: string;
  name: string;
  text: string;
  selectors: SpanSelectors;
  /** Where the span may land; empty when it should be orphaned. */
  expected: Span[];
  /** Orphaning is right too: the case has more than one right answer, or none the peer agrees on. */
  orphanAllowed: boolean;
}

/** Families whose case has two places with the same quote and whole context: a guess there is not a misplacement. */
export const AMBIGUOUS_FAMILIES = ["whole passage copied"];

const NO_POSITION = { type: "TextPositionSelector" as const, start: 0, end: 0 };

/** The peers' own cases, unedited. */
export function peerCases(): AnchoringCase[] {
  const texts = data.texts as Record<string, string>;
  // Verity has no empty spans.
  return data.cases.filter((c) => c.quote?.exact !== "" && !("expected" in c && (c.expected ?? []).some((e: Span) => e.start === e.end))).map((c) => {
    const text = texts[c.text];
    const span = "span" in c && c.span ? c.span : undefined;
    const selectors: SpanSelectors = span
      ? describeSpan(text, span.start, span.end)
      : {
          position: "position" in c && c.position ? { type: "TextPositionSelector", ...c.position } : NO_POSITION,
          quote: { type: "TextQuoteSelector", ...(c.quote as { exact: string; prefix: string; suffix: string }) },
        };
    return {
      family: `${c.peer} cases`,
      name: c.name,
      text,
      selectors,
      expected: span ? [span] : (c.expected as Span[]),
      orphanAllowed: ("orphanAllowed" in c && c.orphanAllowed === true) || ("expected" in c && (c.expected ?? []).length > 1),
    };
  });
}

/** An edited text and where `start` and `end` of the old text now are. */
interface Edited {
  text: string;
  start: number;
  end: number;
}

/** Replaces [at, at + remove) with `insert`; text inserted at the span's start goes before it, at its end after it. */
function splice({ text, start, end }: Edited, at: number, remove: number, insert: string): Edited {
  const shift = insert.length - remove;
  return {
    text: text.slice(0, at) + insert + text.slice(at + remove),
    start: start < at ? start : start >= at + remove ? start + shift : at + insert.length,
    end: end <= at ? end : end >= at + remove ? end + shift : at,
  };
}

/** One letter in the middle of the span swapped for another; undefined if the span has no letter there. */
function changeCharacter(e: Edited): Edited | undefined {
  const length = e.end - e.start;
  if (length < 4) return undefined;
  for (let i = e.start + Math.floor(length / 2); i < e.end - 1; i++) {
    if (/[a-z]/i.test(e.text[i])) return splice(e, i, 1, e.text[i] === "x" ? "q" : "x");
  }
  return undefined;
}

/** The edited text and where the span now is ([] when it is gone); undefined when the edit does not apply. */
type Edit = (e: Edited, selectors: SpanSelectors) => { text: string; expected: Span[] } | undefined;

const kept = (e: Edited | undefined) => e && { text: e.text, expected: [{ start: e.start, end: e.end }] };

const EDITS: Record<string, Edit> = {
  "character changed": (e) => kept(changeCharacter(e)),
  "word changed": (e) => {
    const words = [...e.text.slice(e.start, e.end).matchAll(/\p{L}+/gu)];
    if (words.length < 3) return undefined;
    const word = words[Math.floor(words.length / 2)];
    return kept(splice(e, e.start + word.index, word[0].length, word[0] === "several" ? "many" : "several"));
  },
  "sentence deleted": (e) => {
    // Only a passage that is gone from the text: copies are the other families' business.
    const exact = e.text.slice(e.start, e.end);
    if (e.text.indexOf(exact) !== e.start || e.text.indexOf(exact, e.start + 1) !== -1) return undefined;
    // From the end of the sentence (or line) before the span to the end of the one it ends in.
    const before = Math.max(e.text.lastIndexOf(". ", e.start - 1) + 2, e.text.lastIndexOf("\n", e.start - 1) + 1);
    const stops = [e.text.indexOf(". ", e.end - 1), e.text.indexOf("\n", e.end)].filter((i) => i >= 0);
    const after = stops.length > 0 ? Math.min(...stops) + 1 : e.text.length;
    return { text: e.text.slice(0, before) + e.text.slice(after), expected: [] };
  },
  "word inserted before": (e) => kept(splice(e, e.start, 0, "reportedly ")),
  "quote wrapped": (e) => kept(splice(splice(e, e.end, 0, "”"), e.start, 0, "“")),
  "copy elsewhere, original changed": (e) => {
    const changed = changeCharacter(e);
    if (!changed) return undefined;
    const exact = e.text.slice(e.start, e.end);
    // The copy goes in a paragraph of its own at the far end of the text.
    return kept(e.start > e.text.length / 2 ? splice(changed, 0, 0, `${exact}\n`) : splice(changed, changed.text.length, 0, `\n${exact}`));
  },
  "whitespace changed": (e, { quote }) => {
    let edited = e;
    const from = Math.max(0, e.start - quote.prefix.length);
    // From the end backwards, so that earlier offsets stay put.
    for (let i = Math.min(e.text.length, e.end + quote.suffix.length) - 1; i >= from; i--) {
      if (e.text[i] === " ") edited = splice(edited, i, 1, "  ");
      else if (e.text[i] === "\n") edited = splice(edited, i, 1, " ");
    }
    return edited.text === e.text ? undefined : kept(edited);
  },
};

/**
 * The edit families over every peer case with one right place whose selectors describe
 * it (its quote is the text there) with some context to tell it from a copy, and the
 * passages copied with their whole context.
 */
export function editedCases(): AnchoringCase[] {
  const seen = new Set<string>();
  const cases: AnchoringCase[] = [];
  for (const base of peerCases()) {
    if (base.expected.length !== 1 || base.orphanAllowed) continue;
    const [{ start, end }] = base.expected;
    const { prefix, exact, suffix } = base.selectors.quote;
    if (base.text.slice(start, end) !== exact || prefix + suffix === "") continue;
    const key = `${base.text.length}:${start}:${end}:${base.selectors.quote.prefix}:${base.selectors.quote.suffix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const original = { text: base.text, start, end };
    for (const [family, edit] of Object.entries(EDITS)) {
      const edited = edit(original, base.selectors);
      if (edited) cases.push({ family, name: base.name, ...edited, selectors: base.selectors, orphanAllowed: false });
    }
    // A headline before the text shifts the original; the copy with its whole context is another right answer.
    const shifted = splice(original, 0, 0, "Update: ");
    const copied = splice(shifted, shifted.text.length, 0, `\n${prefix}${exact}${suffix}`);
    const copyStart = copied.text.length - suffix.length - exact.length;
    cases.push({
      family: AMBIGUOUS_FAMILIES[0],
      name: base.name,
      text: copied.text,
      selectors: base.selectors,
      expected: [{ start: copied.start, end: copied.end }, { start: copyStart, end: copyStart + exact.length }],
      orphanAllowed: true,
    });
  }
  return cases;
}
