import { canonicalText } from "../anchoring/canonical-text";
import type { DocNode } from "../documents/schema";
import { importHtml } from "./html";
import { importMarkdown } from "./markdown";
import { guessTitle, importPlainText, ImportError, truncateAtWord } from "./plain-text";

export { ImportError } from "./plain-text";
export { MAX_NESTING_DEPTH, NESTING_FLATTENED } from "./html";

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

/** Imports a source of a known format into a document with its title and canonical text. */
export function importArticleSource({ format, content }: ImportSource): ImportedArticle {
  // A pasted BOM would be text; PostgreSQL cannot store U+0000 at all.
  const source = content.replace(/^\uFEFF/, "").replaceAll("\u0000", "");
  if (format === "TEXT") {
    const { title, titleIsGuess, doc } = importPlainText(source);
    return { title: truncateAtWord(title, MAX_TITLE_CHARS), titleIsGuess, doc, canonicalText: canonicalText(doc), notices: [] };
  }
  const { title, doc, notices = [] } = format === "HTML" ? importHtml(source) : importMarkdown(source);
  const text = canonicalText(doc);
  if (title !== null) return { title: truncateAtWord(title, MAX_TITLE_CHARS), titleIsGuess: false, doc, canonicalText: text, notices };
  // An imported document always has a block with visible text.
  const firstLine = text.split("\n").find((line) => /\S/.test(line))!;
  return { title: guessTitle(firstLine.trim()), titleIsGuess: true, doc, canonicalText: text, notices };
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
