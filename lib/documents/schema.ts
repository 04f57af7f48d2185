/**
 * The article body: a ProseMirror/TipTap JSON document restricted to the
 * reader's schema (TipTap StarterKit node and mark names). Only these node
 * types may appear in a stored article; importers produce them and the
 * reader renders them.
 */

export type Mark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "link"; attrs: { href: string } };

export type MarkType = Mark["type"];

/** ProseMirror text nodes are never empty. */
export interface TextNode {
  type: "text";
  text: string;
  marks?: Mark[];
}

export interface HardBreakNode {
  type: "hardBreak";
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: "paragraph";
  /** Absent when the paragraph is empty (as TipTap's getJSON() writes it). */
  content?: InlineNode[];
}

export type HeadingLevel = 1 | 2 | 3;

export interface HeadingNode {
  type: "heading";
  attrs: { level: HeadingLevel };
  content?: InlineNode[];
}

/** Blocks that hold inline content directly. */
export type TextblockNode = ParagraphNode | HeadingNode;

export interface BlockquoteNode {
  type: "blockquote";
  content: BlockNode[];
}

export interface ListItemNode {
  type: "listItem";
  content: BlockNode[];
}

export interface BulletListNode {
  type: "bulletList";
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: "orderedList";
  attrs?: { start?: number };
  content: ListItemNode[];
}

export type BlockNode =
  | TextblockNode
  | BlockquoteNode
  | BulletListNode
  | OrderedListNode;

export interface DocNode {
  type: "doc";
  content: BlockNode[];
}

function inline(text: string): InlineNode[] | undefined {
  return text === "" ? undefined : [{ type: "text", text }];
}

export function paragraph(text: string): ParagraphNode {
  const content = inline(text);
  return content ? { type: "paragraph", content } : { type: "paragraph" };
}

export function heading(level: HeadingLevel, text: string): HeadingNode {
  const content = inline(text);
  return content
    ? { type: "heading", attrs: { level }, content }
    : { type: "heading", attrs: { level } };
}

/**
 * The highest heading level the document uses (1 if none). Renderers show it as the
 * level below the page title, so no level is skipped whichever levels a document uses.
 */
export function topHeadingLevel(blocks: BlockNode[]): number {
  const levels = (list: BlockNode[]): number[] =>
    list.flatMap((block): number[] => {
      if (block.type === "heading") return [block.attrs.level];
      if (block.type === "blockquote") return levels(block.content);
      if (block.type === "bulletList" || block.type === "orderedList") return block.content.flatMap((item) => levels(item.content));
      return [];
    });
  const found = levels(blocks);
  return found.length > 0 ? Math.min(...found) : 1;
}
