import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readMetadata, type PageMetadata } from "./metadata";

export interface ExtractedPage {
  /** The article's HTML as the readability library found it (sanitised later, as any imported HTML). */
  html: string;
  metadata: PageMetadata;
}

/**
 * The article in a news page, without the page around it (navigation, comments, footers),
 * found by Mozilla's Readability (Firefox's Reader View) over a server-side DOM; plus what
 * the page says about itself. Nothing in the page runs: the DOM is only parsed.
 */
export function extractArticle(pageHtml: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(pageHtml);
  const metadata = readMetadata(document, pageUrl);
  const article = new Readability(document).parse();
  return {
    html: article?.content ?? pageHtml,
    metadata: {
      ...metadata,
      title: metadata.title ?? article?.title ?? null,
      siteName: metadata.siteName ?? article?.siteName ?? null,
      authors: metadata.authors.length > 0 ? metadata.authors : article?.byline ? [article.byline] : [],
    },
  };
}
