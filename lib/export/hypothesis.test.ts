import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { planAnnotationImport } from "@/lib/export/import-annotations";

/**
 * The Hypothesis files Verity reads: realistic fixtures (the client's "Export annotations"
 * file and an API search response), first checked against Hypothesis's published annotation
 * schema, so the tests read what Hypothesis writes and not what we imagine it writes.
 */

const folder = path.join(__dirname, "__fixtures__", "hypothesis");
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(folder, name), "utf8"));
const exportFile = read("export.json") as { annotations: unknown[] };
const searchResponse = read("search.json") as { total: number; rows: unknown[] };

const TEXT = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
].join("\n");

describe("the fixtures", () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(read("annotation.schema.json") as object);

  it.each([
    ["the client's export file", exportFile.annotations],
    ["the API search response", searchResponse.rows],
  ])("%s holds annotations valid against Hypothesis's annotation schema", (_name, annotations) => {
    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) {
      expect(validate(annotation) ? [] : validate.errors).toEqual([]);
    }
  });

  it("the schema rejects what is not a Hypothesis annotation", () => {
    const [first] = exportFile.annotations as Array<Record<string, unknown>>;
    expect(validate({ ...first, user: "mara" })).toBe(false);
    expect(validate({ ...first, target: [{ selector: [{ type: "TextQuoteSelector" }] }] })).toBe(false);
    const withoutDocument = { ...first };
    delete withoutDocument.document;
    expect(validate(withoutDocument)).toBe(false);
  });
});

describe("reading a Hypothesis export", () => {
  it("makes a claim of each annotation on text: its text the rationale, rating tags the verdict, other tags its tags", async () => {
    const plan = await planAnnotationImport(TEXT, exportFile, VERITY_CATALOGUE.choices);
    expect(plan.claims.map((c) => [c.exact, c.restatement, c.verdict, c.tags])).toEqual([
      ["the new harbour will create 2,000 jobs", "the new harbour will create 2,000 jobs", "MOSTLY_FALSE", ["economy", "jobs"]],
      ["The mayor called it the largest investment in the city's history", "The mayor called it the largest investment in the city's history", "MISLEADING", ["city budget"]],
      ["the budget had doubled since 2019", "the budget had doubled since 2019", "FALSE", []],
    ]);
    // The Markdown is kept as written.
    expect(plan.claims[0].rationale).toBe(
      "The authority's own feasibility study (2024, table 3) counts **1,200** permanent jobs; the 2,000 includes construction work that ends in 2027.\n\n- [Feasibility study](https://example.org/harbour-study.pdf)",
    );
    // Its positions count the whole page's text, not the article's: the quote places it.
    expect(TEXT.slice(plan.claims[0].start, plan.claims[0].end)).toBe("the new harbour will create 2,000 jobs");
  });

  it("makes replies comments on their thread's claim, in the order they were written", async () => {
    const plan = await planAnnotationImport(TEXT, exportFile, VERITY_CATALOGUE.choices);
    expect(plan.comments).toEqual([
      { annotationId: "Ng5qCku8Ee-Yb2VhX0aJtA", threadId: "Kd3hT0u8Ee-9wLuXq1mNZg", body: "Agreed: table 3 of the study gives 1,200." },
      { annotationId: "Op8rDku8Ee-Qk3WtY7bNxg", threadId: "Kd3hT0u8Ee-9wLuXq1mNZg", body: "And the 2027 end date is in the construction contract, section 2." },
    ]);
  });

  it("lists a page note as skipped, and a quote not in the text as orphaned", async () => {
    const plan = await planAnnotationImport(TEXT, exportFile, VERITY_CATALOGUE.choices);
    expect(plan.skipped).toEqual([{ annotationId: "Pr2sEku8Ee-Zm4XuA8cOyh", reason: "page note: not anchored to text" }]);
    expect(plan.orphaned.map((o) => [o.annotationId, o.exact])).toEqual([["Qs6tFku8Ee-Bn5YvC9dPzi", "The harbour will pay for itself within a decade."]]);
  });
});

describe("reading the API's annotations", () => {
  it("reads a search response's rows; a reply whose thread is not in the file is skipped", async () => {
    const plan = await planAnnotationImport(TEXT, searchResponse, VERITY_CATALOGUE.choices);
    expect(plan.claims.map((c) => [c.exact, c.verdict, c.tags])).toEqual([["Construction starts next spring", "MOSTLY_TRUE", ["schedule"]]]);
    expect(plan.comments.map((c) => c.body)).toEqual(["See the minutes of 14 October, item 6."]);
    expect(plan.skipped).toEqual([{ annotationId: "Tv1wIku8Ee-Eq8ByF2gScl", reason: "reply: the annotation it answers was not imported" }]);
  });

  it("reads an array of API annotations as the search response's rows", async () => {
    expect(await planAnnotationImport(TEXT, searchResponse.rows, VERITY_CATALOGUE.choices)).toEqual(await planAnnotationImport(TEXT, searchResponse, VERITY_CATALOGUE.choices));
  });

  it("leaves out a tag Verity cannot store, not the claim", async () => {
    const [row] = searchResponse.rows as Array<Record<string, unknown>>;
    const plan = await planAnnotationImport(TEXT, [{ ...row, tags: ["<script>", "x".repeat(41), "Schedule ", "schedule"] }], VERITY_CATALOGUE.choices);
    expect(plan.claims.map((c) => [c.verdict, c.tags])).toEqual([[null, ["schedule"]]]);
  });
});
