import { CONTEXT_LENGTH, describeSpan, isValidSpan } from "./selectors";

describe("isValidSpan", () => {
  const text = "Say “hi” 😀\u00a0now";
  const emoji = text.indexOf("😀");

  it("accepts a non-empty span inside the text", () => {
    expect(isValidSpan(text, 0, 3)).toBe(true);
    expect(isValidSpan(text, emoji, emoji + 2)).toBe(true);
    expect(isValidSpan(text, 0, text.length)).toBe(true);
  });

  it("rejects empty, reversed, out-of-range and fractional spans", () => {
    expect(isValidSpan(text, 2, 2)).toBe(false);
    expect(isValidSpan(text, 3, 2)).toBe(false);
    expect(isValidSpan(text, -1, 2)).toBe(false);
    expect(isValidSpan(text, 0, text.length + 1)).toBe(false);
    expect(isValidSpan(text, 0.5, 2)).toBe(false);
  });

  it("rejects a span cutting an emoji in half", () => {
    expect(isValidSpan(text, emoji + 1, emoji + 2)).toBe(false);
    expect(isValidSpan(text, 0, emoji + 1)).toBe(false);
  });

  it("rejects whitespace only, NBSP and newlines included", () => {
    expect(isValidSpan(text, 3, 4)).toBe(false);
    expect(isValidSpan(" \u00a0\n\t", 0, 4)).toBe(false);
  });
});

describe("describeSpan", () => {
  it("keeps up to 32 units of context on each side", () => {
    const text = "x".repeat(40) + "CLAIM" + "y".repeat(40);
    const { position, quote } = describeSpan(text, 40, 45);
    expect(position).toEqual({ type: "TextPositionSelector", start: 40, end: 45 });
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "CLAIM", prefix: "x".repeat(CONTEXT_LENGTH), suffix: "y".repeat(CONTEXT_LENGTH) });
  });

  it("takes what there is at the document's edges", () => {
    expect(describeSpan("Claim. Rest", 0, 6).quote).toMatchObject({ prefix: "", suffix: " Rest" });
  });

  it("shortens the context rather than cut a surrogate pair", () => {
    // The 32-unit windows would start and end in the middle of an emoji.
    const text = "😀" + "a".repeat(31) + "CLAIM" + "b".repeat(31) + "😀";
    const { quote } = describeSpan(text, 33, 38);
    expect(quote.prefix).toBe("a".repeat(31));
    expect(quote.suffix).toBe("b".repeat(31));
  });

  it("keeps RTL text, combining marks and curly quotes as they are", () => {
    const text = "قال: “שלום” e\u0301";
    const start = text.indexOf("“");
    expect(describeSpan(text, start, start + 6).quote).toMatchObject({ exact: "“שלום”", prefix: "قال: ", suffix: " e\u0301" });
  });

  it("refuses an invalid span", () => {
    expect(() => describeSpan("a b", 1, 2)).toThrow(RangeError);
    expect(() => describeSpan("😀", 0, 1)).toThrow(RangeError);
  });
});

