import { applyEdits, decodeUpload, detectFormat, furnitureLeftIn, importArticleSource, ImportError, MAX_SOURCE_BYTES, uploadProblem } from "./index";
import { canonicalText } from "../anchoring/canonical-text";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("importArticleSource", () => {
  it("imports each format with its title and the document's canonical text", () => {
    const text = importArticleSource({ format: "TEXT", content: "A Headline\n\nFirst paragraph.\nSecond." });
    expect(text).toMatchObject({ title: "A Headline", titleIsGuess: false, canonicalText: "First paragraph.\nSecond." });

    const markdown = importArticleSource({ format: "MARKDOWN", content: "# A *Markdown* Headline\n\nBody **text**." });
    expect(markdown).toMatchObject({ title: "A Markdown Headline", titleIsGuess: false, canonicalText: "Body text." });

    const html = importArticleSource({ format: "HTML", content: "<title>An HTML Headline</title><p>Body</p><ul><li>Item</li></ul>" });
    expect(html).toMatchObject({ title: "An HTML Headline", titleIsGuess: false, canonicalText: "Body\nItem" });

    for (const imported of [text, markdown, html]) expect(imported.canonicalText).toBe(canonicalText(imported.doc));
  });

  it("guesses the title from the first sentence when HTML or Markdown names none", () => {
    expect(importArticleSource({ format: "HTML", content: "<p> </p><h2>Mr. Smith went to Washington. He stayed.</h2><p>More.</p>" })).toMatchObject({
      title: "Mr. Smith went to Washington.",
      titleIsGuess: true,
    });
    const long = `${"word ".repeat(50)}end.`;
    const guessed = importArticleSource({ format: "MARKDOWN", content: long }).title;
    expect(guessed).toMatch(/^word word .*…$/);
    expect(guessed.length).toBeLessThanOrEqual(161);
  });

  it("cuts a title longer than 300 characters at a word", () => {
    const title = importArticleSource({ format: "HTML", content: `<h1>${"headline ".repeat(50)}</h1><p>Body</p>` }).title;
    expect(title.length).toBeLessThanOrEqual(301);
    expect(title).toMatch(/^headline headline .*headline…$/);
  });

  it("strips a BOM and NUL characters from pasted content", () => {
    const html = importArticleSource({ format: "HTML", content: "\uFEFF<p>Te\u0000xt</p>" });
    expect(html.canonicalText).toBe("Text");
    expect(importArticleSource({ format: "MARKDOWN", content: "\uFEFF# Title\n\nBody" }).title).toBe("Title");
  });

  it("rejects an empty document in every format", () => {
    for (const format of ["TEXT", "MARKDOWN", "HTML"] as const) {
      for (const content of ["", " \n ", "\uFEFF"]) {
        expect(() => importArticleSource({ format, content })).toThrow(new ImportError("The document is empty."));
      }
    }
    expect(() => importArticleSource({ format: "HTML", content: "<script>alert(1)</script><style>p{}</style>" })).toThrow("The document is empty.");
  });

  it("has a canonical text equal to the visible text blocks of imported HTML", () => {
    const html = `<html><head><title>T</title></head><body>
      <p>Paragraph   one with <b>bold</b>
      and <a href="javascript:alert(1)">a bad link</a>.</p>
      <script>document.write("hidden")</script>
      <h3>Sub&shy;heading &amp; more</h3>
      <blockquote><p>“Quoted,” she said.</p></blockquote>
      <ol><li>First<br>second line</li><li><p>Second item</p></li></ol>
      </body></html>`;
    expect(importArticleSource({ format: "HTML", content: html }).canonicalText).toBe(
      ["Paragraph one with bold and a bad link.", "Sub\u00ADheading & more", "“Quoted,” she said.", "First\nsecond line", "Second item"].join("\n"),
    );
  });
});

