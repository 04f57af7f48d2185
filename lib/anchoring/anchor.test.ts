import fc from "fast-check";
import { anchor, type AnchorResult } from "./anchor";
import { FUZZY_MAX_EDIT_SHARE, FUZZY_MAX_WORK, editDistance, type FuzzyBudget } from "./fuzzy";
import { describeSpan, isValidSpan } from "./selectors";
import { longProse, noise } from "./test-fixtures";

/** Selectors for the first occurrence of `exact` in `text`. */
function describe1(text: string, exact: string) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" not in text`);
  return describeSpan(text, start, start + exact.length);
}

function spanOf(text: string, exact: string) {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length };
}

describe("anchor", () => {
  const article =
    "The minister said unemployment fell to 4.1 percent in May, the lowest in a decade.\n" +
    "Critics said the figure hides part-time work. The minister said unemployment fell to 4.1 percent in May, again.";
  const claim = "unemployment fell to 4.1 percent in May";

  it("keeps the stored offsets when the text there is unchanged", () => {
    const selectors = describe1(article, claim);
    expect(anchor(article, selectors)).toEqual({ status: "anchored", ...spanOf(article, claim), method: "position", exact: claim, similarity: 1 });
  });

  it("finds the quote again after text was inserted before it", () => {
    const selectors = describe1(article, claim);
    const edited = "BREAKING: " + article;
    expect(anchor(edited, selectors)).toMatchObject({ status: "anchored", start: selectors.position.start + 10, method: "quote", exact: claim });
  });

  it("breaks a context tie by nearness to the old offsets when one place is clearly nearer", () => {
    // No context to tell the places apart: the one at the old offsets' side wins.
    const selectors = {
      position: { type: "TextPositionSelector" as const, start: 1, end: 8 },
      quote: { type: "TextQuoteSelector" as const, exact: "said no", prefix: "", suffix: "" },
    };
    expect(anchor("said no. said no. said no.", selectors)).toMatchObject({ status: "anchored", start: 0, method: "quote" });
  });

  it("orphans a span between places too close to call, and says so", () => {
    const text = "Intro text here. The claim was made. Outro text there.";
    const selectors = describe1(text, "The claim was made.");
    // The passage now twice with all its context, and the old offsets about as far from both.
    const edited = `${text} ${text}`;
    const between = { ...selectors, position: { ...selectors.position, start: 44, end: 63 } };
    expect(anchor(edited, between)).toEqual({ status: "orphaned", reason: "ambiguous: 2 places" });
  });

  it("weighs context by edit distance: a character added at the quote's edge does not lose that side (issue 21, cause 1)", () => {
    // Hypothesis's match-quote cases: two copies of the quote, told apart by approximate context.
    const text =
      "it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven";
    const quote = (exact: string, prefix: string, suffix: string) => ({
      position: { type: "TextPositionSelector" as const, start: 0, end: 0 },
      quote: { type: "TextQuoteSelector" as const, exact, prefix, suffix },
    });
    expect(anchor(text, quote("before us", "we had nothing", ""))).toMatchObject({ status: "anchored", start: text.indexOf("before us, we were") });
    expect(anchor(text, quote("we had", "", "nothing"))).toMatchObject({ status: "anchored", start: text.indexOf("we had nothing") });
    // The quote wrapped in quotation marks: one unit more on each side.
    const wrapped = text.replace("we had nothing before us", "we had nothing “before us”");
    expect(anchor(wrapped, quote("before us", "we had nothing ", ", we were"))).toMatchObject({ status: "anchored", start: wrapped.indexOf("before us”"), method: "quote" });
  });

  it("prefers the changed passage at the old place over an exact copy elsewhere with other context (issue 21, cause 2)", () => {
    const text = "Intro.\nLorem sed do eiusmod tempar. Alpha beta gamma.\nOther text.\nLorem sed do eiusmod tempor. Delta.";
    const selectors = {
      position: { type: "TextPositionSelector" as const, start: 7, end: 35 },
      quote: { type: "TextQuoteSelector" as const, exact: "Lorem sed do eiusmod tempor.", prefix: "Intro.\n", suffix: " Alpha beta gamma.\nOther text.\nLo" },
    };
    expect(anchor(text, selectors)).toMatchObject({ status: "anchored", start: 7, end: 35, method: "fuzzy", exact: "Lorem sed do eiusmod tempar." });
  });

  it("rejects the old offsets when their context changed, even if the quote is still there", () => {
    const text = "He said yes. She said yes.";
    const selectors = describeSpan(text, 3, 11); // "said yes" after He
    const edited = "XY said yes. He said yes. She said yes."; // offset 3 still reads "said yes"
    expect(anchor(edited, selectors)).toMatchObject({ status: "anchored", start: 16, method: "quote" });
  });

  it("accepts context cut short by the document's end as agreeing", () => {
    const text = "Prices rose sharply. Wages did not.";
    const selectors = describe1(text, "Prices rose sharply.");
    expect(anchor("Prices rose sharply. Wages", selectors)).toMatchObject({ status: "anchored", start: 0, method: "position" });
  });

  it("finds a quote with a corrected typo fuzzily and reports the new text", () => {
    const typo = "unemployment fell to 4.1 percnet in May";
    const text = `The minister said ${typo}, the lowest in a decade.`;
    const selectors = describe1(text, typo);
    const fixed = text.replace("percnet", "percent");
    const result = anchor(fixed, selectors);
    expect(result).toMatchObject({ status: "anchored", ...spanOf(fixed, claim), method: "fuzzy", exact: claim });
    expect(result.status === "anchored" && result.similarity).toBeCloseTo(1 - 2 / typo.length);
  });

  it("moves the start to the changed first word, not into it", () => {
    const exact = "Prices rose by a fifth over the year, the agency said in its monthly bulletin";
    const text = `Officials were worried. ${exact}.`;
    const edited = text.replace("Prices", "Costs");
    expect(anchor(edited, describe1(text, exact))).toMatchObject({ status: "anchored", method: "fuzzy", exact: exact.replace("Prices", "Costs") });
  });

  it("re-anchors a quote whose curly quotes became straight ones as fuzzy", () => {
    const text = "At the rally he said “we will win this state easily” to cheers.";
    const selectors = describe1(text, "“we will win this state easily”");
    const edited = text.replace(/[“”]/g, '"');
    expect(anchor(edited, selectors)).toMatchObject({ status: "anchored", method: "fuzzy", exact: '"we will win this state easily"' });
  });

  it("re-anchors across an NBSP turned into a space, and a composed é decomposed, as fuzzy", () => {
    const text = "The report on the café market put sales at 10\u00a0million euros last year, it said.";
    const exact = "café market put sales at 10\u00a0million euros";
    const edited = text.replace("\u00a0", " ").replace("é", "e\u0301");
    expect(anchor(edited, describe1(text, exact))).toMatchObject({
      status: "anchored",
      method: "fuzzy",
      exact: "cafe\u0301 market put sales at 10 million euros",
    });
  });

  it("never cuts an emoji in half", () => {
    const text = "Fans 😀😀 cheered 😀 loudly when the team won the final 😀 match.";
    const exact = "😀 loudly when the team won the final 😀";
    const selectors = describe1(text, exact);
    const edited = text.replace("won", "wonn");
    const result = anchor(edited, selectors) as Extract<AnchorResult, { status: "anchored" }>;
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy", exact: "😀 loudly when the team wonn the final 😀" });
    expect(isValidSpan(edited, result.start, result.end)).toBe(true);
  });

  it("re-anchors Arabic and Hebrew quotes", () => {
    const text = "قال الوزير إن البطالة انخفضت في مايو.\nאמר השר כי האבטלה ירדה במאי.";
    for (const exact of ["البطالة انخفضت في مايو", "האבטלה ירדה במאי"]) {
      const selectors = describe1(text, exact);
      expect(anchor(text, selectors)).toMatchObject({ method: "position", exact });
      expect(anchor("מבזק: " + text, selectors)).toMatchObject({ method: "quote", start: selectors.position.start + 6, exact });
    }
  });

  it("orphans a span whose text was deleted", () => {
    const selectors = describe1(article, "Critics said the figure hides part-time work.");
    expect(anchor(article.replace("Critics said the figure hides part-time work. ", ""), selectors)).toEqual({ status: "orphaned", reason: "not found" });
  });

  it("finds a span with a word rewritten, fuzzily, where its context agrees", () => {
    const exact = "unemployment fell to 4.1 percent in May, the lowest in a decade";
    const selectors = describe1(article, exact);
    const rewritten = "joblessness fell to 4.1 percent in May, the lowest in a decade";
    expect(anchor(article.replace(exact, rewritten), selectors)).toMatchObject({ status: "anchored", start: selectors.position.start, method: "fuzzy", exact: rewritten });
  });

  it("orphans a span rewritten beyond FUZZY_MAX_EDIT_SHARE of its length", () => {
    const text = "The minister said unemployment fell to 4.1 percent in May, the lowest in a decade.";
    const exact = "unemployment fell to 4.1 percent in May, the lowest in a decade";
    const rewritten = "joblessness dropped to a record low last spring, officials said";
    expect(anchor(text.replace(exact, rewritten), describe1(text, exact))).toEqual({ status: "orphaned", reason: "not found" });
  });

  it("orphans a slightly changed span whose context is gone too", () => {
    const text = "Intro paragraph that will be replaced entirely.\nPrices rose by a fifth over the year.";
    const selectors = describe1(text, "Prices rose by a fifth over the year");
    expect(anchor("Something completely different now.\nPrices rose by a fifth over the yeer!!", selectors)).toEqual({ status: "orphaned", reason: "not found" });
    // The same change with the context intact is found.
    expect(anchor(text.replace("year", "yeer"), selectors)).toMatchObject({ status: "anchored", method: "fuzzy" });
  });

  it("finds a short quote with one character changed where its context agrees", () => {
    const text = "It fell 4% in May.";
    const selectors = describe1(text, "fell 4%");
    expect(anchor(text.replace("4%", "5%"), selectors)).toMatchObject({ status: "anchored", start: 3, end: 10, method: "fuzzy", exact: "fell 5%" });
  });

  it("finds a span whose first character changed into one its prefix ends with (a property run's counterexample)", () => {
    // The search's best alignment starts a unit early ("“" + "#" inserted), where the prefix
    // disagrees; the start its prefix agrees with is one unit on.
    const text = "’““4.1% in a👍🏽";
    const selectors = describeSpan(text, 2, 16);
    const edited = `${text.slice(0, 2)}#${text.slice(3)}`;
    expect(anchor(edited, selectors)).toEqual({ status: "anchored", start: 2, end: 16, method: "fuzzy", exact: edited.slice(2, 16), similarity: 1 - 1 / 14 });
  });

  it("orphans a blank quote", () => {
    expect(anchor("a  b", { position: { type: "TextPositionSelector", start: 1, end: 3 }, quote: { type: "TextQuoteSelector", exact: "  ", prefix: "a", suffix: "b" } })).toEqual({
      status: "orphaned",
      reason: "not found",
    });
  });
});

