import { route } from "@/lib/http/route";
import { listCorrectionsLog } from "@/lib/corrections/log";
import { renderCorrectionsLog } from "@/lib/export/public-page";
import { resolveAppUrl } from "@/lib/export/urls";
import { DOCUMENT_POLICY } from "@/lib/security/csp";

// The public corrections log: every correction and withdrawn fact check of the published
// articles, newest first. No sign-in; read from the database on every request.
export const GET = route({ user: "none", errors: "text", headers: { "Content-Security-Policy": DOCUMENT_POLICY } }, async ({ request }) => {
  const appUrl = resolveAppUrl(new URL(request.url).origin);
  return new Response(renderCorrectionsLog(await listCorrectionsLog(appUrl), appUrl), { headers: { "Content-Type": "text/html; charset=utf-8" } });
});
