import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, NotFoundError } from "@/lib/errors";
import { makeArticle, makeClaim, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { getClaimDetail } from "@/lib/claims/data";
import { loadArticleExport } from "@/lib/export/data";
import { importAnnotations } from "@/lib/export/import";
import { toAnnotationCollection } from "@/lib/export/web-annotation";
import { claimIn } from "@/lib/export/db-test-fixtures";

/**
 * The round trip: a W3C Web Annotation export imported onto the same text recreates the
 * same claims at the same spans, as new drafts of the importer; onto changed text the
 * claims re-anchor where their text still is, and the rest are reported as orphaned.
 */

useTestDatabase();

const APP = "https://verity.example";
const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
];

let reviewer: Actor;
let importer: Actor;
let editor: Actor;
let original: TestArticle;
let exported: unknown;

beforeAll(async () => {
  [reviewer, importer, editor] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Ivan Importer"),
    makeUser("EDITOR", "Elena Editor"),
  ]);
  original = await makeArticle(LINES);
  await claimIn("APPROVED", reviewer, editor, original, "the new harbour will create 2,000 jobs", "MOSTLY_FALSE");
  await claimIn("APPROVED", reviewer, editor, original, "2,000 jobs", "FALSE");
  await claimIn("APPROVED", reviewer, editor, original, "The mayor called it the largest investment in the city's history", "MISLEADING");
  await claimIn("SUBMITTED", reviewer, editor, original, "Construction starts next spring", "TRUE");
  await claimIn("APPROVED", reviewer, editor, original, "Critics said the budget had doubled since 2019", "UNVERIFIABLE");
  await makeClaim(reviewer, original, "ends in 2027");
  const model = await loadArticleExport(editor, original.id, { appUrl: APP, includePending: true });
  // What the file holds: JSON, not objects.
  exported = JSON.parse(JSON.stringify(toAnnotationCollection(model)));
});

function claimsOn(articleId: string) {
  return prisma.claim.findMany({ where: { articleId }, orderBy: [{ startOffset: "asc" }, { endOffset: "desc" }] });
}

it("recreates the same claims at the same spans on the same text, as drafts of the importer", async () => {
  const copy = await makeArticle(LINES);
  const result = await importAnnotations(importer, copy.id, exported);
  const before = await claimsOn(original.id);
  const after = await claimsOn(copy.id);
  expect(result.created).toHaveLength(before.length);
  expect(result.orphaned).toEqual([]);
  expect(after.map((c) => [c.startOffset, c.endOffset, c.exact, c.prefix, c.suffix, c.restatement, c.verdict, c.rationale])).toEqual(
    before.map((c) => [c.startOffset, c.endOffset, c.exact, c.prefix, c.suffix, c.restatement, c.verdict, c.rationale]),
  );
  for (const claim of after) {
    expect(claim).toMatchObject({
      state: "DRAFT",
      authorId: importer.id,
      version: 1,
      anchorStatus: "ANCHORED",
      verdictProposedById: claim.verdict ? importer.id : null,
      approvedAt: null,
      approvedById: null,
      reviewNote: null,
    });
  }
  expect(await prisma.evidence.count({ where: { claimId: { in: after.map((c) => c.id) } } })).toBe(0);
  // Each draft's history starts with its creation by the importer; the article records the import.
  const history = (await getClaimDetail(importer, after[0].id)).history;
  expect(history.map((h) => [h.action, h.actor?.name])).toEqual([["claim.create", "Ivan Importer"]]);
  const importEvent = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Article", entityId: copy.id, action: "article.import_annotations" } });
  expect(importEvent).toMatchObject({ actorId: importer.id, after: { created: before.length, orphaned: 0, skipped: 0 } });
  // The original is untouched.
  expect(await claimsOn(original.id)).toEqual(before);
});

it("re-anchors onto changed text where the claims' text still is, and lists the others as orphaned", async () => {
  const edited = await makeArticle([
    "Harbour Plan Approved (updated)",
    "This article was corrected on 3 April.",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring and ends in 2028.",
    "The mayor called it the biggest investment in the city's history.",
    "Critics said the budget was cut in half.",
  ]);
  const result = await importAnnotations(importer, edited.id, exported);
  const created = await claimsOn(edited.id);
  const text = edited.text;
  // Every created claim sits on text that is in the edited article.
  for (const claim of created) expect(text.slice(claim.startOffset, claim.endOffset)).toBe(claim.exact);
  expect(created.map((c) => [c.exact, c.restatement])).toEqual([
    ["the new harbour will create 2,000 jobs", "Claim: the new harbour will create 2,000 jobs"],
    ["2,000 jobs", "Claim: 2,000 jobs"],
    ["Construction starts next spring", "Claim: Construction starts next spring"],
    // One character changed: found by the fuzzy match, on the new text.
    ["ends in 2028", "Claim: ends in 2027"],
    // Reworded by one word: found by the fuzzy match, on the new wording.
    ["The mayor called it the biggest investment in the city's history", "Claim: The mayor called it the largest investment in the city's history"],
  ]);
  // Moved by the inserted paragraph: found by their quotes at the new offsets.
  expect(created[0].startOffset).toBe(text.indexOf("the new harbour"));
  expect(created[0].startOffset).not.toBe(original.text.indexOf("the new harbour"));
  // The rewritten sentence is not placed anywhere.
  expect(result.orphaned.map((o) => [o.restatement, o.exact])).toEqual([
    ["Claim: Critics said the budget had doubled since 2019", "Critics said the budget had doubled since 2019"],
  ]);
  // The result says how each was found, so the importer can check the ones on changed text.
  expect(result.created.map((c) => [c.id, c.method])).toEqual(
    created.map((c) => [c.id, c.exact === "ends in 2028" || c.exact.includes("biggest") ? "fuzzy" : "quote"]),
  );
});

it("refuses a file that is not a Web Annotation export, on the file field, writing nothing", async () => {
  const copy = await makeArticle(LINES);
  const before = await snapshot();
  for (const json of [{ hello: "world" }, [], { type: "AnnotationCollection", total: 3, first: "https://example.org/page/1" }, "just a string"]) {
    const error = await importAnnotations(importer, copy.id, json).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "file" });
  }
  expect(await snapshot()).toEqual(before);
});

it("refuses, writing nothing, an export none of whose claims is on this article's text", async () => {
  const other = await makeArticle(["Bridge Report", "The council said the new bridge opens in May."]);
  const before = await snapshot();
  const error = await importAnnotations(importer, other.id, exported).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FieldError);
  expect(error).toMatchObject({ field: "file", message: expect.stringMatching(/^None of the file’s \d+ claim annotations could be placed/) });
  expect(await snapshot()).toEqual(before);
});

it("drops characters PostgreSQL cannot store from an annotation's text", async () => {
  const copy = await makeArticle(LINES);
  const json = JSON.parse(JSON.stringify(exported).replace(/"purpose":"describing","value":"/, '"purpose":"describing","value":"NUL\\u0000 and \\ud800 here: '));
  const result = await importAnnotations(importer, copy.id, json);
  const restatements = result.created.map((claim) => claim.restatement);
  expect(restatements.some((r) => r.startsWith("NUL and \ufffd here: "))).toBe(true);
});

it("reports an article the importer cannot see as not found", async () => {
  const retired = await makeArticle(LINES, { retired: true });
  await expect(importAnnotations(importer, retired.id, exported)).rejects.toThrow(NotFoundError);
  await expect(importAnnotations(importer, "no-such-article", exported)).rejects.toThrow(NotFoundError);
});