describe("detectFormat", () => {
  it("lets an explicit choice win", () => {
    expect(detectFormat("<p>html</p>", "TEXT")).toBe("TEXT");
    expect(detectFormat("plain", "MARKDOWN")).toBe("MARKDOWN");
    expect(detectFormat("# md", "HTML")).toBe("HTML");
  });

  it("detects HTML by its block-level tags", () => {
    for (const content of ["<!DOCTYPE html><html><body>x</body></html>", "  <html>", "Text then <p class='x'>a paragraph</p>", "<DIV>x</DIV>", "<h2>Sub</h2>", "<ul><li>a</li></ul>", "<article>x</article>"]) {
      expect(detectFormat(content)).toBe("HTML");
    }
  });

  it("detects Markdown by headings, bullets, quotes and links", () => {
    for (const content of ["# Title\nBody", "Intro\n## Sub", "Intro\n- item", "Intro\n* item", "> quoted", "See [the report](https://example.com)."]) {
      expect(detectFormat(content)).toBe("MARKDOWN");
    }
  });

  it("takes anything else as plain text", () => {
    for (const content of ["A Headline\n\nA paragraph.", "Price: 5 < 6 and <b>inline</b> tags", "#hashtag at the start", "—dash", "Not a [link] (here)"]) {
      expect(detectFormat(content)).toBe("TEXT");
    }
  });
});

describe("decodeUpload", () => {
  it("reads UTF-8 text with the format of its extension, dropping a BOM", () => {
    expect(decodeUpload("story.txt", bytes("\uFEFFHällo"))).toEqual({ format: "TEXT", content: "Hällo" });
    expect(decodeUpload("story.md", bytes("# T"))).toEqual({ format: "MARKDOWN", content: "# T" });
    expect(decodeUpload("Story.MARKDOWN", bytes("x"))).toEqual({ format: "MARKDOWN", content: "x" });
    expect(decodeUpload("page.html", bytes("<p>x</p>"))).toEqual({ format: "HTML", content: "<p>x</p>" });
    expect(decodeUpload("page.v2.HTM", bytes("x"))).toEqual({ format: "HTML", content: "x" });
  });

  it("accepts exactly 2 MB and refuses one byte more", () => {
    expect(decodeUpload("big.txt", new Uint8Array(MAX_SOURCE_BYTES).fill(0x61)).content).toHaveLength(MAX_SOURCE_BYTES);
    expect(() => decodeUpload("big.txt", new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61))).toThrow(new ImportError("The file is larger than 2 MB."));
  });

  it("refuses an empty file", () => {
    expect(() => decodeUpload("empty.txt", new Uint8Array())).toThrow(new ImportError("The file is empty."));
  });

  it("refuses files that are not text", () => {
    expect(() => decodeUpload("nul.txt", Uint8Array.of(0x61, 0x00, 0x62))).toThrow(new ImportError("The file is not text (it contains NUL bytes)."));
    // UTF-16 text is full of NUL bytes.
    expect(() => decodeUpload("utf16.txt", Uint8Array.of(0xff, 0xfe, 0x61, 0x00))).toThrow(/^The file is not text/);
    for (const invalid of [Uint8Array.of(0xc3, 0x28), Uint8Array.of(0xff), Uint8Array.of(0x61, 0xe2, 0x82), Uint8Array.of(0xed, 0xa0, 0x80)]) {
      expect(() => decodeUpload("bad.md", invalid)).toThrow(new ImportError("The file is not text (it is not valid UTF-8)."));
    }
  });

  it("refuses unknown file types, naming the ones it takes", () => {
    const message = "Choose a .txt, .md, .markdown, .html or .htm file.";
    for (const name of ["photo.png", "doc.pdf", "noextension", "story.txt.exe", "file.constructor", "file.__proto__", ".txt."]) {
      expect(() => decodeUpload(name, bytes("text"))).toThrow(new ImportError(message));
    }
  });

  it("checks what it can before reading the file", () => {
    expect(uploadProblem("a.txt", 10)).toBeNull();
    expect(uploadProblem("a.txt", MAX_SOURCE_BYTES + 1)).toBe("The file is larger than 2 MB.");
    expect(uploadProblem("a.txt", 0)).toBe("The file is empty.");
    expect(uploadProblem("a.doc", 10)).toBe("Choose a .txt, .md, .markdown, .html or .htm file.");
  });
});

describe("furnitureLeftIn", () => {
  const text = [
    "Council approves harbour budget",
    "The council approved the harbour budget on Tuesday by 31 votes to 12.",
    "Sign up for our newsletter to get the latest local news.",
    "Work starts in March.",
  ].join("\n");

  it("counts the paragraphs of a stored article that look like site furniture, and none once they are left out", () => {
    const imported = importArticleSource({ format: "TEXT", content: text });
    expect(furnitureLeftIn(imported.doc, imported.title)).toBe(1);
    expect(furnitureLeftIn(applyEdits(imported, null).doc, imported.title)).toBe(0);
  });
});
