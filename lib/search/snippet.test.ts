import { MARK_END, MARK_START, snippetSegments } from "@/lib/search/snippet";

const marked = (text: string) => text.replaceAll("[", MARK_START).replaceAll("]", MARK_END);

describe("snippetSegments", () => {
  it("splits marked text into plain and marked segments", () => {
    expect(snippetSegments(marked("Hegseth said the [borders] were [unrealistic]."))).toEqual([
      { text: "Hegseth said the ", marked: false },
      { text: "borders", marked: true },
      { text: " were ", marked: false },
      { text: "unrealistic", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("keeps markup in the text as text", () => {
    expect(snippetSegments(marked("<script>alert(1)</script> [x]"))).toEqual([
      { text: "<script>alert(1)</script> ", marked: false },
      { text: "x", marked: true },
    ]);
  });

  it("survives unbalanced and adjacent markers", () => {
    expect(snippetSegments(marked("a ]b[ c"))).toEqual([
      { text: "a b", marked: false },
      { text: " c", marked: true },
    ]);
    expect(snippetSegments(marked("[a][b]"))).toEqual([{ text: "ab", marked: true }]);
    expect(snippetSegments("")).toEqual([]);
  });
});
