/**
 * @jest-environment jsdom
 */
import { Editor } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import type { DocNode } from "@/lib/documents/schema";

// Every node and mark lib/documents/schema.ts allows, once.
const EVERY_NODE: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Bold", marks: [{ type: "bold" }] },
        { type: "hardBreak" },
        { type: "text", text: "italic", marks: [{ type: "italic" }] },
        { type: "text", text: " link", marks: [{ type: "link", attrs: { href: "https://example.org/" } }] },
      ],
    },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Quoted." }] }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] }] },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Three" }] }] }] },
    { type: "paragraph" },
  ],
};

function editorWith(content: DocNode) {
  return new Editor({ extensions: articleSchemaExtensions, content });
}

describe("articleSchemaExtensions", () => {
  it("holds every node and mark of the article schema, and no others (no code, strike or rules)", () => {
    const editor = editorWith(EVERY_NODE);
    const schema = editor.schema;
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ["blockquote", "bulletList", "doc", "hardBreak", "heading", "listItem", "orderedList", "paragraph", "text"].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(["bold", "italic", "link"]);
    editor.destroy();
  });

  it("reads a stored article back as it was stored, without a trailing paragraph added", () => {
    const editor = editorWith(EVERY_NODE);
    const json = editor.getJSON();
    expect(json.content).toHaveLength(EVERY_NODE.content.length);
    expect(json.content?.[0]).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] });
    expect(json.content?.[4]).toMatchObject({ type: "orderedList", attrs: { start: 3 } });
    expect(editor.getText()).toContain("Quoted.");
    editor.destroy();
  });

  it("renders links to open safely in a new tab", () => {
    const editor = editorWith(EVERY_NODE);
    const link = editor.view.dom.querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://example.org/");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(link?.getAttribute("target")).toBe("_blank");
    editor.destroy();
  });
});
