/**
 * Watching a browser context for script that should never run, and checking a page's
 * DOM for markup that could run some: for the hostile-content and security-header tests.
 */
import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

export interface Watch {
  /** Payloads that ran (`xss(id)`), dialogs that opened (alert(id)). */
  hits: string[];
  /** Uncaught errors in any page: an injected script that half ran would throw. */
  errors: string[];
  /** Content-Security-Policy violations reported by any page. */
  violations: string[];
  /** Messages the browser logged as errors or warnings (CSP refusals are logged there too). */
  console: string[];
}

declare global {
  interface Window {
    xss: (id: unknown) => void;
    xssHit: (id: string) => void;
    cspViolation: (report: string) => void;
  }
}

/**
 * Defines `xss()` in every frame of every page of the context, before any of the page's
 * own script, and records everything that may show a script ran or was refused.
 */
export async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = { hits: [], errors: [], violations: [], console: [] };
  await context.exposeBinding("xssHit", ({ page }, id: string) => void seen.hits.push(`xss(${id}) on ${page?.url()}`));
  await context.exposeBinding("cspViolation", (_source, report: string) => void seen.violations.push(report));
  await context.addInitScript(() => {
    window.xss = (id) => window.xssHit(String(id));
    document.addEventListener("securitypolicyviolation", (e) =>
      window.cspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  context.on("dialog", (dialog) => {
    seen.hits.push(`${dialog.type()}(${dialog.message()}) on ${dialog.page()?.url()}`);
    void dialog.dismiss().catch(() => {});
  });
  context.on("weberror", (error) => void seen.errors.push(`${error.page()?.url()}: ${error.error().message}`));
  context.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") seen.console.push(`${message.page()?.url()}: ${message.text()}`);
  });
  return seen;
}

/** Nothing ran, nothing threw, nothing was refused. */
export function expectQuiet(seen: Watch, where: string) {
  expect(seen.hits, `scripts that ran (${where})`).toEqual([]);
  expect(seen.errors, `uncaught errors (${where})`).toEqual([]);
  expect(seen.violations, `CSP violations (${where})`).toEqual([]);
}

/**
 * What in the page's DOM could run script: event-handler attributes, script URLs in any
 * URL attribute, frames and plugins, <base>, refresh, and scripts that are neither ours
 * (nonce, or the build's files) nor JSON-LD data. Returns a description of each.
 */
export async function unsafeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const URL_ATTRIBUTES = new Set(["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "srcdoc", "codebase", "lowsrc", "dynsrc"]);
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}>`;
    for (const el of document.querySelectorAll("*")) {
      for (const attribute of el.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`${describe(el)} has the handler ${name}="${attribute.value}"`);
        // As a browser reads a URL: tabs and newlines anywhere, controls and spaces at the start, are ignored.
        const url = attribute.value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
        // React's own guard on forms whose action is a function (it throws if the form is ever submitted natively).
        const reactGuard = (name === "action" || name === "formaction") && /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted\./.test(attribute.value);
        if (URL_ATTRIBUTES.has(name) && !reactGuard && /^(javascript|vbscript|data|livescript):/i.test(url)) problems.push(`${describe(el)} has ${name}="${attribute.value}"`);
        if (name === "style" && /url\s*\(|expression\s*\(|javascript:/i.test(attribute.value)) problems.push(`${describe(el)} has style="${attribute.value}"`);
      }
      const tag = el.tagName.toLowerCase();
      if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag)) problems.push(`a ${describe(el)} element`);
      if (tag === "meta" && el.getAttribute("http-equiv")?.toLowerCase() === "refresh") problems.push("a <meta http-equiv=refresh>");
      if (tag === "script") {
        const script = el as HTMLScriptElement;
        const data = script.type === "application/ld+json";
        const ours = script.nonce !== "" || (script.src !== "" && new URL(script.src).origin === location.origin && new URL(script.src).pathname.startsWith("/_next/static/"));
        if (!data && !ours) problems.push(`a script not ours: ${script.outerHTML.slice(0, 120)}`);
      }
    }
    return problems;
  });
}

export async function expectSafeMarkup(page: Page, where: string) {
  expect(await unsafeMarkup(page), `markup that could run script (${where})`).toEqual([]);
}

/** Each link is a web link (http or https) that opens with rel="noopener noreferrer". */
export async function expectWebLinks(links: Locator, where: string) {
  const found = await links.evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href") ?? "", rel: (a.getAttribute("rel") ?? "").split(/\s+/) })));
  expect(found.length, `evidence links (${where})`).toBeGreaterThan(0);
  for (const { href, rel } of found) {
    expect(href, `an evidence link's address (${where})`).toMatch(/^https?:\/\//i);
    expect(rel, `the rel of the link to ${href} (${where})`).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
  }
}
