/**
 * The Content Security Policies the app sends.
 *
 * Pages (the React app): scripts only with this response's nonce, and whatever those
 * scripts load ('strict-dynamic'); Next.js reads the nonce from the request's policy and
 * puts it on every script it writes. No inline script or eval (but for `next dev`, whose
 * React rebuilds server error stacks with eval). Styles come from our stylesheets or
 * carry the nonce; style *attributes* stay allowed, because the reader positions its
 * tooltip and colours its highlights with them (and React writes them into the
 * server-rendered HTML); CSS cannot run script.
 *
 * Documents (the standalone HTML export and the public page, plain HTML with no
 * JavaScript at all): no script whatever, the one inline stylesheet by its hash. Their
 * ClaimReview JSON-LD is a data block (type="application/ld+json"), which browsers never
 * execute and the policy does not govern, so it needs no nonce.
 */
import { createHash } from "node:crypto";
import { EXPORT_CSS } from "@/lib/export/document/export-styles";

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pagePolicy(nonce: string, { development = false } = {}): string {
  return policy({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // (`next dev` also injects its dev tools' styles, without a nonce.)
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

const exportStyleHash = `'sha256-${createHash("sha256").update(EXPORT_CSS).digest("base64")}'`;

/** For the HTML the route handlers write (exports, the public page); harmless on their JSON and Markdown. */
export const DOCUMENT_POLICY = policy({
  "default-src": ["'none'"],
  "script-src": ["'none'"],
  "style-src": [exportStyleHash],
  // Each rating's colours (lib/ratings, data an admin sets) are custom properties in style attributes.
  "style-src-attr": ["'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'none'"],
});
