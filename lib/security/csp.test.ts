import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOCUMENT_POLICY, createNonce, pagePolicy } from "./csp";

function directives(policy: string) {
  return new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)] as const));
}

describe("Content-Security-Policy", () => {
  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("admits a page's scripts and styles by its nonce only, in production", () => {
    const policy = directives(pagePolicy("abc"));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("allows eval and inline styles under `next dev` (React's error stacks, the dev tools)", () => {
    const policy = directives(pagePolicy("abc", { development: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("admits the HTML export's stylesheet, exactly as written, by its hash and no script at all", () => {
    const html = readFileSync(path.join(__dirname, "../export/__golden__/article.html"), "utf8");
    const css = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    const policy = directives(DOCUMENT_POLICY);
    expect(policy.get("style-src")).toEqual([`'sha256-${createHash("sha256").update(css).digest("base64")}'`]);
    expect(policy.get("script-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
  });
});
