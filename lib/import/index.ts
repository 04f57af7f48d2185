import { canonicalText } from "../anchoring/canonical-text";
import { heading, paragraph, type DocNode } from "../documents/schema";
import { blockText, importHtml } from "./html";
import { importMarkdown } from "./markdown";
import { guessTitle, importPlainText, ImportError, truncateAtWord } from "./plain-text";
import { detectFurniture, isFurniture, type FurnitureKind } from "./furniture";

export { ImportError } from "./plain-text";
export { MAX_NESTING_DEPTH, NESTING_FLATTENED } from "./html";
export { FURNITURE_KINDS, type FurnitureKind } from "./furniture";

export const SOURCE_FORMATS = ["TEXT", "MARKDOWN", "HTML"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
/** What the import form offers: a format, or "auto" to detect it. */
export type FormatChoice = SourceFormat | "auto";

export interface ImportSource {
  format: SourceFormat;
  content: string;
}

export interface ImportedArticle {
  title: string;
  /** True when the source named no title and it is the first sentence. */
  titleIsGuess: boolean;
  doc: DocNode;
  canonicalText: string;
  /** What the import changed that the editor should know, as sentences to show. */
  notices: string[];
  /** For each top-level block of `doc`: the kind of site furniture it looks like, or null. */
  furniture: Array<FurnitureKind | null>;
}

export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
export const MAX_TITLE_CHARS = 300;

const EXTENSIONS = new Map<string, SourceFormat>([
  ["txt", "TEXT"],
  ["md", "MARKDOWN"],
  ["markdown", "MARKDOWN"],
  ["html", "HTML"],
  ["htm", "HTML"],
]);

/**
 * Imports a source of a known format into a document with its title, canonical text and
 * furniture. `knownTitle` is the title found outside the source (a web page's metadata, the
 * form's title field): a first paragraph repeating it is furniture, as one repeating a title
 * the source names is; a title guessed from the first sentence is no sign of either.
 */
export function importArticleSource({ format, content }: ImportSource, knownTitle: string | null = null): ImportedArticle {
  const { title, titleIsGuess, doc, notices } = parseSource(format, content);
  const furniture = detectFurniture(doc.content.map(blockText), knownTitle ?? (titleIsGuess ? null : title));
  return { title, titleIsGuess, doc, canonicalText: canonicalText(doc), notices, furniture };
}

/** How many top-level blocks of an article (as stored) look like site furniture: publishing warns of them. */
export function furnitureLeftIn(doc: DocNode, title: string): number {
  return detectFurniture(doc.content.map(blockText), title).filter(Boolean).length;
}

function parseSource(format: SourceFormat, content: string): { title: string; titleIsGuess: boolean; doc: DocNode; notices: string[] } {
  // A pasted BOM would be text; PostgreSQL cannot store U+0000 at all.
  const source = content.replace(/^\uFEFF/, "").replaceAll("\u0000", "");
  if (format === "TEXT") {
    const { title, titleIsGuess, doc } = importPlainText(source);
    return { title: truncateAtWord(title, MAX_TITLE_CHARS), titleIsGuess, doc, notices: [] };
  }
  const { title, doc, notices = [] } = format === "HTML" ? importHtml(source) : importMarkdown(source);
  if (title !== null) return { title: truncateAtWord(title, MAX_TITLE_CHARS), titleIsGuess: false, doc, notices };
  // An imported document always has a block with visible text; the title is never a paywall notice or the like.
  const lines = canonicalText(doc).split("\n").filter((line) => /\S/.test(line));
  const firstLine = lines.find((line) => !isFurniture(line)) ?? lines[0];
  return { title: guessTitle(firstLine.trim()), titleIsGuess: true, doc, notices };
}

/** What the editor changed in the preview: blocks left out, and blocks whose text they rewrote. */
export interface PreviewEdits {
  /** Indexes of the top-level blocks to leave out. */
  dropped: number[];
  /** New plain text for top-level blocks, by index; a line break starts a new paragraph. */
  texts: Record<number, string>;
}

/**
 * The article as it will be stored: the editor's edits applied, or, when they made none
 * (imported without a preview), every block that looks like site furniture left out.
 */
export function applyEdits(imported: ImportedArticle, edits: PreviewEdits | null): ImportedArticle {
  const dropped = new Set(edits ? edits.dropped : imported.furniture.flatMap((kind, i) => (kind ? [i] : [])));
  const content = imported.doc.content.flatMap((block, i) => {
    if (dropped.has(i)) return [];
    const text = edits?.texts[i];
    return text === undefined ? [block] : rewritten(block, text);
  });
  if (content.length === 0) throw new ImportError("Every paragraph was left out: keep at least one.");
  const doc: DocNode = { type: "doc", content };
  return { ...imported, doc, canonicalText: canonicalText(doc), furniture: content.map(() => null) };
}

/** A block with the editor's text: a heading stays a heading (one line), anything else becomes paragraphs. */
function rewritten(block: DocNode["content"][number], text: string): DocNode["content"] {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (block.type === "heading") return lines.length > 0 ? [heading(block.attrs.level, lines.join(" "))] : [];
  return lines.map(paragraph);
}

/** The format of pasted content: the form's explicit choice, else what the content looks like. */
export function detectFormat(content: string, choice: FormatChoice = "auto"): SourceFormat {
  if (choice !== "auto") return choice;
  if (/^\s*<(!doctype|html)\b/i.test(content) || hasBlockTag(content)) return "HTML";
  if (MARKDOWN_LINE.test(content) || MARKDOWN_LINK.test(content)) return "MARKDOWN";
  return "TEXT";
}

const BLOCK_TAG_START = /<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|article|section|header|footer|main|body)\b/i;

/**
 * A block-level start tag: its name, then a ">" somewhere after it. Found in two linear steps;
 * as one regex (/<p\b[^>]*>/) each "<p" of "<p<p<p…" scanned to the end of the text.
 */
function hasBlockTag(content: string): boolean {
  const start = BLOCK_TAG_START.exec(content);
  return start !== null && content.includes(">", start.index + start[0].length);
}

/** A heading, bullet or quote at the start of a line. */
const MARKDOWN_LINE = /^ {0,3}(#{1,6} |[*-] |>)/m;
/**
 * [text](target). The text is read from its last "[" (it may still end in one): read from
 * each "[" of "[[[…", the search was quadratic.
 */
const MARKDOWN_LINK = /\[[^[\]\n]*[^\]\n]\]\([^)\s]+\)/;

/** Why a file of this name and size cannot be imported (checked before reading it), or null. */
export function uploadProblem(fileName: string, size: number): string | null {
  if (size > MAX_SOURCE_BYTES) return "The file is larger than 2 MB.";
  if (size === 0) return "The file is empty.";
  if (!formatOfFile(fileName)) return "Choose a .txt, .md, .markdown, .html or .htm file.";
  return null;
}

/** Reads an uploaded file as UTF-8 text, with its format from the file name. */
export function decodeUpload(fileName: string, bytes: Uint8Array): ImportSource {
  const problem = uploadProblem(fileName, bytes.length);
  if (problem) throw new ImportError(problem);
  if (bytes.includes(0)) throw new ImportError("The file is not text (it contains NUL bytes).");
  let content: string;
  try {
    // Decoding also drops a leading BOM.
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("The file is not text (it is not valid UTF-8).");
  }
  return { format: formatOfFile(fileName)!, content };
}

function formatOfFile(fileName: string): SourceFormat | undefined {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1].toLowerCase();
  return extension ? EXTENSIONS.get(extension) : undefined;
}