// Random texts: words, punctuation, newlines (block separators) and the awkward characters.
const UNITS = ["The ", "claim ", "rose ", "4.1% ", "in ", "May", ", ", ". ", "\n", "a", "é", "e\u0301", "😀", "👍🏽", "مرحبا ", "שלום ", "“", "”", "’", "\u00a0", "—"];
const textArb = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 60 });

/** A text and a valid span in it (widened to whole surrogate pairs). */
const textAndSpanArb = textArb
  .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)))
  .map(([text, a, b]) => {
    let [start, end] = a <= b ? [a, b] : [b, a];
    if (isValidSpan(text, start - 1, start + 1) && !isValidSpan(text, start, end)) start -= 1;
    if (isValidSpan(text, end - 1, end + 1) && !isValidSpan(text, start, end)) end += 1;
    return { text, start, end };
  })
  .filter(({ text, start, end }) => isValidSpan(text, start, end));

/** An edit: delete up to `remove` units at `at` (taken modulo the allowed places) and insert `insert`. */
const editArb = fc.record({ at: fc.nat(), remove: fc.nat(6), insert: fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 3 }), before: fc.boolean() });
type Edit = { at: number; remove: number; insert: string };

function applyEdit(text: string, from: number, to: number, { at, remove, insert }: Edit) {
  const place = from + (at % (to - from + 1));
  const removed = Math.min(remove, to - place);
  return { text: text.slice(0, place) + insert + text.slice(place + removed), shift: insert.length - removed };
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) count++;
  return count;
}

