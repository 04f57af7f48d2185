import { z } from "zod";
import {
  addCommentSchema,
  addEvidenceSchema,
  createClaimSchema,
  deleteClaimSchema,
  removeEvidenceSchema,
  updateClaimSchema,
} from "@/lib/claims/schemas";

/** The claims forms' schemas, fed strings as FormData delivers them. */

function fieldErrors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>;
}

function without(input: Record<string, string>, ...keys: string[]) {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key)));
}

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const mark = {
  articleId: "article-1",
  start: "4",
  end: "12",
  exact: "selected",
  restatement: "  The claim, restated.  ",
  verdict: "",
  rationale: "",
};

const NO_CLAIMANT = { claimant: null, claimantKind: null, claimDate: null, appearanceUrl: null };

describe("createClaimSchema", () => {
  it("coerces offsets, trims text and turns empty optional fields into null", () => {
    expect(createClaimSchema.parse(mark)).toEqual({
      articleId: "article-1",
      start: 4,
      end: 12,
      exact: "selected",
      restatement: "The claim, restated.",
      verdict: null,
      rationale: null,
      ...NO_CLAIMANT,
    });
  });

  it("takes who made the claim, when and where; the kind only with a claimant, a person unless told otherwise", () => {
    const made = { claimant: " Mayor Jane Holt ", claimDate: "2025-03-07", appearanceUrl: "https://council.example/m" };
    expect(createClaimSchema.parse({ ...mark, ...made })).toMatchObject({ ...made, claimant: "Mayor Jane Holt", claimantKind: "PERSON" });
    expect(createClaimSchema.parse({ ...mark, claimant: "Port Authority", claimantKind: "ORGANIZATION" }).claimantKind).toBe("ORGANIZATION");
    expect(createClaimSchema.parse({ ...mark, claimantKind: "ORGANIZATION" }).claimantKind).toBeNull();
    expect(fieldErrors(createClaimSchema, { ...mark, claimDate: "2999-01-01" })).toEqual({ claimDate: ["The claim cannot have been made in the future."] });
    expect(fieldErrors(createClaimSchema, { ...mark, claimDate: "2025-02-30" })).toEqual({ claimDate: ["Enter the real date the claim was made (YYYY-MM-DD), or leave it empty."] });
    expect(fieldErrors(createClaimSchema, { ...mark, appearanceUrl: "javascript:alert(1)" })).toEqual({ appearanceUrl: ["Enter a web address starting with http:// or https://."] });
    expect(fieldErrors(createClaimSchema, { ...mark, claimantKind: "ROBOT" })).toEqual({ claimantKind: ["Choose whether the claimant is a person or an organisation."] });
  });

  it("treats a missing verdict and rationale as null, keeps given ones, and passes the client's context through", () => {
    expect(createClaimSchema.parse(without(mark, "verdict", "rationale"))).toMatchObject({ verdict: null, rationale: null });
    expect(
      createClaimSchema.parse({ ...mark, verdict: "MOSTLY_TRUE", rationale: " Because. ", prefix: "before ", suffix: " after" }),
    ).toMatchObject({ verdict: "MOSTLY_TRUE", rationale: "Because.", prefix: "before ", suffix: " after" });
  });

  it("turns browser line breaks (\\r\\n) into \\n and does not trim the selected text", () => {
    expect(createClaimSchema.parse({ ...mark, exact: " end.\r\nStart ", rationale: "One.\r\nTwo." })).toMatchObject({
      exact: " end.\nStart ",
      rationale: "One.\nTwo.",
    });
  });

  it.each([
    ["start", "ten", "ten", "The start of the selection must be a whole number, 0 or more."],
    ["start", "-1", "-1", "The start of the selection must be a whole number, 0 or more."],
    ["start", "1.5", "1.5", "The start of the selection must be a whole number, 0 or more."],
    ["start", "(empty)", "", "The start of the selection must be a whole number, 0 or more."],
    ["start", "99999999999", "99999999999", "The start of the selection must be a whole number, 0 or more."],
    ["end", "(a space)", " ", "The end of the selection must be a whole number, 0 or more."],
    ["exact", "(empty)", "", "Select the text in the article."],
    ["exact", "(whitespace)", " \n\u00a0", "Select some words, not only spaces."],
    ["restatement", "(spaces)", "   ", "Restate the claim in your own words."],
    ["restatement", "1001 characters", "x".repeat(1001), "A restated claim has at most 1,000 characters."],
    ["rationale", "10,001 characters", "x".repeat(10_001), "A rationale has at most 10,000 characters."],
    ["verdict", "65 characters", "x".repeat(65), "Choose a verdict from the list."],
    ["articleId", "(empty)", "", "Choose an article."],
  ])("rejects %s = %s with its own message", (field, _label, value, message) => {
    expect(fieldErrors(createClaimSchema, { ...mark, [field]: value })).toEqual({ [field]: [message] });
  });

  it("accepts the longest restatement and rationale", () => {
    expect(createClaimSchema.safeParse({ ...mark, restatement: "x".repeat(1000), rationale: "y".repeat(10_000) }).success).toBe(true);
  });

  it.each([
    ["12", "4"],
    ["7", "7"],
  ])("rejects a selection from %s to %s on the end field", (start, end) => {
    expect(fieldErrors(createClaimSchema, { ...mark, start, end })).toEqual({ end: ["The selection must end after it starts."] });
  });
});

