import { Feed } from "feed";
import { escapeHtml } from "@/lib/export/static-markup";
import { claimAnnotationId, correctionsLogUrl, factCheckFeedUrl } from "@/lib/export/urls";

/**
 * The Atom feed (RFC 4287) of new, corrected and withdrawn fact checks, written by the
 * `feed` library. An entry's id is its claim's stable IRI, so a reader sees a corrected
 * or withdrawn fact check as an update of the entry it already has.
 */
export interface FeedEntry {
  articleId: string;
  /** The claim; a deleted claim's withdrawal is named by its correction instead. */
  claimId: string | null;
  correctionId?: string;
  title: string;
  /** The public page where it is read. */
  href: string;
  summary: string;
  /** When the fact check was first published (a withdrawal has no date of its own to give). */
  published?: string;
  updated: string;
}

export function entryId(appUrl: string, entry: Pick<FeedEntry, "articleId" | "claimId" | "correctionId">) {
  return entry.claimId ? claimAnnotationId(appUrl, entry.articleId, entry.claimId) : `${correctionsLogUrl(appUrl)}#withdrawn-${entry.correctionId}`;
}

/** The feed's XML, by `publisher` (the organisation); `entries` newest update first. An empty feed is dated `now`. */
export function renderAtomFeed(appUrl: string, publisher: string, entries: FeedEntry[], now: Date): string {
  const feed = new Feed({
    id: factCheckFeedUrl(appUrl),
    title: `${publisher} fact checks`,
    description: "New, corrected and withdrawn fact checks, newest first.",
    link: correctionsLogUrl(appUrl),
    feedLinks: { atom: factCheckFeedUrl(appUrl) },
    updated: entries.length > 0 ? new Date(entries[0].updated) : now,
    author: { name: publisher, link: appUrl },
    copyright: `© ${publisher}`,
    generator: "Verity",
  });
  for (const entry of entries) {
    feed.addItem({
      id: entryId(appUrl, entry),
      // The library marks titles and summaries type="html": text is escaped to stay text.
      title: escapeHtml(entry.title),
      link: entry.href,
      description: escapeHtml(entry.summary),
      date: new Date(entry.updated),
      ...(entry.published ? { published: new Date(entry.published) } : {}),
    });
  }
  return feed.atom1();
}