const RUNS = { numRuns: 500 };

describe("anchor properties (random texts and spans)", () => {
  it("re-anchors describeSpan's selectors on the unchanged text by position", () => {
    fc.assert(
      fc.property(textAndSpanArb, ({ text, start, end }) => {
        expect(anchor(text, describeSpan(text, start, end))).toEqual({ status: "anchored", start, end, method: "position", exact: text.slice(start, end), similarity: 1 });
      }),
      RUNS,
    );
  });

  it("finds the same text again after edits outside the span and its context", () => {
    fc.assert(
      fc.property(textAndSpanArb, fc.array(editArb, { minLength: 1, maxLength: 3 }), ({ text, start, end }, edits) => {
        const selectors = describeSpan(text, start, end);
        const { exact, prefix, suffix } = selectors.quote;
        let edited = text;
        let newStart = start;
        for (const edit of edits) {
          // Edit before the prefix, or after the suffix.
          const contextStart = newStart - prefix.length;
          const contextEnd = newStart + exact.length + suffix.length;
          if (edit.before) {
            const applied = applyEdit(edited, 0, contextStart, edit);
            edited = applied.text;
            newStart += applied.shift;
          } else {
            edited = applyEdit(edited, contextEnd, edited.length, edit).text;
          }
        }
        const result = anchor(edited, selectors);
        // Orphaned only between places with the same quote and context: too close to call.
        if (result.status === "orphaned") {
          expect(result.reason).toMatch(/^ambiguous: \d+ places$/);
          expect(occurrences(edited, prefix + exact + suffix)).toBeGreaterThan(1);
          return;
        }
        expect(result).toMatchObject({ status: "anchored", exact });
        expect(["position", "quote"]).toContain(result.method);
        expect(edited.slice(result.start, result.end)).toBe(exact);
        // Where the whole quote with its context is unique, it is that place.
        if (occurrences(edited, prefix + exact + suffix) === 1) expect(result.start).toBe(newStart);
      }),
      RUNS,
    );
  });

  it("after edits anywhere, orphans or anchors on the same text, or says fuzzy with similar text", () => {
    fc.assert(
      fc.property(textAndSpanArb, fc.array(editArb, { minLength: 1, maxLength: 3 }), ({ text, start, end }, edits) => {
        const selectors = describeSpan(text, start, end);
        const { exact } = selectors.quote;
        const edited = edits.reduce((t, edit) => applyEdit(t, 0, t.length, edit).text, text);
        const result = anchor(edited, selectors);
        if (result.status === "orphaned") return;
        expect(isValidSpan(edited, result.start, result.end)).toBe(true);
        expect(edited.slice(result.start, result.end)).toBe(result.exact);
        if (result.method === "fuzzy") {
          expect(result.exact).not.toBe(exact);
          expect(1 - editDistance(exact, result.exact) / exact.length).toBeCloseTo(result.similarity, 9);
          expect(result.similarity).toBeGreaterThanOrEqual(1 - FUZZY_MAX_EDIT_SHARE);
        } else {
          expect(result.exact).toBe(exact);
        }
      }),
      RUNS,
    );
  });

  it("finds a span with one changed character fuzzily, in the same place", () => {
    const longUniqueSpan = textAndSpanArb.filter(({ text, start, end }) => end - start >= 10 && occurrences(text, text.slice(start, end)) === 1);
    fc.assert(
      fc.property(longUniqueSpan, fc.nat(), ({ text, start, end }, at) => {
        const selectors = describeSpan(text, start, end);
        // A BMP unit (not half an emoji) becomes "#", which no random text contains.
        const bmp = [...Array(end - start).keys()].map((k) => start + k).filter((i) => !/[\uD800-\uDFFF]/.test(text[i]));
        fc.pre(bmp.length > 0);
        const i = bmp[at % bmp.length];
        const edited = text.slice(0, i) + "#" + text.slice(i + 1);
        expect(anchor(edited, selectors)).toEqual({
          status: "anchored",
          start,
          end,
          method: "fuzzy",
          exact: edited.slice(start, end),
          similarity: 1 - 1 / (end - start),
        });
      }),
      RUNS,
    );
  });
});

