import { DomUtils, parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { canonicalText } from "../anchoring/canonical-text";
import type {
  BlockNode,
  DocNode,
  HeadingLevel,
  InlineNode,
  ListItemNode,
  Mark,
  TextNode,
} from "../documents/schema";
import { ImportError } from "./plain-text";

export interface ImportedHtml {
  /** From <meta property="og:title">, <title> or the first h1; null when there is none. */
  title: string | null;
  doc: DocNode;
  /** What the import changed that the editor should know (NESTING_FLATTENED); absent when nothing. */
  notices?: string[];
}

/**
 * How many blockquotes, lists and list items may enclose a block. Browsers stop building a
 * page's tree at a depth (Chromium: 512), and an article nested deeper renders on the server
 * but breaks the reader; real articles nest a few levels.
 */
export const MAX_NESTING_DEPTH = 50;
export const NESTING_FLATTENED = `Quotes or lists nested more than ${MAX_NESTING_DEPTH} levels deep were flattened: their text is kept at level ${MAX_NESTING_DEPTH}.`;

/** Dropped with everything inside them: never text a reader sees, and some run code. */
const DROPPED = new Set([
  "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "head",
  "title", "form", "button", "input", "select", "textarea", "canvas", "audio", "video",
  "applet", "frameset", "noembed", "noframes",
]);

/** Elements that start and end a block; the text in them becomes paragraphs. */
const BLOCKS = new Set([
  "p", "div", "section", "article", "body", "html", "main", "header", "footer", "aside", "nav",
  "address", "center", "details", "summary", "dialog", "figure", "figcaption", "hgroup", "hr",
  "dl", "dt", "dd", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
  "fieldset", "legend",
]);

const HEADING_LEVELS = new Map<string, HeadingLevel>([
  ["h1", 1],
  ["h2", 2],
  ["h3", 3],
  ["h4", 3],
  ["h5", 3],
  ["h6", 3],
]);

/** Inline formatting in effect at a point of the tree. */
interface Marks {
  bold: boolean;
  italic: boolean;
  href: string | null;
}

/** The textblock that inline content goes into: a paragraph, or a heading of this level. */
type Textblock = "paragraph" | HeadingLevel;

/** A textblock being filled, closed by the next block boundary. */
interface Run {
  kind: Textblock;
  /** Inside <pre>: whitespace is kept as it is. */
  pre: boolean;
  nodes: InlineNode[];
}

/** Where blocks go: the document, a blockquote or a list item. */
interface Container {
  blocks: BlockNode[];
  run: Run | null;
}

interface Context {
  container: Container;
  marks: Marks;
  kind: Textblock;
  pre: boolean;
  /** Blockquotes, lists and list items around the container. */
  depth: number;
  /** Shared by the whole walk: set when a quote or list was too deep to nest. */
  nesting: { flattened: boolean };
}

/**
 * Turns HTML into a document of the reader's schema. Only the schema's nodes
 * are ever built from the parsed tree, so everything else (scripts, event
 * handlers, styles, unsafe links) simply has nowhere to go: that is the
 * sanitiser.
 */
export function importHtml(html: string): ImportedHtml {
  return guardDepth(() => {
    const dom = parseDocument(html);
    const { doc, notices } = htmlToDoc(dom.children);
    const headTitle = findHeadTitle(dom.children);
    // The first top-level h1 is the title, or repeats it; it stays when it is all there is.
    const h1 = doc.content.findIndex((block) => block.type === "heading" && block.attrs.level === 1);
    const h1Text = h1 >= 0 ? blockText(doc.content[h1]) : null;
    const title = headTitle ?? h1Text;
    if (h1Text !== null && h1Text === title && doc.content.length > 1) {
      doc.content.splice(h1, 1);
    }
    return { title, doc, notices };
  });
}

/** Parses HTML into a document without looking for a title; throws when it has no text. */
export function parseHtmlBody(html: string): Omit<ImportedHtml, "title"> {
  return guardDepth(() => htmlToDoc(parseDocument(html).children));
}

/** The tree is walked recursively: thousands of nested elements overflow the stack. */
function guardDepth<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError("The HTML is nested too deeply to import.");
    throw error;
  }
}

function htmlToDoc(nodes: ChildNode[]): Omit<ImportedHtml, "title"> {
  const root: Container = { blocks: [], run: null };
  const nesting = { flattened: false };
  const context: Context = { container: root, marks: { bold: false, italic: false, href: null }, kind: "paragraph", pre: false, depth: 0, nesting };
  walkAll(nodes, context);
  flush(root);
  if (root.blocks.length === 0) throw new ImportError("The document is empty.");
  return { doc: { type: "doc", content: root.blocks }, notices: nesting.flattened ? [NESTING_FLATTENED] : undefined };
}

