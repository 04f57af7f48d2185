import { plainText, prepareText } from "./prepared-text";
import { longProse, noise } from "./test-fixtures";

describe("a text prepared for anchoring many quotes", () => {
  it("finds the same places of a piece as indexOf, within the window and up to the limit", () => {
    const text = longProse(50_000);
    const plain = plainText(text);
    const prepared = prepareText(text);
    for (let i = 0; i < 300; i++) {
      const at = (i * 7919) % (text.length - 40);
      const needle = text.slice(at, at + 8 + (i % 13));
      const from = (i * 104_729) % text.length;
      const to = Math.min(text.length, from + ((i * 15_485_863) % text.length));
      const limit = [1, 3, 21, 1000][i % 4];
      expect(prepared.occurrences(needle, from, to, limit)).toEqual(plain.occurrences(needle, from, to, limit));
      expect(prepared.occurrences(needle, 0, text.length, 1000)).toEqual(plain.occurrences(needle, 0, text.length, 1000));
    }
    expect(prepared.occurrences(noise(20, 1), 0, text.length, 21)).toEqual([]);
  });

  it("finds overlapping places, and none that only share the first units", () => {
    const prepared = prepareText("aaaaaaaaaaab aaaaaaaaaab");
    expect(prepared.occurrences("aaaaaaaa", 0, 24, 21)).toEqual([0, 1, 2, 3, 13, 14, 15]);
    expect(prepared.occurrences("aaaaaaaa", 2, 14, 21)).toEqual([2, 3, 13]);
    expect(prepared.occurrences("aaaaaaaa", 0, 24, 2)).toEqual([0, 1]);
    expect(prepared.occurrences("aaaaaaaaaaab", 0, 24, 21)).toEqual([0]);
  });
});