/**
 * The edits issue 21 found misplacing spans: the quote wrapped in quotation marks, a word
 * inserted just before it, a copy of the quote elsewhere, a copy of the whole passage (the
 * quote with all its context) elsewhere; each with or without one character of the quote
 * changed.
 */
const EDGE_EDITS = ["quote wrapped", "word inserted before", "quote copied", "passage copied"] as const;

function edgeEdit(text: string, start: number, end: number, kind: (typeof EDGE_EDITS)[number], change: number | undefined) {
  const { prefix, exact, suffix } = describeSpan(text, start, end).quote;
  // One BMP unit of the quote (not half an emoji) becomes "#", which no random text contains.
  const bmp = [...exact].flatMap((char, i, chars) => (char.length === 1 ? [chars.slice(0, i).join("").length] : []));
  const changed = change === undefined || bmp.length === 0 ? exact : exact.slice(0, bmp[change % bmp.length]) + "#" + exact.slice(bmp[change % bmp.length] + 1);
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (kind === "quote wrapped") return { edited: `${before}“${changed}”${after}`, at: [start + 1] };
  if (kind === "word inserted before") return { edited: `${before}Reportedly ${changed}${after}`, at: [start + 11] };
  if (kind === "quote copied") return { edited: `${before}${changed}${after}\n${exact}`, at: [start] };
  const copy = `${prefix}${exact}${suffix}`;
  return { edited: `${before}${changed}${after}\n${copy}`, at: [start, text.length + 1 + prefix.length] };
}

