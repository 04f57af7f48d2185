import { withoutEnclosingQuotes } from "@/lib/export/quotes";

describe("withoutEnclosingQuotes", () => {
  it.each([
    ["“We estimate 600 posts.”", "We estimate 600 posts."],
    ['"We estimate 600 posts."', "We estimate 600 posts."],
    ["„Wir schätzen 600 Stellen.“", "Wir schätzen 600 Stellen."],
    ["« Nous estimons 600 postes. »", "Nous estimons 600 postes."],
    ["‘600 posts’", "600 posts"],
    ["  “padded”  ", "padded"],
  ])("takes the pair of marks off %s", (quoted, bare) => {
    expect(withoutEnclosingQuotes(quoted)).toBe(bare);
  });

  it.each([
    ["We estimate 600 posts.", "no marks"],
    ["“Yes,” she said, “600 posts.”", "marks of two pairs"],
    ['"a" and "b"', "straight marks of two pairs"],
    ["“Unclosed quotation", "an opening mark only"],
    ["600 posts, “they said”", "a closing mark only at the end"],
    ["“”", "nothing inside"],
  ])("leaves %s as it is (%s)", (text) => {
    expect(withoutEnclosingQuotes(text)).toBe(text);
  });
});