describe("updateClaimSchema and deleteClaimSchema", () => {
  const update = { claimId: "claim-1", version: "3", restatement: "Restated.", verdict: "FALSE", rationale: "" };

  it("coerces the version and maps an empty verdict to Unrated (null)", () => {
    expect(updateClaimSchema.parse(update)).toEqual({ claimId: "claim-1", version: 3, restatement: "Restated.", verdict: "FALSE", rationale: null, ...NO_CLAIMANT, note: null });
    expect(updateClaimSchema.parse({ ...update, verdict: "" }).verdict).toBeNull();
    expect(deleteClaimSchema.parse({ claimId: "claim-1", version: "2" })).toEqual({ claimId: "claim-1", version: 2 });
  });

  it.each(["0", "-2", "two", ""])("rejects version %j", (version) => {
    expect(fieldErrors(updateClaimSchema, { ...update, version })).toEqual({
      version: ["The version must be a whole number of 1 or more. Reload and try again."],
    });
    expect(Object.keys(fieldErrors(deleteClaimSchema, { claimId: "c", version }))).toEqual(["version"]);
  });

  it("requires the verdict and rationale fields, so a form that leaves them out cannot clear them", () => {
    expect(Object.keys(fieldErrors(updateClaimSchema, without(update, "verdict", "rationale"))).sort()).toEqual(["rationale", "verdict"]);
  });
});

