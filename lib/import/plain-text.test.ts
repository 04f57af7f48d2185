import fs from "fs";
import path from "path";
import fc from "fast-check";
import { importPlainText, ImportError, splitSentences } from "./plain-text";
import { canonicalText } from "../anchoring/canonical-text";
import type { BlockNode } from "../documents/schema";

const seedsDir = path.join(__dirname, "../../seeds");

function seed(prefix: string): string {
  const file = fs.readdirSync(seedsDir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(seedsDir, file), "utf8");
}

function blockText(block: BlockNode): string {
  return canonicalText({ type: "doc", content: [block] });
}

function bodyLines(raw: string): string[] {
  return importPlainText(raw).doc.content.map(blockText);
}

function sentences(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}

describe("importPlainText on the seed articles", () => {
  it("000: takes the title line and starts the body after the blank line", () => {
    const { title, titleIsGuess, doc } = importPlainText(seed("000_"));
    expect(title).toBe("Ukraine advocates tear into Hegseth for giving Russia ‘concessions’ at start of peace talks: ‘Biggest gift’");
    expect(titleIsGuess).toBe(false);
    expect(doc.content[0].type).toBe("paragraph");
    expect(blockText(doc.content[0])).toMatch(/^Ukraine advocates are expressing outrage after/);
    expect(doc.content).toHaveLength(8);
  });

  it("001: takes the title line and turns subheadings into level-2 headings", () => {
    const { title, titleIsGuess, doc } = importPlainText(seed("001_"));
    expect(title).toBe("Trump’s Early Concessions to Russia Raise Concerns Amid Ukraine Peace Talks");
    expect(titleIsGuess).toBe(false);
    expect(blockText(doc.content[0])).toMatch(/^WASHINGTON\/PARIS — U\.S\. President Donald Trump/);
    const headings = doc.content.filter((block) => block.type === "heading");
    expect(headings.every((block) => block.attrs.level === 2)).toBe(true);
    // A question can be a subheading; the trailing title repetition is far from
    // the title, so it stays too.
    expect(headings.map(blockText)).toEqual([
      "A Question of Leverage",
      "A Concession to Reality?",
      "A Risky Precedent",
      "Minerals for Security",
      "A Fragile Path Forward",
      "Reference",
      title,
    ]);
  });

  it("002: keeps the summary before the title and drops both title copies", () => {
    const { title, titleIsGuess, doc } = importPlainText(seed("002_"));
    expect(title).toBe("Unsettling Clarity in Trump's Ukraine Strategy Raises Concerns Among Allies");
    expect(titleIsGuess).toBe(false);
    const texts = doc.content.map(blockText);
    expect(doc.content[0].type).toBe("paragraph");
    expect(texts[0]).toMatch(/^A recent speech by US Defence Secretary Pete Hegseth/);
    expect(texts[1]).toMatch(/^Conflicting statements from Trump's administration/);
    expect(texts).not.toContain(title);
  });

  it("003: without a title line, guesses the first sentence cut at a word", () => {
    const raw = seed("003_");
    const { title, titleIsGuess, doc } = importPlainText(raw);
    expect(titleIsGuess).toBe(true);
    expect(title).toBe(
      "Defense Secretary Pete Hegseth on Thursday pulled back some of the peace deal concessions he demanded of Ukraine a day earlier, including no NATO membership for…",
    );
    expect(title.length - 1).toBeLessThanOrEqual(160);
    expect(blockText(doc.content[0])).toBe(raw.split("\n")[0]);
  });

  it("makes no blank blocks and no text with stray whitespace", () => {
    for (const prefix of ["000_", "001_", "002_", "003_"]) {
      for (const block of importPlainText(seed(prefix)).doc.content) {
        expect(blockText(block)).toMatch(/^\S(.*\S)?$/);
        expect(blockText(block)).not.toMatch(/\s\s|\n/);
      }
    }
  });
});

describe("importPlainText", () => {
  it("normalises line endings, a BOM, and spaces and tabs within lines", () => {
    const raw = "\uFEFFThe Title \r\n\r\n  First \t para  text. \rSecond.\n\n\n";
    expect(importPlainText(raw)).toMatchObject({ title: "The Title", titleIsGuess: false });
    expect(bodyLines(raw)).toEqual(["First para text.", "Second."]);
  });

  it("rejects input with nothing but whitespace", () => {
    for (const raw of ["", "  \n\t\r\n ", "\uFEFF"]) {
      expect(() => importPlainText(raw)).toThrow(ImportError);
      expect(() => importPlainText(raw)).toThrow("The document is empty.");
    }
  });

  it.each([
    "Already a subscriber? Log in",
    "Sign up for our newsletter",
    "Advertisement",
  ])("never takes a pasted first line of site furniture for the title: %s", (furniture) => {
    const raw = `${furniture}\n\nCouncil approves harbour expansion\n\nThe city council voted 7-2 on Tuesday to expand the harbour.`;
    expect(importPlainText(raw).title).toBe("Council approves harbour expansion");
  });

  it("keeps a lone line as a paragraph and guesses the title from it", () => {
    const { title, titleIsGuess, doc } = importPlainText("Just one short line");
    expect({ title, titleIsGuess }).toEqual({ title: "Just one short line", titleIsGuess: true });
    expect(doc.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "Just one short line" }] }]);
  });

  it("drops a repeated title only when more body follows", () => {
    expect(bodyLines("Title\n\n\nTitle\nBody.")).toEqual(["Body."]);
    expect(importPlainText("Title\nTitle").title).toBe("Title");
    expect(bodyLines("Title\nTitle")).toEqual(["Title"]);
  });

  it("accepts a headline ending in a quote, but not one ending in punctuation inside quotes", () => {
    expect(importPlainText("Officials call it a ‘gift’\nBody.").title).toBe("Officials call it a ‘gift’");
    const quoted = importPlainText("He said “no.”\nBody.");
    expect(quoted).toMatchObject({ title: "He said “no.”", titleIsGuess: true });
  });

  it("looks for the title only in the first three lines and only up to 200 chars", () => {
    expect(importPlainText("One.\nTwo.\nThree.\nA Headline\nText.").titleIsGuess).toBe(true);
    expect(importPlainText(`${"word ".repeat(40)}long\nText.`).titleIsGuess).toBe(true);
  });

  it("cuts a guessed title at a word boundary, or hard when there is no space", () => {
    const long = `${"x".repeat(170)}. Next.`;
    expect(importPlainText(long).title).toBe(`${"x".repeat(160)}…`);
    expect(importPlainText(`${"ab ".repeat(60)}end. Next.`).title).toBe(`${"ab ".repeat(53).trim()}…`);
  });

  it("makes short capitalised lines without closing punctuation level-2 headings", () => {
    const doc = importPlainText(
      [
        "Title",
        "2024 in Review",
        "lower-case start",
        "Ends with a colon:",
        "One two three four five six seven eight nine ten eleven twelve thirteen",
        "“Quoted” start",
        "Said “it.”",
      ].join("\n"),
    ).doc;
    expect(doc.content.map((block) => block.type)).toEqual(["heading", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
    expect(doc.content[0]).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "2024 in Review" }] });
  });

  // A normalised line: words without whitespace, one space between them.
  const char = fc.oneof(
    fc.constantFrom(..."aAzZ09.!?:;,’”“‘\"'…—-()[]éŠ😀"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );
  const word = fc
    .string({ unit: char, minLength: 1, maxLength: 6 })
    .map((w) => w.replace(/\s/g, ""))
    .filter((w) => w !== "");
  const line = fc.oneof(
    fc.array(word, { minLength: 1, maxLength: 15 }).map((words) => words.join(" ")),
    // Repeats, so title copies and headline-looking lines come up often.
    fc.constantFrom("Title Line", "A Short Heading", "Ends with a period.", "Question?"),
  );
  const separator = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\n \t\r\n");
  const padding = fc.constantFrom("", " ", "\t", "  \t ");

  it("loses no text but the title lines, whatever the line endings and padding (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, separator, padding, padding), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (rows, bom) => {
          const lines = rows.map(([text]) => text);
          const raw = (bom ? "\uFEFF" : "") + rows.map(([text, sep, before, after]) => before + text + after + sep).join("");
          const { title, titleIsGuess, doc } = importPlainText(raw);

          let body = lines;
          if (titleIsGuess) {
            expect(lines[0].startsWith(title.replace(/…$/, ""))).toBe(true);
          } else {
            // The title is one of the first three lines; it and a repeat right below it go.
            const t = lines.indexOf(title);
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThan(3);
            const repeated = lines[t + 1] === title && t + 2 < lines.length;
            body = [...lines.slice(0, t), ...lines.slice(t + (repeated ? 2 : 1))];
          }
          expect(body.length).toBeGreaterThan(0);
          expect(doc.content.map(blockText)).toEqual(body);
          expect(canonicalText(doc)).toBe(body.join("\n"));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("splitSentences", () => {
  it("does not break after titles, month abbreviations, initials or dotted acronyms", () => {
    expect(sentences("Rep. Judy Chu spoke. Mr. Smith met Dr. Jones on Jan. 20 in St. Louis. It rained.")).toEqual([
      "Rep. Judy Chu spoke.",
      "Mr. Smith met Dr. Jones on Jan. 20 in St. Louis.",
      "It rained.",
    ]);
    expect(sentences("Vice President J. D. Vance spoke. George W. Bush did too.")).toEqual([
      "Vice President J. D. Vance spoke.",
      "George W. Bush did too.",
    ]);
    expect(sentences("The U.S. would not agree. Then U.S. President Trump left, e.g. early.")).toEqual([
      "The U.S. would not agree.",
      "Then U.S. President Trump left, e.g. early.",
    ]);
  });

  it("does not break inside decimals", () => {
    expect(sentences("Growth was 3.5 percent. Prices rose 2.1%. Done")).toEqual(["Growth was 3.5 percent.", "Prices rose 2.1%.", "Done"]);
  });

  it("ends a sentence after the quote that closes it, unless a lower-case word follows", () => {
    expect(sentences("He called it “an unrealistic objective.” He also spoke.")).toEqual([
      "He called it “an unrealistic objective.”",
      "He also spoke.",
    ]);
    expect(sentences("“Why?” she asked. “Because.” (It was late.) OK!")).toEqual([
      "“Why?” she asked.",
      "“Because.”",
      "(It was late.)",
      "OK!",
    ]);
  });

  it("treats ellipses as sentence ends only before an upper-case word", () => {
    expect(sentences("He paused… and went on. Well... Then it ended.")).toEqual([
      "He paused… and went on.",
      "Well...",
      "Then it ended.",
    ]);
  });

  it("always breaks at a newline, even after an abbreviation, and returns trimmed UTF-16 spans", () => {
    const text = "  Hi 😀.  There \nThey met in the U.S.\nThen left";
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 8 },
      { start: 10, end: 15 },
      { start: 17, end: 37 },
      { start: 38, end: 47 },
    ]);
    expect(sentences(text)).toEqual(["Hi 😀.", "There", "They met in the U.S.", "Then left"]);
  });

  it("finds nothing in blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
});
