import createDOMPurify, { type DOMPurify } from "dompurify";
import { JSDOM } from "jsdom";
import { FieldError } from "@/lib/errors";
import { LOGO_TOO_LARGE, MAX_LOGO_BYTES, NOT_A_LOGO } from "@/lib/organisation/schemas";

/**
 * The organisation's logo: an uploaded SVG or PNG, checked by its content (never by the
 * name or type the browser sent). An SVG goes through DOMPurify over a server-side DOM
 * (jsdom) with the SVG profile, and keeps no script, no event handler, no <style> element
 * and no reference outside itself (href, src or url() other than "#fragment"), so it loads
 * nothing and runs nothing wherever it is shown.
 */

export type LogoType = "image/svg+xml" | "image/png";

export interface Logo {
  bytes: Buffer;
  type: LogoType;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EMPTY_SVG = "This SVG has no picture left once scripts and outside references are removed.";

/** The logo as it is stored and served, or a FieldError on "logo" saying why it is refused. */
export function sanitiseLogo(upload: Uint8Array): Logo {
  const bytes = Buffer.from(upload);
  if (bytes.length > MAX_LOGO_BYTES) throw new FieldError("logo", LOGO_TOO_LARGE);
  if (isPng(bytes)) return { bytes, type: "image/png" };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (!/<svg[\s>]/i.test(text)) throw new FieldError("logo", NOT_A_LOGO);
  const svg = sanitiseSvg(text);
  if (!svg) throw new FieldError("logo", EMPTY_SVG);
  const clean = Buffer.from(svg, "utf8");
  if (clean.length > MAX_LOGO_BYTES) throw new FieldError("logo", LOGO_TOO_LARGE);
  return { bytes: clean, type: "image/svg+xml" };
}

/** A PNG starts with its signature and an IHDR chunk. */
function isPng(bytes: Buffer) {
  return bytes.length > 16 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.subarray(12, 16).toString("latin1") === "IHDR";
}

const REFERENCE_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);
// url(…) naming anything but a fragment of the same document (url(#gradient)).
const OUTSIDE_URL = /url\s*\(\s*(?!['"]?#)/i;

let purifier: { window: JSDOM["window"]; purify: DOMPurify } | null = null;

function svgPurifier() {
  if (purifier) return purifier;
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window);
  purify.addHook("uponSanitizeAttribute", (_node, data) => {
    const outside = REFERENCE_ATTRIBUTES.has(data.attrName) ? !data.attrValue.trim().startsWith("#") : OUTSIDE_URL.test(data.attrValue);
    if (outside) data.keepAttr = false;
  });
  purifier = { window, purify };
  return purifier;
}

/** The SVG without anything that runs or loads, as well-formed XML; null when no <svg> root is left. */
export function sanitiseSvg(text: string): string | null {
  const { window, purify } = svgPurifier();
  const body = purify.sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ["style", "image", "feImage", "foreignObject"],
    RETURN_DOM: true,
  });
  const roots = [...body.children];
  if (roots.length !== 1 || roots[0].namespaceURI !== "http://www.w3.org/2000/svg" || roots[0].localName !== "svg") return null;
  return new window.XMLSerializer().serializeToString(roots[0]);
}