describe("addEvidenceSchema", () => {
  const passage = {
    kind: "PASSAGE",
    claimId: "claim-1",
    version: "2",
    stance: "SUPPORTS",
    sourceArticleId: "article-2",
    start: "0",
    end: "5",
    exact: "Words",
  };
  const external = {
    kind: "EXTERNAL",
    claimId: "claim-1",
    version: "2",
    stance: "CONTEXT",
    url: " https://example.org/report?page=2 ",
    title: " A report ",
    excerpt: "",
    accessedAt: "2024-02-29",
  };

  it("parses a passage and an external source", () => {
    expect(addEvidenceSchema.parse(passage)).toEqual({ ...passage, version: 2, start: 0, end: 5 });
    expect(addEvidenceSchema.parse(external)).toEqual({
      ...external,
      version: 2,
      url: "https://example.org/report?page=2",
      title: "A report",
      excerpt: null,
    });
    expect(addEvidenceSchema.parse(without(external, "excerpt"))).toMatchObject({ excerpt: null });
  });

  it("asks for the kind of evidence when it is missing or unknown", () => {
    for (const kind of [undefined, "RUMOUR"]) {
      expect(fieldErrors(addEvidenceSchema, { ...external, kind })).toEqual({
        kind: ["Choose a passage of an article or an external source."],
      });
    }
  });

  it("checks a passage's span like a claim's", () => {
    expect(fieldErrors(addEvidenceSchema, { ...passage, start: "5", end: "5" })).toEqual({
      end: ["The selection must end after it starts."],
    });
    expect(fieldErrors(addEvidenceSchema, { ...passage, sourceArticleId: "" })).toEqual({
      sourceArticleId: ["Choose the article the passage is from."],
    });
    expect(Object.keys(fieldErrors(addEvidenceSchema, { ...passage, stance: "AGREES" }))).toEqual(["stance"]);
  });

  it.each([
    ["a javascript: URL", "javascript:alert(1)"],
    ["an upper-case JAVASCRIPT: URL", "JAVASCRIPT:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["an ftp: URL", "ftp://example.org/file"],
    ["an address without a scheme", "example.org"],
    ["an address with a space", "https://exa mple.org"],
    ["a scheme without a host", "https://"],
    ["an address of 2,001 characters", `https://example.org/${"a".repeat(1981)}`],
  ])("rejects %s", (_case, url) => {
    const errors = fieldErrors(addEvidenceSchema, { ...external, url });
    expect(Object.keys(errors)).toEqual(["url"]);
  });

  it.each([
    ["title", "(empty)", "", "Enter the source's title."],
    ["title", "301 characters", "x".repeat(301), "A title has at most 300 characters."],
    ["excerpt", "5001 characters", "x".repeat(5001), "An excerpt has at most 5,000 characters."],
    ["accessedAt", "(empty)", "", "Enter a real date (YYYY-MM-DD)."],
    ["accessedAt", "2025-02-30", "2025-02-30", "Enter a real date (YYYY-MM-DD)."],
    ["accessedAt", "31/01/2025", "31/01/2025", "Enter a real date (YYYY-MM-DD)."],
    ["accessedAt", "(in two days)", isoDay(2), "The date accessed cannot be in the future."],
  ])("rejects %s = %s with its own message", (field, _label, value, message) => {
    expect(fieldErrors(addEvidenceSchema, { ...external, [field]: value })).toEqual({ [field]: [message] });
  });

  it("accepts today's date and a 2,000-character URL", () => {
    expect(addEvidenceSchema.safeParse({ ...external, accessedAt: isoDay(0) }).success).toBe(true);
    const url = `https://example.org/${"a".repeat(2000 - "https://example.org/".length)}`;
    expect(addEvidenceSchema.safeParse({ ...external, url }).success).toBe(true);
  });

  it("requires the date accessed", () => {
    expect(fieldErrors(addEvidenceSchema, without(external, "accessedAt"))).toEqual({
      accessedAt: ["Enter the date you accessed the source (YYYY-MM-DD)."],
    });
  });
});

describe("removeEvidenceSchema and addCommentSchema", () => {
  it("coerces the claim's version for removing evidence", () => {
    expect(removeEvidenceSchema.parse({ evidenceId: "e1", version: "4" })).toEqual({ evidenceId: "e1", version: 4 });
    expect(Object.keys(fieldErrors(removeEvidenceSchema, { evidenceId: "", version: "4" }))).toEqual(["evidenceId"]);
  });

  it("trims a comment and limits it to 5,000 characters", () => {
    expect(addCommentSchema.parse({ claimId: "c1", body: "  Good point.\r\nBut…  " })).toEqual({ claimId: "c1", body: "Good point.\nBut…", parentId: null });
    expect(fieldErrors(addCommentSchema, { claimId: "c1", body: " \n " })).toEqual({ body: ["Write a comment."] });
    expect(fieldErrors(addCommentSchema, { claimId: "c1", body: "x".repeat(5001) })).toEqual({
      body: ["A comment has at most 5,000 characters."],
    });
    expect(addCommentSchema.safeParse({ claimId: "c1", body: "x".repeat(5000) }).success).toBe(true);
  });
});
