import { getSchema } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { importMarkdown } from "./markdown";
import { ImportError } from "./plain-text";
import { canonicalText } from "../anchoring/canonical-text";
import type { BlockNode, InlineNode, Mark } from "../documents/schema";

const schema = getSchema(articleSchemaExtensions);

function text(value: string, ...marks: Mark[]): InlineNode {
  return marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}
const p = (...content: InlineNode[]): BlockNode => ({ type: "paragraph", content });
const item = (...content: BlockNode[]) => ({ type: "listItem" as const, content });

describe("importMarkdown", () => {
  it("maps Markdown to the reader's nodes and marks", () => {
    const source = [
      "# The Title",
      "",
      "Intro with **bold**, *italic*, ***both*** and a [link](https://example.com/a \"t\").",
      "A soft break.  ",
      "A hard break before this.",
      "",
      "## Section",
      "",
      "#### Deep",
      "",
      "> Quoted",
      "> text",
      "",
      "- one",
      "- two",
      "",
      "3. third",
      "4. fourth",
      "",
      "---",
      "",
      "```",
      "code line 1",
      "  code line 2",
      "```",
      "",
      "Inline `code` and ![an image](https://example.com/i.png) and <https://example.org>.",
    ].join("\n");
    const { title, doc } = importMarkdown(source);
    expect(title).toBe("The Title");
    expect(doc.content).toEqual([
      p(
        text("Intro with "),
        text("bold", { type: "bold" }),
        text(", "),
        text("italic", { type: "italic" }),
        text(", "),
        text("both", { type: "bold" }, { type: "italic" }),
        text(" and a "),
        text("link", { type: "link", attrs: { href: "https://example.com/a" } }),
        text(". A soft break."),
        { type: "hardBreak" },
        text("A hard break before this."),
      ),
      { type: "heading", attrs: { level: 2 }, content: [text("Section")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Deep")] },
      { type: "blockquote", content: [p(text("Quoted text"))] },
      { type: "bulletList", content: [item(p(text("one"))), item(p(text("two")))] },
      { type: "orderedList", attrs: { start: 3 }, content: [item(p(text("third"))), item(p(text("fourth")))] },
      p(text("code line 1")),
      p(text("  code line 2")),
      p(text("Inline code and and "), text("https://example.org", { type: "link", attrs: { href: "https://example.org/" } }), text(".")),
    ]);
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
  });

  it("keeps raw HTML as visible text, never markup", () => {
    const { doc } = importMarkdown('Before <script>window.__xss=1</script> <b>not bold</b>\n\n<img src=x onerror="alert(1)">\n\n<div>block</div>');
    expect(doc.content).toEqual([
      p(text("Before <script>window.__xss=1</script> <b>not bold</b>")),
      p(text('<img src=x onerror="alert(1)">')),
      p(text("<div>block</div>")),
    ]);
  });

  it("links only safe targets and does not linkify bare URLs", () => {
    const { doc } = importMarkdown(
      "[js](javascript:alert(1)) [vb](vbscript:x) [data](data:text/html,x) [ok](http://ok.example) [mail](mailto:a@b.example) https://bare.example",
    );
    const hrefs: string[] = [];
    JSON.stringify(doc, (key, value) => (key === "href" && hrefs.push(value), value));
    expect(hrefs).toEqual(["http://ok.example/", "mailto:a@b.example"]);
    expect(canonicalText(doc)).toBe("[js](javascript:alert(1)) [vb](vbscript:x) [data](data:text/html,x) ok mail https://bare.example");
  });

  it("takes only a leading level-1 heading as the title", () => {
    expect(importMarkdown("Title\n=====\n\nBody").title).toBe("Title");
    expect(importMarkdown("# *Styled*   title\nBody").title).toBe("Styled title");
    const later = importMarkdown("Body first\n\n# Later heading\n\nMore");
    expect(later.title).toBeNull();
    expect(later.doc.content[1]).toEqual({ type: "heading", attrs: { level: 1 }, content: [text("Later heading")] });
    expect(importMarkdown("## Second level\n\nBody").title).toBeNull();
  });

  it("keeps a title heading that is all there is", () => {
    expect(importMarkdown("# Only")).toEqual({
      title: "Only",
      doc: { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [text("Only")] }] },
    });
  });

  it("rejects Markdown without visible text", () => {
    for (const source of ["", "\n\n", "---", "![](https://example.com/i.png)"]) {
      expect(() => importMarkdown(source)).toThrow(new ImportError("The document is empty."));
    }
  });
});