// htmlparser2 gives <script> and <style> types of their own; they are elements too.
function isElement(node: ChildNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function walkAll(nodes: ChildNode[], context: Context) {
  for (const node of nodes) walk(node, context);
}

function walk(node: ChildNode, context: Context) {
  if (node.type === "text") {
    addText(node.data, context);
    return;
  }
  if (!isElement(node)) return;
  const { name } = node;
  if (DROPPED.has(name)) return;

  if (name === "br") {
    append(context, { type: "hardBreak" });
  } else if (HEADING_LEVELS.has(name)) {
    block(node, { ...context, kind: HEADING_LEVELS.get(name)! });
  } else if (name === "pre") {
    block(node, { ...context, pre: true });
  } else if ((name === "blockquote" || name === "ul" || name === "ol") && !mayNest(name, context)) {
    // Too deep: the content goes into the enclosing container, as the blocks of a div do.
    context.nesting.flattened = true;
    block(node, context);
  } else if (name === "blockquote") {
    const blocks = nested(node.children, { ...context, depth: context.depth + 1 });
    if (blocks.length > 0) addBlock(context.container, { type: "blockquote", content: blocks });
  } else if (name === "ul" || name === "ol") {
    addList(node, context);
  } else if (BLOCKS.has(name)) {
    block(node, context);
  } else {
    // Formatting we keep, or an element we look through (span, u, code, font…).
    walkAll(node.children, { ...context, marks: marksOf(name, node, context.marks) });
  }
}

/** Whether a blockquote (one level) or a list (the list and its items: two) fits within MAX_NESTING_DEPTH. */
function mayNest(name: string, context: Context): boolean {
  return context.depth + (name === "blockquote" ? 1 : 2) <= MAX_NESTING_DEPTH;
}

function marksOf(name: string, element: Element, marks: Marks): Marks {
  if (name === "b" || name === "strong") return { ...marks, bold: true };
  if (name === "i" || name === "em") return { ...marks, italic: true };
  if (name === "a") return { ...marks, href: safeHref(element.attribs.href) };
  return marks;
}

/** A block boundary before and after the element's content. */
function block(element: Element, context: Context) {
  flush(context.container);
  walkAll(element.children, context);
  flush(context.container);
}

/** The blocks of a blockquote or list item: a container of their own, starting with paragraphs. */
function nested(nodes: ChildNode[], context: Context): BlockNode[] {
  const container: Container = { blocks: [], run: null };
  walkAll(nodes, { ...context, container, kind: "paragraph", pre: false });
  flush(container);
  return container.blocks;
}

function addList(list: Element, context: Context) {
  const items: ListItemNode[] = [];
  for (const child of list.children) {
    // Stray content between the items (a browser shows it too) becomes an item of its own.
    const content = isElement(child) && child.name === "li" ? child.children : [child];
    const blocks = nested(content, { ...context, depth: context.depth + 2 });
    if (blocks.length > 0) items.push({ type: "listItem", content: startWithParagraph(blocks) });
  }
  if (items.length === 0) return;
  if (list.name === "ul") {
    addBlock(context.container, { type: "bulletList", content: items });
    return;
  }
  const start = listStart(list.attribs.start);
  addBlock(context.container, start === 1 ? { type: "orderedList", content: items } : { type: "orderedList", attrs: { start }, content: items });
}

/** TipTap's listItem must start with a paragraph ("paragraph block*"). */
function startWithParagraph(blocks: BlockNode[]): BlockNode[] {
  const [first, ...rest] = blocks;
  if (first.type === "paragraph") return blocks;
  if (first.type === "heading") return [{ type: "paragraph", content: first.content }, ...rest];
  return [{ type: "paragraph" }, ...blocks];
}

function listStart(value: string | undefined): number {
  const start = Number(value?.trim());
  return value !== undefined && Number.isInteger(start) && Math.abs(start) < 2 ** 31 ? start : 1;
}

function addBlock(container: Container, node: BlockNode) {
  flush(container);
  container.blocks.push(node);
}

function addText(data: string, context: Context) {
  if (!context.pre) {
    append(context, text(data, context.marks));
    return;
  }
  // Preformatted text: every line a paragraph of its own.
  data.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) flush(context.container);
    append(context, text(line, context.marks));
  });
}

function text(data: string, marks: Marks): TextNode {
  const list: Mark[] = [];
  if (marks.bold) list.push({ type: "bold" });
  if (marks.italic) list.push({ type: "italic" });
  if (marks.href) list.push({ type: "link", attrs: { href: marks.href } });
  return list.length > 0 ? { type: "text", text: data, marks: list } : { type: "text", text: data };
}

