/** Only web and mail links are ever written into a page or an export. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/** An evidence source is a web page: its link is written only if it is http: or https:. */
export function webHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}
