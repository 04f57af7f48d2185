import {
  EMPTY_QUERY_MESSAGE,
  MAX_QUERY_CHARS,
  NO_WORDS_MESSAGE,
  normaliseQuery,
  ONLY_EXCLUDED_MESSAGE,
} from "@/lib/search/query";

function query(raw: unknown) {
  const result = normaliseQuery(raw);
  if (result.kind !== "query") throw new Error(`expected a query, got "${result.message}"`);
  return result;
}

describe("normaliseQuery", () => {
  it("passes words, phrases and OR through and moves excluded words aside", () => {
    expect(query('  "pre-2014 borders"   OR  NATO -troops ')).toMatchObject({
      include: '"pre-2014 borders" OR NATO',
      exclude: "troops",
      text: '"pre-2014 borders" OR NATO -troops',
      truncated: false,
    });
    expect(query('Hegseth -"peace deal" -Rubio')).toMatchObject({ include: "Hegseth", exclude: '"peace deal" OR Rubio' });
  });

  it("lists the phrases every match must hold: not excluded ones, and none when OR offers another way", () => {
    expect(query('"prime minister" said "pre-2014 borders"').phrases).toEqual(["prime minister", "pre-2014 borders"]);
    expect(query('Hegseth -"peace deal"').phrases).toEqual([]);
    expect(query('"prime minister" OR chancellor').phrases).toEqual([]);
    expect(query('budget "prime minister').phrases).toEqual(["prime minister"]);
    expect(query('budget "" "!!"').phrases).toEqual([]);
  });

  it("says what to do for empty input, whatever its type", () => {
    for (const raw of ["", "   ", "\n\t", undefined, null, 42, ["a"]]) {
      expect(normaliseQuery(raw)).toEqual({ kind: "empty", message: EMPTY_QUERY_MESSAGE });
    }
  });

  it("says what to do for input of only operators or punctuation", () => {
    for (const raw of ["OR", "OR OR OR", "-", "- -- ---", '""', '"', "!!! ((( ))) &&& |||", "🦄🦄🦄", "- OR -"]) {
      expect(normaliseQuery(raw)).toEqual({ kind: "empty", message: NO_WORDS_MESSAGE });
    }
  });

  it("refuses a query of only excluded words, which would match nearly everything", () => {
    expect(normaliseQuery("-troops -NATO")).toEqual({ kind: "empty", message: ONLY_EXCLUDED_MESSAGE });
  });

  it("closes an unbalanced quote instead of failing", () => {
    expect(query('"pre-2014 borders')).toMatchObject({ include: '"pre-2014 borders"' });
    expect(query('borders "')).toMatchObject({ include: 'borders ""' });
    expect(query('a "b" "c')).toMatchObject({ include: 'a "b" "c"' });
  });

  it("turns typographic quotes pasted from an article into plain ones", () => {
    expect(query("“an unrealistic objective”")).toMatchObject({ include: '"an unrealistic objective"' });
  });

  it("cuts 10,000 characters to MAX_QUERY_CHARS at a space", () => {
    const result = query("Hegseth ".repeat(1250));
    expect(result.truncated).toBe(true);
    expect(result.include.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(result.include.endsWith("Hegseth")).toBe(true);
    const noSpaces = query("x".repeat(10_000));
    expect(noSpaces.include).toHaveLength(MAX_QUERY_CHARS);
  });

  it("never cuts between the halves of a surrogate pair", () => {
    const result = query("a" + "😀".repeat(5000));
    expect(result.include.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(/[\uD800-\uDBFF]$/.test(result.include)).toBe(false);
  });

  it("removes control characters, NUL and lone surrogates", () => {
    expect(query("Hegseth\u0000\u0007 \uD800borders\u200B")).toMatchObject({ include: "Hegseth borders" });
  });

  it("keeps emoji and other scripts beside words", () => {
    expect(query("🦄 Zelenskyy Зеленський")).toMatchObject({ include: "🦄 Zelenskyy Зеленський" });
  });
});