function append(context: Context, node: InlineNode) {
  const { container } = context;
  // Only block() changes kind or pre, and it flushes first: a run never mixes them.
  container.run ??= { kind: context.kind, pre: context.pre, nodes: [] };
  container.run.nodes.push(node);
}

/** Ends the textblock being filled; a textblock without visible text is dropped. */
function flush(container: Container) {
  const run = container.run;
  container.run = null;
  if (!run) return;
  const content = merge(run.pre ? run.nodes : collapseWhitespace(run.nodes));
  if (!content.some((node) => node.type === "text" && /\S/.test(node.text))) return;
  container.blocks.push(
    run.kind === "paragraph" ? { type: "paragraph", content } : { type: "heading", attrs: { level: run.kind }, content },
  );
}

const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/**
 * Whitespace as a browser renders it: runs of ASCII whitespace are one space,
 * and none is left at the start or end of a line (the textblock's ends or a
 * hardBreak). Line breaks at the textblock's ends are dropped too, so a block
 * holding only whitespace and breaks counts as empty.
 */
function collapseWhitespace(nodes: InlineNode[]): InlineNode[] {
  const collapsed = nodes.map((node) => (node.type === "text" ? { ...node, text: node.text.replace(COLLAPSIBLE, " ") } : node));
  const blank = (node: InlineNode) => node.type === "hardBreak" || node.text === " ";
  let from = 0;
  let to = collapsed.length;
  while (from < to && blank(collapsed[from])) from++;
  while (to > from && blank(collapsed[to - 1])) to--;

  const result: InlineNode[] = [];
  let atLineStart = true;
  for (const node of collapsed.slice(from, to)) {
    if (node.type === "hardBreak") {
      trimEnd(result);
      result.push(node);
      atLineStart = true;
      continue;
    }
    const value = atLineStart || endsWithSpace(result) ? node.text.replace(/^ /, "") : node.text;
    if (value === "") continue;
    result.push({ ...node, text: value });
    atLineStart = false;
  }
  trimEnd(result);
  return result;
}

function endsWithSpace(nodes: InlineNode[]) {
  const last = nodes.at(-1);
  return last?.type === "text" && last.text.endsWith(" ");
}

function trimEnd(nodes: InlineNode[]) {
  const last = nodes.at(-1);
  if (last?.type !== "text" || !last.text.endsWith(" ")) return;
  if (last.text === " ") nodes.pop();
  else nodes[nodes.length - 1] = { ...last, text: last.text.slice(0, -1) };
}

/** Drops empty text nodes and joins neighbours with the same marks, as ProseMirror requires. */
function merge(nodes: InlineNode[]): InlineNode[] {
  const result: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === "text" && node.text === "") continue;
    const last = result.at(-1);
    if (node.type === "text" && last?.type === "text" && JSON.stringify(last.marks) === JSON.stringify(node.marks)) {
      result[result.length - 1] = { ...last, text: last.text + node.text };
    } else {
      result.push(node);
    }
  }
  return result;
}

/**
 * The link target if it is http:, https: or mailto:, else null. Browsers
 * ignore tabs and newlines anywhere in a URL and control characters and
 * spaces at its ends ("java\tscript:" is javascript:), so the scheme is
 * checked on the URL cleaned the same way (entities are already decoded).
 */
export function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const cleaned = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|(?<![\u0000-\u0020])[\u0000-\u0020]+$/g, "");
  if (!/^(https?|mailto):/i.test(cleaned)) return null;
  try {
    return new URL(cleaned).href;
  } catch {
    return null;
  }
}

/**
 * The page's own title: og:title first (it is the bare headline; <title>
 * often adds the site's name), then <title>. Not inside svg or math, whose
 * <title> is an image's caption.
 */
function findHeadTitle(nodes: ChildNode[]): string | null {
  const og = findElement(nodes, (e) => e.name === "meta" && [e.attribs.property, e.attribs.name].some((p) => p?.toLowerCase() === "og:title"));
  const title = findElement(nodes, (e) => e.name === "title");
  for (const candidate of [og?.attribs.content, title && DomUtils.textContent(title)]) {
    const value = oneLine(candidate || "");
    if (value !== "") return value;
  }
  return null;
}

function findElement(nodes: ChildNode[], test: (element: Element) => boolean): Element | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    if (node.name === "svg" || node.name === "math") continue;
    const found = findElement(node.children, test);
    if (found) return found;
  }
  return null;
}

/** A block's text on one line (line breaks as spaces), for a title. */
export function blockText(block: BlockNode): string {
  return oneLine(canonicalText({ type: "doc", content: [block] }));
}

/** Collapses all whitespace, line breaks included, to single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
