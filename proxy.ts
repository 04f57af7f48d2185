import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pagePolicy } from "@/lib/security/csp";
import { callbackUrlRepair } from "@/lib/auth/callback-url";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. The policy goes on
 * the request too: Next.js reads the nonce from it while rendering and puts it on each
 * script it writes (so pages must render per request, which they do: they read the
 * session). The route handlers that write standalone HTML (the public page, the
 * exports) set their own, stricter policy (lib/security/csp.ts) and are left out here,
 * as a policy set here would replace theirs. The other security headers are in
 * next.config.js. On next-auth's routes it only redirects a request whose callbackUrl is
 * not the app's own.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return nextAuthRequest(request);
  // One address per page: /articles/ goes to /articles (next.config.js leaves this to us).
  if (request.nextUrl.pathname.length > 1 && request.nextUrl.pathname.endsWith("/")) {
    const url = request.nextUrl.clone();
    let end = url.pathname.length;
    while (end > 1 && url.pathname[end - 1] === "/") end -= 1;
    url.pathname = url.pathname.slice(0, end);
    return NextResponse.redirect(url, 308);
  }
  const csp = pagePolicy(createNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * next-auth's routes: a callbackUrl that is not the app's own is sent back with the home
 * page in its place (see callbackUrlRepair). A redirect, not a rewrite: the route handler
 * would still read the query it was first sent. 307 keeps the method and body.
 */
function nextAuthRequest(request: NextRequest) {
  const repaired = callbackUrlRepair(request.nextUrl, process.env.NEXTAUTH_URL ?? request.nextUrl.origin);
  return repaired ? NextResponse.redirect(repaired, 307) : NextResponse.next();
}

export const config = {
  matcher: [
    {
      // Not the build's static files and icons, the public pages (/p/…), the exports
      // (/articles/…/export/…) or the JSON routes (/api/…, /search/api/…, /annotations/…: no document, and
      // a proxy costs every request time); not prefetches or Server Action calls from the
      // page's script (data, not documents; a form posted without script has no such header).
      source: "/((?!_next/static/|_next/image|favicon\\.ico|icon\\.svg|p/|articles/[^/]+/export/|api/|search/api/|annotations/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
    // next-auth's routes, only when a callbackUrl comes in the query.
    { source: "/api/auth/:path*", has: [{ type: "query", key: "callbackUrl" }] },
  ],
};
