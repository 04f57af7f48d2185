import { z } from "zod";
import { articleDetailsSchema, importArticleSchema } from "@/lib/articles/schemas";
import { addCommentSchema, addEvidenceSchema, createClaimSchema, updateClaimSchema } from "@/lib/claims/schemas";
import { parseSearchParams } from "@/lib/search/schemas";
import { createUserSchema } from "@/lib/users/schemas";
import { transitionSchema } from "@/lib/workflow/schemas";
import { DATE_OUT_OF_RANGE } from "@/lib/validation/fields";

/** The shared fields as every feature's schema uses them (issue 22: bidi controls, unreal dates). */

// Right-to-left override … pop, and a first-strong isolate … pop isolate, around plain words.
const HOSTILE = " \u202Egnp.exe\u202C and \u2068more\u2069 \u202A\u202B\u202D\u2066\u2067 ";
const CLEAN = "gnp.exe and more";

const article = { articleId: "a1", title: "Title", outlet: "Outlet", url: "", publicationDate: "" };
const claim = { articleId: "a1", start: "0", end: "4", exact: "text", restatement: "Restated.", verdict: "", rationale: "" };
const update = { claimId: "c1", version: "1", restatement: "Restated.", verdict: "", rationale: "" };
const external = { kind: "EXTERNAL", claimId: "c1", version: "1", stance: "CONTEXT", url: "https://example.org/", title: "Source", excerpt: "", accessedAt: "2024-02-29" };

const freeTextFields: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
  ["a user's name", createUserSchema, { name: "Name", email: "a@example.org", role: "REVIEWER", password: "a long password" }, "name"],
  ["an article's title", articleDetailsSchema, article, "title"],
  ["an article's outlet", articleDetailsSchema, article, "outlet"],
  ["an import's title", importArticleSchema, { ...article, format: "TEXT", content: "Text." }, "title"],
  ["a claim's restatement", createClaimSchema, claim, "restatement"],
  ["a claim's rationale", updateClaimSchema, update, "rationale"],
  ["an edited restatement", updateClaimSchema, update, "restatement"],
  ["an external source's title", addEvidenceSchema, external, "title"],
  ["an external source's excerpt", addEvidenceSchema, external, "excerpt"],
  ["a comment", addCommentSchema, { claimId: "c1", body: "Comment." }, "body"],
  ["a review note", transitionSchema, { claimId: "c1", version: "1", action: "request_changes", note: "Note." }, "note"],
];

describe("free text", () => {
  it.each(freeTextFields)("drops bidi controls from %s", (_name, schema, valid, field) => {
    const parsed = schema.parse({ ...valid, [field]: HOSTILE }) as Record<string, unknown>;
    expect(parsed[field]).toBe(CLEAN);
  });

  it("drops bidi controls from the search page's outlet", () => {
    expect(parseSearchParams({ outlet: HOSTILE }, () => true).filters.outlet).toBe(CLEAN);
  });

  it("counts a field made only of bidi controls as empty", () => {
    expect(createUserSchema.safeParse({ name: "\u202E\u2066", email: "a@example.org", role: "REVIEWER", password: "a long password" }).success).toBe(false);
  });
});

describe("dates", () => {
  it.each(["0000-01-01", "0001-01-01", "1599-12-31", "3000-01-01", "9999-12-31"])("refuses %s with a field-level error", (date) => {
    const accessed = addEvidenceSchema.safeParse({ ...external, accessedAt: date });
    expect(accessed.success).toBe(false);
    expect(z.flattenError(accessed.error!).fieldErrors).toEqual({ accessedAt: [date > "2999" ? "The date accessed cannot be in the future." : DATE_OUT_OF_RANGE] });
    const published = articleDetailsSchema.safeParse({ ...article, publicationDate: date });
    expect(z.flattenError(published.error!).fieldErrors).toEqual({ publicationDate: [DATE_OUT_OF_RANGE] });
    expect(parseSearchParams({ from: date }, () => true).errors).toEqual({ from: DATE_OUT_OF_RANGE });
  });

  it("takes the first and last days of the range", () => {
    expect(addEvidenceSchema.safeParse({ ...external, accessedAt: "1600-01-01" }).success).toBe(true);
    expect(articleDetailsSchema.parse({ ...article, publicationDate: "2999-12-31" }).publicationDate).toEqual(new Date("2999-12-31T00:00:00Z"));
  });
});
