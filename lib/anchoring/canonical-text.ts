import type { BlockNode, DocNode, InlineNode, ListItemNode } from "../documents/schema";

/**
 * THE canonical text of an article: every annotation offset (UTF-16 code
 * units) points into this string, on the server and in the browser alike.
 *
 * - Textblocks (paragraphs and headings, also inside lists and blockquotes)
 *   are joined in document order with exactly one "\n"; no leading or
 *   trailing newline.
 * - An empty textblock still counts (it yields "" between its separators),
 *   unlike ProseMirror's textBetween, so every textblock boundary is one unit.
 * - A hardBreak is "\n": one unit, like its ProseMirror node size of 1.
 * - Marks do not contribute text.
 *
 * Changing this function moves every stored offset: don't.
 */
export function canonicalText(doc: DocNode): string {
  return textblockTexts(doc.content).join("\n");
}

function textblockTexts(nodes: Array<BlockNode | ListItemNode>): string[] {
  return nodes.flatMap((node) =>
    node.type === "paragraph" || node.type === "heading"
      ? [(node.content ?? []).map(inlineText).join("")]
      : textblockTexts(node.content),
  );
}

function inlineText(node: InlineNode): string {
  return node.type === "text" ? node.text : "\n";
}
