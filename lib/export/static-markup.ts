import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * React elements to static HTML, for the standalone HTML export.
 *
 * Why not react-dom/server: route handlers run in Next's react-server layer, where
 * `react-dom/server` is replaced by a module that throws. The export's components are
 * plain server components (no hooks, no state, no event handlers), so rendering them
 * is a walk over the element tree; this does that walk and nothing more, and its output
 * is tested to equal renderToStaticMarkup's for the same components (static-markup.test.tsx).
 * The same components render normally on the public page.
 *
 * Styles come from classes; the one inline style allowed is a rating's colours, as CSS custom
 * properties holding hex colours (lib/ratings: admins choose them), written as React writes them.
 *
 * Anything that could carry script is refused: a <script> element (but for JSON-LD, which
 * is data and never runs), an `on*` handler, a javascript: URL (React would render the
 * last two; an export must never).
 */
export function renderStaticMarkup(node: ReactNode): string {
  const out: string[] = [];
  write(node, out);
  return out.join("");
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

// As React writes them; others (charSet, dateTime) it writes as given, which HTML reads case-insensitively.
const ATTRIBUTE_NAMES = new Map([
  ["className", "class"],
  ["htmlFor", "for"],
  ["httpEquiv", "http-equiv"],
  ["tabIndex", "tabindex"],
]);

// Written as name="" when true (React does the same), left out when false.
const BOOLEAN_ATTRIBUTES = new Set(["hidden", "open", "reversed", "disabled", "download"]);
const SKIPPED_PROPS = new Set(["children", "dangerouslySetInnerHTML", "ref", "suppressHydrationWarning", "key"]);

function write(node: ReactNode, out: string[]): void {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string") return void out.push(escapeHtml(node));
  if (typeof node === "number" || typeof node === "bigint") return void out.push(String(node));
  if (Array.isArray(node)) {
    for (const child of node) write(child as ReactNode, out);
    return;
  }
  if (!isValidElement(node)) throw new TypeError(`Cannot render ${Object.prototype.toString.call(node)} as static markup.`);
  const element = node as ReactElement<Record<string, unknown>>;
  const { type, props } = element;
  if (type === Fragment) return write(props.children as ReactNode, out);
  if (typeof type === "function") {
    // Function components only: a class component has a render method on its prototype.
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) {
      throw new TypeError("Class components are not supported in static markup.");
    }
    return write((type as (p: Record<string, unknown>) => ReactNode)(props), out);
  }
  if (typeof type !== "string") throw new TypeError("Only elements, fragments and function components can be rendered as static markup.");
  if (type === "script" && !isJsonLd(props)) throw new Error("An export never contains a <script> element, only JSON-LD data.");

  let tag = `<${type}`;
  for (const name in props) {
    const value = props[name];
    if (value === null || value === undefined || SKIPPED_PROPS.has(name)) continue;
    if (typeof value === "function" || isEventHandler(name)) throw new Error(`An export never carries event handlers (${name}).`);
    if (name === "style") {
      tag += ` style="${colourProperties(value)}"`;
      continue;
    }
    const attribute = ATTRIBUTE_NAMES.get(name) ?? name;
    if (typeof value === "boolean") {
      if (attribute.startsWith("aria-") || attribute.startsWith("data-")) tag += ` ${attribute}="${value}"`;
      else if (value && BOOLEAN_ATTRIBUTES.has(attribute)) tag += ` ${attribute}=""`;
      continue;
    }
    const text = String(value);
    const inlinePicture = type === "img" && attribute === "src" && IMAGE_DATA_URL.test(text);
    if (URL_ATTRIBUTES.has(attribute) && SCRIPT_URL.test(text) && !inlinePicture) throw new Error(`An export never carries a script URL (${attribute}).`);
    tag += ` ${attribute}="${escapeHtml(text)}"`;
  }
  out.push(tag);
  if (VOID.has(type)) return void out.push("/>");
  out.push(">");
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
  if (inner?.__html !== undefined) out.push(inner.__html);
  else write(props.children as ReactNode, out);
  out.push(`</${type}>`);
}

/** A JSON-LD data block whose content cannot end the element early. */
function isJsonLd(props: Record<string, unknown>) {
  const inner = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
  return props.type === "application/ld+json" && props.children === undefined && typeof inner?.__html === "string" && !inner.__html.includes("<");
}

const URL_ATTRIBUTES = new Set(["href", "src", "action"]);
const SCRIPT_URL = /^\s*(javascript|data|vbscript):/i;
// A picture held in the document (the organisation's logo): an <img> never runs what it shows.
const IMAGE_DATA_URL = /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$/;

/** onClick, onMouseOver…: "on" and a capital letter, as React names handlers. */
function isEventHandler(name: string) {
  const third = name.charCodeAt(2);
  return name.length > 2 && name[0] === "o" && name[1] === "n" && third >= 65 && third <= 90;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** As React escapes text and attribute values. */
export function escapeHtml(text: string) {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** `{ "--v": "#b42318" }` as React writes it ("--v:#b42318"); anything else is refused. */
function colourProperties(style: unknown): string {
  const entries = Object.entries(style as Record<string, unknown>);
  if (!entries.every(([property, value]) => property.startsWith("--") && typeof value === "string" && HEX_COLOUR.test(value))) {
    throw new Error("Static markup takes classes; an inline style may only set colour custom properties.");
  }
  return entries.map(([property, value]) => `${property}:${value}`).join(";");
}
