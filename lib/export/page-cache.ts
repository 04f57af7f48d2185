import { createHash } from "node:crypto";

/**
 * Rendered public pages kept in this process's memory, least recently used first out once
 * they pass a byte limit. Each is kept with the stamp it was rendered under
 * (lib/export/page-stamp.ts) and served only while the database's stamp is still that one,
 * so a change made through any app server shows on every other at its next request.
 */

/** The memory one process gives rendered public pages (a 1,000-claim article's page is 2.3 MB). */
export const PUBLIC_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

export interface CachedPage {
  stamp: string;
  body: Uint8Array<ArrayBuffer>;
  /** Strong: a hash of the bytes, so a new build's different page never matches an old one. */
  etag: string;
}

export function cachedPage(stamp: string, html: string): CachedPage {
  const body = Buffer.from(html, "utf8");
  return { stamp, body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
}

export class PageCache {
  private pages = new Map<string, CachedPage>();
  private bytes = 0;
  private rendering = new Map<string, Promise<CachedPage>>();

  constructor(readonly maxBytes: number) {}

  /**
   * The page kept under `key` for `stamp`, else `render`'s, kept: rendered once however many
   * requests ask for it meanwhile (a popular page just changed). A render that throws is not kept.
   */
  page(key: string, stamp: string, render: () => Promise<string>): Promise<CachedPage> {
    const kept = this.get(key, stamp);
    if (kept) return Promise.resolve(kept);
    const id = `${key}\n${stamp}`;
    let pending = this.rendering.get(id);
    if (!pending) {
      pending = render()
        .then((html) => {
          const page = cachedPage(stamp, html);
          this.set(key, page);
          return page;
        })
        .finally(() => this.rendering.delete(id));
      this.rendering.set(id, pending);
    }
    return pending;
  }

  /** The page kept under `key` if it was rendered under `stamp`; one rendered under another is dropped. */
  get(key: string, stamp: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.delete(key);
    if (page.stamp !== stamp) return undefined;
    this.pages.set(key, page);
    this.bytes += page.body.byteLength;
    return page;
  }

  set(key: string, page: CachedPage) {
    this.delete(key);
    if (page.body.byteLength > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += page.body.byteLength;
    // A Map iterates in insertion order and get() re-inserts: the first key is the least recently used.
    for (const [oldest, { body }] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= body.byteLength;
    }
  }

  get size() {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.byteLength;
  }
}

/** If-None-Match names this ETag (or any, `*`); weak validators compare by their tag (RFC 9110, 13.1.2). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}
