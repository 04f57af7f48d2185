import { canonicalText } from "./canonical-text";
import { heading, paragraph, type DocNode } from "../documents/schema";

describe("canonicalText", () => {
  it("joins textblocks with exactly one newline, without leading or trailing ones", () => {
    const doc: DocNode = { type: "doc", content: [heading(1, "Title"), paragraph("One."), paragraph("Two.")] };
    expect(canonicalText(doc)).toBe("Title\nOne.\nTwo.");
  });

  it("descends into lists and blockquotes, counts hard breaks as one newline and ignores marks", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        paragraph("Intro"),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph("a"), { type: "blockquote", content: [paragraph("quoted")] }] },
            {
              type: "listItem",
              content: [{ type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [paragraph("nested")] }] }],
            },
          ],
        },
        {
          type: "blockquote",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "line", marks: [{ type: "bold" }] },
                { type: "hardBreak" },
                { type: "text", text: "next", marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "italic" }] },
              ],
            },
          ],
        },
        heading(3, "End"),
      ],
    };
    expect(canonicalText(doc)).toBe("Intro\na\nquoted\nnested\nline\nnext\nEnd");
  });

  it("keeps empty textblocks, so each block boundary is one newline", () => {
    const doc: DocNode = { type: "doc", content: [paragraph("a"), paragraph(""), { type: "paragraph" }, paragraph("b")] };
    expect(canonicalText(doc)).toBe("a\n\n\nb");
  });

  it("is empty for an empty document", () => {
    expect(canonicalText({ type: "doc", content: [] })).toBe("");
    expect(canonicalText({ type: "doc", content: [paragraph("")] })).toBe("");
  });

  it("counts UTF-16 code units, so astral characters are two", () => {
    expect(canonicalText({ type: "doc", content: [paragraph("😀"), paragraph("é")] })).toHaveLength(4);
  });
});
