/**
 * Where a sign-in or sign-out may send the browser afterwards: a page of the app itself.
 * Anything else (another site, another scheme, an address that does not parse) falls
 * back to the home page, never to an error.
 */
export function safeCallbackUrl(callbackUrl: string, baseUrl: string): string {
  const home = new URL(baseUrl).origin;
  // A path from the root or a whole URL; "%" or "articles" are not addresses.
  const parses = callbackUrl.startsWith("/") ? URL.canParse(callbackUrl, home) : URL.canParse(callbackUrl);
  if (!parses) return home;
  // Resolving reads "//host" and "/\host" as the other site a browser takes them for.
  const target = new URL(callbackUrl, home);
  return target.origin === home ? target.href : home;
}

/**
 * next-auth checks a request's callbackUrl before any option of ours runs, and answers
 * one that does not parse with a 500 (a cross-site link could do that to anyone). The
 * proxy sends the request back with the home page in its place: the URL to redirect to,
 * or null when the request has no callbackUrl or has the app's own full URL there.
 */
export function callbackUrlRepair(requestUrl: URL, baseUrl: string): URL | null {
  const given = requestUrl.searchParams.get("callbackUrl");
  if (given === null) return null;
  const safe = safeCallbackUrl(given, baseUrl);
  if (safe === given) return null;
  const repaired = new URL(requestUrl);
  repaired.searchParams.set("callbackUrl", safe);
  return repaired;
}
