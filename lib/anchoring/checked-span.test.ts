import { checkSpan } from "./checked-span";

const text = "First line.\nThe minister said 40% of homes lack broadband.\n   \nEnd.";

describe("checkSpan", () => {
  it("returns the span with the quote's context recomputed from the text", () => {
    const start = text.indexOf("40%");
    const { span, problem } = checkSpan(text, { start, end: start + 3, exact: "40%" });
    expect(problem).toBeUndefined();
    expect(span).toEqual({ startOffset: start, endOffset: start + 3, exact: "40%", prefix: text.slice(0, start), suffix: text.slice(start + 3, start + 35) });
  });

  it("accepts the selection with the browser's CRLF line breaks", () => {
    const start = text.indexOf("line.");
    const end = text.indexOf("minister");
    expect(checkSpan(text, { start, end, exact: "line.\r\nThe " }).span?.exact).toBe("line.\nThe ");
  });

  it("names a span of only spaces as blank", () => {
    const start = text.indexOf("   ");
    expect(checkSpan(text, { start, end: start + 3, exact: "   " })).toEqual({ problem: "blank" });
  });

  it("names a span whose text is not the selection as a mismatch", () => {
    const start = text.indexOf("40%");
    expect(checkSpan(text, { start, end: start + 3, exact: "50%" })).toEqual({ problem: "mismatch" });
  });

  it.each([
    [-1, 3],
    [5, 5],
    [8, 4],
    [0, text.length + 1],
    [0.5, 3],
  ])("names an impossible span %p..%p as a mismatch", (start, end) => {
    expect(checkSpan(text, { start, end, exact: "x" })).toEqual({ problem: "mismatch" });
  });
});
