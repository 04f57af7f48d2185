import { importArticleSchema } from "@/lib/articles/schemas";

/** The preview's edits an import carries: the preview's own JSON, or nothing; anything else is refused on the field. */
describe("an import's preview edits", () => {
  const fields = (edits?: string) => ({ format: "auto", content: "Harbour News\nThe harbour opens in May.", outlet: "Port Times", title: "", url: "", publicationDate: "", language: "", ...(edits === undefined ? {} : { edits }) });
  const UNREADABLE = "The preview's changes could not be read. Preview again.";

  it("takes the preview's JSON, and no edits when the field is absent or empty", () => {
    const edits = { dropped: [1], texts: { "0": "Harbour News, rewritten" } };
    expect(importArticleSchema.parse(fields(JSON.stringify(edits))).edits).toEqual(edits);
    expect(importArticleSchema.parse(fields()).edits).toBeNull();
    expect(importArticleSchema.parse(fields("")).edits).toBeNull();
  });

  it.each(["null", "[]", "{", "5", '"text"', '{"dropped":[-1],"texts":{}}'])("refuses %s on the edits field", (edits) => {
    const parsed = importArticleSchema.safeParse(fields(edits));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([{ path: ["edits"], message: UNREADABLE }]);
  });
});
