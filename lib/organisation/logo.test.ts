import { JSDOM } from "jsdom";
import { FieldError } from "@/lib/errors";
import { sanitiseLogo } from "@/lib/organisation/logo";
import { MAX_LOGO_BYTES } from "@/lib/organisation/schemas";

/** The organisation's logo: only a harmless SVG or a PNG is kept. */

const svg = (inner: string, attributes = "") =>
  Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 40"${attributes}>${inner}</svg>`);

const RECT = '<rect id="r" width="40" height="40" fill="#1a4d8f"/>';

/** The sanitised SVG parsed as the XML an image viewer reads. */
function parsed(upload: Buffer) {
  const logo = sanitiseLogo(upload);
  expect(logo.type).toBe("image/svg+xml");
  const text = logo.bytes.toString("utf8");
  const { document } = new JSDOM(text, { contentType: "image/svg+xml" }).window;
  return { text, root: document.documentElement };
}

function refusal(upload: Buffer): string {
  try {
    sanitiseLogo(upload);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe("logo");
    return (error as FieldError).message;
  }
  throw new Error("The logo was accepted.");
}

describe("an SVG logo", () => {
  it("keeps its drawing, as well-formed SVG", () => {
    const { root } = parsed(svg(`<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>${RECT}<circle cx="20" cy="20" r="5" fill="url(#g)"/>`));
    expect(root.localName).toBe("svg");
    expect(root.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("viewBox")).toBe("0 0 40 40");
    expect(root.querySelector("rect")?.getAttribute("fill")).toBe("#1a4d8f");
    // A reference inside the logo itself stays.
    expect(root.querySelector("circle")?.getAttribute("fill")).toBe("url(#g)");
  });

  it("loses its scripts", () => {
    const { text, root } = parsed(svg(`${RECT}<script>alert(1)</script><script xlink:href="https://evil.example/x.js"/>`));
    expect(root.querySelector("script")).toBeNull();
    expect(text).not.toContain("alert");
  });

  it("loses its event handlers", () => {
    const { text, root } = parsed(svg(`<rect width="4" height="4" onclick="alert(2)" onmouseover="alert(3)"/><animate onbegin="alert(4)" attributeName="x"/>`, ' onload="alert(1)"'));
    expect(root.hasAttribute("onload")).toBe(false);
    expect(text).not.toMatch(/\bon[a-z]+=/i);
    expect(text).not.toContain("alert");
  });

  it("loses references to anything outside itself", () => {
    const { text } = parsed(
      svg(
        `${RECT}<image href="https://evil.example/track.png" width="4" height="4"/><use xlink:href="https://evil.example/sprite.svg#a"/>` +
          `<style>@import url(https://evil.example/x.css);</style><circle r="4" style="fill: url(https://evil.example/p.svg#p)"/>` +
          `<rect width="1" height="1" fill="url('//evil.example/g.svg#g')"/><foreignObject><img src="https://evil.example/x.png"/></foreignObject>`,
      ),
    );
    expect(text).not.toContain("evil.example");
    expect(text).toContain('id="r"');
  });

  it("loses javascript: links", () => {
    const { text, root } = parsed(svg(`<a href="javascript:alert(1)"><rect width="4" height="4"/></a><a xlink:href="JaVaScRiPt:alert(2)"><circle r="2"/></a>`));
    expect(text.toLowerCase()).not.toContain("javascript");
    expect(root.querySelectorAll("rect, circle")).toHaveLength(2);
  });

  it("is refused when nothing of a picture is left, or when it is not an SVG at all", () => {
    expect(refusal(Buffer.from("<script>alert(1)</script><svg"))).toMatch(/no picture left|SVG or PNG/);
    expect(refusal(Buffer.from("<html><body>hello</body></html>"))).toBe("Choose an SVG or PNG image.");
    expect(refusal(Buffer.from("GIF89a...."))).toBe("Choose an SVG or PNG image.");
  });

  it("is refused above the size limit", () => {
    const big = svg(`${RECT}<!--${"x".repeat(MAX_LOGO_BYTES)}-->`);
    expect(refusal(big)).toBe(`A logo has at most ${MAX_LOGO_BYTES / 1024} KB.`);
    expect(() => sanitiseLogo(svg(RECT))).not.toThrow();
  });
});

describe("a PNG logo", () => {
  // A 1×1 transparent PNG.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

  it("is kept as it is", () => {
    const logo = sanitiseLogo(png);
    expect(logo).toEqual({ type: "image/png", bytes: png });
  });

  it("is refused above the size limit", () => {
    expect(refusal(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]))).toBe(`A logo has at most ${MAX_LOGO_BYTES / 1024} KB.`);
  });
});
