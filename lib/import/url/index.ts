import { blockText, parseHtmlBody } from "../html";
import type { ImportSource } from "../index";
import { extractArticle } from "./extract";
import type { PageMetadata } from "./metadata";
import { fetchPage, type FetchLimits } from "./safe-fetch";

export { FetchRefusedError } from "./safe-fetch";
export type { PageMetadata } from "./metadata";

/** An article read from a web page: its HTML to import, where it came from, and what the page says about it. */
export interface ArticleFromPage {
  source: ImportSource;
  /** The page's address after redirects. */
  pageUrl: string;
  metadata: PageMetadata;
  /** Text of the page that is not the article (menus, comments, footers), for the editor to see what was dropped. */
  leftOut: string[];
}

/** Fetches a page safely and extracts its article. */
export async function readArticleAt(url: string, limits?: Partial<FetchLimits>): Promise<ArticleFromPage> {
  const page = await fetchPage(url, limits);
  const extracted = extractArticle(page.html, page.url);
  return {
    source: { format: "HTML", content: extracted.html },
    pageUrl: page.url,
    metadata: extracted.metadata,
    leftOut: leftOut(page.html, extracted.html),
  };
}

/** The page's paragraphs that the article does not contain. */
function leftOut(pageHtml: string, articleHtml: string): string[] {
  const texts = (html: string) => {
    try {
      return parseHtmlBody(html).doc.content.map(blockText);
    } catch {
      return []; // no text at all
    }
  };
  const kept = new Set(texts(articleHtml));
  return [...new Set(texts(pageHtml).filter((text) => !kept.has(text)))];
}
