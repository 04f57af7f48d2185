import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { importPlainText } from "@/lib/import/plain-text";
import { insideQuotation, MAX_QUOTED_PASSAGE_CHARS, queryWords, searchWords, splitPassages } from "@/lib/search/passages";

const texts = (text: string) => splitPassages(text).map((p) => p.text);

describe("splitPassages", () => {
  it("splits sentences and keeps their offsets into the text", () => {
    const text = "First sentence here. Second one! Third?\nA new block.";
    const passages = splitPassages(text);
    expect(passages.map((p) => p.text)).toEqual(["First sentence here.", "Second one!", "Third?", "A new block."]);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(passages.map((p) => p.ordinal)).toEqual([0, 1, 2, 3]);
  });

  it("does not break at abbreviations, acronyms and initials", () => {
    expect(texts("The U.S. would not commit troops. Rep. Judy Chu objected. George W. Bush agreed.")).toEqual([
      "The U.S. would not commit troops.",
      "Rep. Judy Chu objected.",
      "George W. Bush agreed.",
    ]);
  });

  it("ends a sentence at a clock time's \"p.m.\" or \"a.m.\" when a new sentence follows, not before a day, a month or a time zone", () => {
    const text = "The meeting began at 7 p.m. The mayor spoke first. Doors open at 8 a.m. Monday to Saturday and at 10 a.m. in May. It closes at 9 p.m. ET on Sundays.";
    expect(texts(text)).toEqual([
      "The meeting began at 7 p.m.",
      "The mayor spoke first.",
      "Doors open at 8 a.m. Monday to Saturday and at 10 a.m. in May.",
      "It closes at 9 p.m. ET on Sundays.",
    ]);
  });

  it("ends a sentence at an acronym closed by a quotation mark, not at one inside a sentence", () => {
    expect(texts("He wants “a united position from Ukraine, Europe, and the U.S.” The U.S. and Europe agreed.")).toEqual([
      "He wants “a united position from Ukraine, Europe, and the U.S.”",
      "The U.S. and Europe agreed.",
    ]);
    expect(texts("The U.S. President spoke. Talks with the U.K. continue.")).toEqual(["The U.S. President spoke.", "Talks with the U.K. continue."]);
  });

  it("keeps a quotation over several sentences in one passage", () => {
    const text = "He spoke. “Regimes are watching closely. Let’s send the message.” Then he left.";
    expect(texts(text)).toEqual(["He spoke.", "“Regimes are watching closely. Let’s send the message.”", "Then he left."]);
    expect(texts('She said "It will not work. Nobody wants it." And that was all.')).toEqual([
      'She said "It will not work. Nobody wants it."',
      "And that was all.",
    ]);
  });

  it("lets a sentence go on after a quoted question or exclamation", () => {
    expect(texts("“Why?” she asked. Nobody answered.")).toEqual(["“Why?” she asked.", "Nobody answered."]);
  });

  it("never joins across a line break, even inside an unclosed quotation", () => {
    expect(texts("“The first paragraph of a long quote. It goes on.\n“And the quote continues here.”")).toEqual([
      "“The first paragraph of a long quote. It goes on.",
      "“And the quote continues here.”",
    ]);
  });

  it("stops joining an unclosed quotation at MAX_QUOTED_PASSAGE_CHARS", () => {
    const sentence = "This sentence is part of a very long quotation that never closes. ";
    const text = `“${sentence.repeat(40)}`.trim();
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(MAX_QUOTED_PASSAGE_CHARS);
  });

  it("makes nothing of empty or blank text", () => {
    expect(splitPassages("")).toEqual([]);
    expect(splitPassages(" \n\n \t")).toEqual([]);
  });

  it("splits the seed articles into their sentences, quotations kept whole", () => {
    const dir = path.join(process.cwd(), "seeds");
    const all = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => canonicalText(importPlainText(readFileSync(path.join(dir, f), "utf8")).doc));
    const passages = all.map(texts);
    expect(passages.map((p) => p.length)).toEqual([17, 45, 20, 20]);
    expect(passages[0]).toContain("In response to Hegseth’s comments, Rep. Judy Chu accused the Trump administration of prioritizing Russia’s interests over those of America and its allies.");
    expect(passages[1]).toContain("“Regimes are watching closely. Let’s send the message that violence and aggression don’t win out.”");
    expect(passages[3]).toContain(
      "Instead, she said, Europeans must “embrace our own economic, financial, and military capacity. And we will be the ones who will be deciding what will happen in Europe and in Ukraine.”",
    );
  });

  it("covers the text in order: each passage is its slice, none overlap, none cross a line", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A b.", " ", "\n", "“", "”", '"', "U.S.", "Rep.", "?", "!", "x", "Yes.", "…"), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        let previousEnd = 0;
        for (const p of splitPassages(text)) {
          expect(text.slice(p.start, p.end)).toBe(p.text);
          expect(p.start).toBeGreaterThanOrEqual(previousEnd);
          expect(p.text.trim()).toBe(p.text);
          expect(p.text).not.toBe("");
          expect(p.text).not.toContain("\n");
          previousEnd = p.end;
        }
      }),
    );
  });
});

describe("insideQuotation", () => {
  it("counts curly quotes in pairs, straight quotes by parity, and ignores apostrophes", () => {
    expect(insideQuotation("“Open and not closed.")).toBe(true);
    expect(insideQuotation("“Closed.”")).toBe(false);
    expect(insideQuotation('"Open.')).toBe(true);
    expect(insideQuotation('"Closed."')).toBe(false);
    expect(insideQuotation("Ukraine’s borders aren’t ‘negotiable’.")).toBe(false);
    expect(insideQuotation("A stray ” closer.")).toBe(false);
  });
});

describe("searchWords", () => {
  it("gives the text's words of 3 to 40 letters or digits, lower-cased, once each, sorted", () => {
    expect(searchWords("The U.S. said: the 2014 borders — Zelenskyy’s ‘borders’ — are not an option. " + "x".repeat(41))).toEqual([
      "2014", "are", "borders", "not", "option", "said", "the", "zelenskyy",
    ]);
  });

  it("keeps letters of every script", () => {
    expect(searchWords("Київ та Mérida")).toEqual(["mérida", "київ"]);
  });
});

describe("queryWords", () => {
  it("gives the words of a query once each, short ones too", () => {
    expect(queryWords("EU zelensky Zelensky, U.S.")).toEqual(["eu", "zelensky", "u", "s"]);
  });
});
