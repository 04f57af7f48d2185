import MarkdownIt from "markdown-it";
import { blockText, parseHtmlBody, type ImportedHtml } from "./html";

// html: false keeps raw HTML in Markdown as visible text, never markup; the
// HTML importer then builds only the reader's nodes from what markdown-it made.
const markdown = new MarkdownIt({ html: false, linkify: false });

/** Turns Markdown into a document; a leading `# Heading` is the title. */
export function importMarkdown(source: string): ImportedHtml {
  const { doc, notices } = parseHtmlBody(markdown.render(source));
  const [first, ...rest] = doc.content;
  // Only an h1 becomes a level-1 heading. It stays in the body when it is all there is.
  if (first.type !== "heading" || first.attrs.level !== 1) return { title: null, doc, notices };
  return { title: blockText(first), doc: rest.length > 0 ? { type: "doc", content: rest } : doc, notices };
}
