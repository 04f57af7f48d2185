import { getSchema } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import type { BlockNode } from "@/lib/documents/schema";
import { importArticleSource, MAX_NESTING_DEPTH, NESTING_FLATTENED } from "@/lib/import";

/**
 * Chromium stops building the page's tree at depth 512, so an article of 1,200 nested
 * blockquotes rendered on the server and broke the reader in every browser (issue 22). The
 * import keeps quotes and lists at most MAX_NESTING_DEPTH deep and says when it flattened some.
 */

const schema = getSchema(articleSchemaExtensions);

/** How many blockquotes, lists and list items enclose the deepest block. */
function depth(blocks: BlockNode[]): number {
  let deepest = 0;
  for (const block of blocks) {
    if (block.type === "blockquote") deepest = Math.max(deepest, 1 + depth(block.content));
    if (block.type === "bulletList" || block.type === "orderedList") {
      for (const item of block.content) deepest = Math.max(deepest, 2 + depth(item.content));
    }
  }
  return deepest;
}

const importOf = (format: "HTML" | "MARKDOWN", content: string) => importArticleSource({ format, content });

describe("deeply nested quotes and lists", () => {
  it.each([
    ["1,200 nested blockquotes", "HTML", `<p>Intro.</p>${"<blockquote><p>Level.</p>".repeat(1200)}<p>Deepest.</p>${"</blockquote>".repeat(1200)}`],
    ["600 nested lists", "HTML", `<p>Intro.</p>${"<ul><li>Level.".repeat(600)}${"</li></ul>".repeat(600)}`],
    ["600 nested ordered lists in quotes", "HTML", `<p>Intro.</p>${"<blockquote><ol><li>Level.".repeat(600)}${"</li></ol></blockquote>".repeat(600)}`],
    ["1,200 nested Markdown quotes", "MARKDOWN", `Intro.\n\n${">".repeat(1200)} Deepest.`],
  ] as const)("keeps %s at most MAX_NESTING_DEPTH deep, with all their text and a notice", (_name, format, content) => {
    const imported = importOf(format, content);
    expect(depth(imported.doc.content)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    expect(imported.notices).toEqual([NESTING_FLATTENED]);
    expect(() => schema.nodeFromJSON(imported.doc).check()).not.toThrow();
    // Only the nesting is lost, never the text.
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(imported.canonicalText)).toEqual(words(canonicalText(imported.doc)));
    const levels = (content.match(/Level\./g) ?? []).length;
    expect((imported.canonicalText.match(/Level\./g) ?? []).length).toBe(levels);
  });

  it("keeps nesting up to the limit as it is, without a notice", () => {
    const content = `${"<blockquote>".repeat(MAX_NESTING_DEPTH)}<p>Deep.</p>${"</blockquote>".repeat(MAX_NESTING_DEPTH)}`;
    const imported = importOf("HTML", content);
    expect(depth(imported.doc.content)).toBe(MAX_NESTING_DEPTH);
    expect(imported.notices).toEqual([]);
  });

  it("says nothing for a plain-text import", () => {
    expect(importArticleSource({ format: "TEXT", content: "Title\n\nBody." }).notices).toEqual([]);
  });
});
