import { safeHref, webHref } from "./links";

describe("links written into pages and exports", () => {
  it("keeps web and mail links, trimmed", () => {
    expect(safeHref(" https://example.org/a ")).toBe("https://example.org/a");
    expect(safeHref("HTTP://example.org")).toBe("HTTP://example.org");
    expect(safeHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
  });

  it("keeps only web links for evidence sources", () => {
    expect(webHref("https://example.org/a")).toBe("https://example.org/a");
    expect(webHref("mailto:desk@example.org")).toBeNull();
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example", "/relative", "", null, undefined])(
    "refuses %p",
    (url) => {
      expect(safeHref(url)).toBeNull();
      expect(webHref(url)).toBeNull();
    },
  );
});
