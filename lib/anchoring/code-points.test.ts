import fc from "fast-check";
import { codePointIndex } from "./code-points";
import { splitsSurrogatePair } from "./selectors";
import { unicodeText } from "./test-fixtures";

describe("code points and UTF-16 code units", () => {
  it("counts a code point per character, one per astral character where UTF-16 counts two", () => {
    const index = codePointIndex("a😀b𠀀e\u0301");
    expect([0, 1, 3, 4, 6, 7, 8].map(index.toCodePoints)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map(index.toCodeUnits)).toEqual([0, 1, 3, 4, 6, 7, 8]);
  });

  it("agrees with the string's own code points at every offset", () => {
    fc.assert(
      fc.property(unicodeText(), (text) => {
        const index = codePointIndex(text);
        const points = [...text];
        for (let c = 0; c <= points.length; c++) expect(index.toCodeUnits(c)).toBe(points.slice(0, c).join("").length);
        for (let u = 0; u <= text.length; u++) {
          if (!splitsSurrogatePair(text, u)) expect(index.toCodePoints(u)).toBe([...text.slice(0, u)].length);
        }
      }),
    );
  });

  it("round-trips every offset that does not cut a character in half", () => {
    fc.assert(
      fc.property(unicodeText(), (text) => {
        const index = codePointIndex(text);
        for (let u = 0; u <= text.length; u++) {
          if (!splitsSurrogatePair(text, u)) expect(index.toCodeUnits(index.toCodePoints(u))).toBe(u);
        }
        for (let c = 0; c <= [...text].length; c++) expect(index.toCodePoints(index.toCodeUnits(c))).toBe(c);
      }),
    );
  });
});
