import { readFileSync } from "node:fs";
import path from "node:path";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError } from "@/lib/errors";
import { makeArticle, makeUser } from "@/lib/claims/test-fixtures";
import { importAnnotations } from "@/lib/export/import";

/**
 * Importing Hypothesis files into an article: claims with verdict, rationale and tags as
 * the importer's drafts, replies as the importer's comments in thread order, each write
 * audited in the import's transaction; page notes skipped and nothing written for them.
 */

useTestDatabase();

const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
];
const folder = path.join(__dirname, "__fixtures__", "hypothesis");
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(folder, name), "utf8"));

let importer: Actor;

beforeAll(async () => {
  importer = await makeUser("REVIEWER", "Ivan Importer");
});

it("imports the client's export: drafts with verdict, rationale and tags, and replies as comments in thread order", async () => {
  const article = await makeArticle(LINES);
  const result = await importAnnotations(importer, article.id, read("export.json"));
  expect(result.created.map((c) => c.restatement)).toEqual([
    "the new harbour will create 2,000 jobs",
    "The mayor called it the largest investment in the city's history",
    "the budget had doubled since 2019",
  ]);
  expect(result.comments).toBe(2);
  expect(result.orphaned.map((o) => o.exact)).toEqual(["The harbour will pay for itself within a decade."]);
  expect(result.skipped).toEqual([{ annotationId: "Pr2sEku8Ee-Zm4XuA8cOyh", reason: "page note: not anchored to text" }]);

  const claims = await prisma.claim.findMany({
    where: { articleId: article.id },
    orderBy: { startOffset: "asc" },
    include: { comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  expect(claims.map((c) => [c.state, c.authorId, c.verdict, c.verdictProposedById, c.tags])).toEqual([
    ["DRAFT", importer.id, "MOSTLY_FALSE", importer.id, ["economy", "jobs"]],
    ["DRAFT", importer.id, "MISLEADING", importer.id, ["city budget"]],
    ["DRAFT", importer.id, "FALSE", importer.id, []],
  ]);
  expect(claims[0].rationale).toMatch(/^The authority's own feasibility study \(2024, table 3\) counts \*\*1,200\*\*/);
  expect(claims[0].comments.map((c) => [c.authorId, c.body])).toEqual([
    [importer.id, "Agreed: table 3 of the study gives 1,200."],
    [importer.id, "And the 2027 end date is in the construction contract, section 2."],
  ]);
  expect(claims.slice(1).flatMap((c) => c.comments)).toEqual([]);

  const events = await prisma.auditEvent.findMany({ where: { entityId: { in: [article.id, ...claims.map((c) => c.id)] } }, orderBy: { id: "asc" } });
  expect(events.map((e) => e.action).sort()).toEqual(["article.import_annotations", "claim.create", "claim.create", "claim.create", "comment.add", "comment.add"]);
  expect(events.find((e) => e.action === "article.import_annotations")?.after).toMatchObject({ created: 3, comments: 2, orphaned: 1, skipped: 1 });
});

it("imports an API search response and an array of API annotations alike", async () => {
  const search = read("search.json") as { rows: unknown[] };
  for (const file of [search, search.rows]) {
    const article = await makeArticle(LINES);
    const result = await importAnnotations(importer, article.id, file);
    expect(result.created.map((c) => c.restatement)).toEqual(["Construction starts next spring"]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["reply: the annotation it answers was not imported"]);
    const [claim] = await prisma.claim.findMany({ where: { articleId: article.id }, include: { comments: true } });
    expect([claim.verdict, claim.tags, claim.comments.map((c) => c.body)]).toEqual(["MOSTLY_TRUE", ["schedule"], ["See the minutes of 14 October, item 6."]]);
  }
});

it("writes nothing when no annotation of the file lands on the article", async () => {
  const article = await makeArticle(["A different story", "Nothing of the harbour here."]);
  const before = await prisma.auditEvent.count();
  const error = await importAnnotations(importer, article.id, read("export.json")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FieldError);
  expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
  expect(await prisma.comment.count({ where: { claim: { articleId: article.id } } })).toBe(0);
  expect(await prisma.auditEvent.count()).toBe(before);
});
