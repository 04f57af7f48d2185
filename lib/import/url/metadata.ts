/** What a news page says about itself: JSON-LD (NewsArticle and kin), Open Graph and meta tags. */
export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  authors: string[];
  /** As the page gives them (ISO 8601); the date part is the publisher's own day. */
  published: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  /** The page's language tag (a hint for the language field). */
  language: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

type Json = Record<string, unknown>;

/** Reads the metadata of a parsed page; the document is not changed. */
export function readMetadata(document: Document, pageUrl: string): PageMetadata {
  const ld = articleJsonLd(document);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const content = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim();
      if (content) return content;
    }
    return null;
  };
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta("og:url") ?? text(ld?.url) ?? idOf(ld?.mainEntityOfPage);
  return {
    title: text(ld?.headline) ?? meta("og:title", "twitter:title") ?? (document.querySelector("title")?.textContent?.trim() || null),
    siteName: text((ld?.publisher as Json | undefined)?.name) ?? meta("og:site_name", "application-name"),
    authors: ld ? names(ld.author) : metaAuthors(document),
    published: isoDate(text(ld?.datePublished) ?? meta("article:published_time", "date", "pubdate", "dc.date")),
    modified: isoDate(text(ld?.dateModified) ?? meta("article:modified_time", "og:updated_time")),
    canonicalUrl: canonical ? httpUrl(canonical, pageUrl) : null,
    language: languageTag(document.documentElement?.getAttribute("lang") ?? text(ld?.inLanguage) ?? meta("og:locale")),
  };
}

/** The page's JSON-LD item that describes the article, if any. */
function articleJsonLd(document: Document): Json | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const found = items(data).find((item) => types(item).some((type) => ARTICLE_TYPES.test(type)) && item.headline);
    if (found) return found;
  }
  return null;
}

/** Every object in a JSON-LD value: top-level arrays and @graph lists flattened. */
function items(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(items);
  if (!data || typeof data !== "object") return [];
  const graph = (data as Json)["@graph"];
  return [data as Json, ...(graph ? items(graph) : [])];
}

function types(item: Json): string[] {
  const type = item["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function idOf(value: unknown): string | null {
  return text(value) ?? (value && typeof value === "object" ? text((value as Json)["@id"]) ?? text((value as Json).url) : null);
}

/** Author names from JSON-LD: a name, a Person or Organization, or a list of them. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found = list.map((entry) => (typeof entry === "string" ? entry.trim() : text((entry as Json | null)?.name)));
  return [...new Set(found.filter((name): name is string => Boolean(name)))];
}

function metaAuthors(document: Document): string[] {
  const found = [...document.querySelectorAll('meta[name="author"], meta[property="article:author"]')]
    .map((meta) => meta.getAttribute("content")?.trim() ?? "")
    // article:author is often a profile URL rather than a name.
    .filter((name) => name && !/^https?:/i.test(name));
  return [...new Set(found)];
}

function isoDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value : null;
}

function httpUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** en_GB (Open Graph's form) becomes en-GB; anything that is not tag-shaped is dropped. */
function languageTag(value: string | null): string | null {
  const tag = value?.trim().replace("_", "-");
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}
