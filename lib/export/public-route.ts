import "server-only";
import { loadArticleExport } from "@/lib/export/data";
import { renderWithdrawnPage } from "@/lib/export/public-page";
import type { ExportModel } from "@/lib/export/model";
import { matchesEtag, PageCache, PUBLIC_PAGE_CACHE_BYTES } from "@/lib/export/page-cache";
import { publicPageStamp } from "@/lib/export/page-stamp";
import { withdrawnAt } from "@/lib/publishing/data";
import { NotFoundError } from "@/lib/errors";
import { resolvePublicUrl } from "@/lib/organisation/data";
import { isStorableText } from "@/lib/storable-text";

export const HTML = { "Content-Type": "text/html; charset=utf-8" };

/** This process's rendered public pages: VERITY_PUBLIC_PAGE_CACHE_MB sets their memory (0: none kept). */
const publicPages = new PageCache(cacheBytes(process.env.VERITY_PUBLIC_PAGE_CACHE_MB));

function cacheBytes(megabytes: string | undefined): number {
  if (megabytes === undefined || megabytes.trim() === "") return PUBLIC_PAGE_CACHE_BYTES;
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value < 0) throw new Error(`VERITY_PUBLIC_PAGE_CACHE_MB must be a number of megabytes (0 or more), not "${megabytes}".`);
  return value * 1024 * 1024;
}

/**
 * A public page of a published article (its own, or one of its claims'): read as an
 * anonymous reader, whoever asks. The database's stamp of the page (lib/export/page-stamp.ts)
 * is read on every request, so any change, unpublishing included, shows at once on every
 * app server; while it is unchanged the page is served from this process's cache, and
 * answered 304 to a reader who has it (If-None-Match). A page taken down answers 410 with
 * the date it was withdrawn. `render` returns null when the page names nothing in the
 * article (404).
 */
export async function publicArticlePage(
  request: Request,
  articleId: string,
  render: (model: ExportModel) => string | null,
  cache: PageCache = publicPages,
): Promise<Response> {
  // An id PostgreSQL cannot even compare (from a URL: /p/%00) names no article.
  if (!isStorableText(articleId)) throw new NotFoundError("That article");
  const url = new URL(request.url);
  const [appUrl, stamp] = await Promise.all([resolvePublicUrl(url.origin), publicPageStamp(articleId)]);
  const key = `${appUrl} ${url.pathname}`;
  let page;
  try {
    // Rendered after the stamp was read, so the page is never older than the stamp it is kept under.
    page = await cache.page(key, stamp, async () => {
      const html = render(await loadArticleExport(null, articleId, { appUrl }));
      if (html === null) throw new NotFoundError("That fact-check");
      return html;
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // A page that was taken down says so, and when (410 Gone), rather than vanishing.
    const since = await withdrawnAt(articleId);
    if (!since) throw error;
    return new Response(renderWithdrawnPage(since, appUrl), { status: 410, headers: HTML });
  }
  const headers = { ...HTML, ETag: page.etag };
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers });
  return new Response(page.body, { headers });
}