describe("anchor never lands on other text after the edits that misplaced spans (issue 21)", () => {
  it("finds the passage, or orphans it, but never puts it elsewhere (a copy of the whole passage is as good a place)", () => {
    // A unique quote with context enough to tell it from a copy (a unit or two of context is not).
    const uniqueSpan = textAndSpanArb.filter(({ text, start, end }) => {
      const { prefix, exact, suffix } = describeSpan(text, start, end).quote;
      return exact.length >= 4 && prefix.length + suffix.length >= 8 && occurrences(text, exact) === 1;
    });
    fc.assert(
      fc.property(uniqueSpan, fc.constantFrom(...EDGE_EDITS), fc.option(fc.nat()), ({ text, start, end }, kind, change) => {
        const { edited, at } = edgeEdit(text, start, end, kind, change ?? undefined);
        // An edit that happens to make another exact copy of the quote (wrapping ".1% “4." in
        // quotation marks after "4.1% " makes "4.1% “4.") is a copy elsewhere, not this family.
        const exact = text.slice(start, end);
        const intendedCopies = (change === null ? 1 : 0) + (kind === "quote copied" || kind === "passage copied" ? 1 : 0);
        fc.pre(occurrences(edited, exact) <= intendedCopies);
        const result = anchor(edited, describeSpan(text, start, end));
        if (result.status === "orphaned") return;
        // Landed on the passage: at least half of the two spans' union in common.
        const length = end - start;
        const onPassage = at.some((s) => Math.min(s + length, result.end) - Math.max(s, result.start) >= (Math.max(s + length, result.end) - Math.min(s, result.start)) / 2);
        expect({ kind, edited, landed: edited.slice(result.start, result.end), onPassage }).toMatchObject({ onPassage: true });
      }),
      RUNS,
    );
  });
});

describe("the work of one fuzzy search on a long text", () => {
  // 1.2 million units: issue 19 has Verity import 1 MB articles.
  const text = longProse(1_200_000);
  const at = text.indexOf(" ", 800_000) + 1;
  const selectors = describeSpan(text, at, at + 660);
  // One unit of the 660 changed: only a fuzzy search finds it.
  const edited = text.slice(0, at + 100) + "#" + text.slice(at + 101);
  const fuzzyHere = { status: "anchored", start: at, end: at + 660, method: "fuzzy" };

  function spent(run: (budget: FuzzyBudget) => AnchorResult) {
    const budget = { cells: 10 * FUZZY_MAX_WORK };
    const result = run(budget);
    return { result, cells: 10 * FUZZY_MAX_WORK - budget.cells };
  }

  it("finds a changed quote near its old place, spending at most FUZZY_MAX_WORK", () => {
    const { result, cells } = spent((budget) => anchor(edited, selectors, budget));
    expect(result).toMatchObject(fuzzyHere);
    expect(cells).toBeGreaterThan(0);
    expect(cells).toBeLessThanOrEqual(FUZZY_MAX_WORK);
  });

  it("orphans a quote that is in no form in the text, spending at most FUZZY_MAX_WORK", () => {
    const quote = { ...selectors.quote, exact: noise(660, 7) };
    const { result, cells } = spent((budget) => anchor(text, { ...selectors, quote }, budget));
    expect(result).toEqual({ status: "orphaned", reason: "not found" });
    expect(cells).toBeLessThanOrEqual(FUZZY_MAX_WORK);
  });

  it("searches the text nearest the stored position: a changed quote that moved far is orphaned, not searched for everywhere", () => {
    const far = { ...selectors, position: { ...selectors.position, start: at - 600_000, end: at - 600_000 + 660 } };
    const { result, cells } = spent((budget) => anchor(edited, far, budget));
    expect(result).toEqual({ status: "orphaned", reason: "not found" });
    expect(cells).toBeLessThanOrEqual(FUZZY_MAX_WORK);
  });

  it("searches nothing once the caller's budget is spent", () => {
    const budget = { cells: 0 };
    expect(anchor(edited, selectors, budget)).toEqual({ status: "orphaned", reason: "work spent" });
    expect(budget.cells).toBe(0);
    // What is still there word for word needs no fuzzy search.
    expect(anchor(text, selectors, budget)).toMatchObject({ status: "anchored", start: at, method: "position" });
  });
});
