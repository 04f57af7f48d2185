import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { importArticle } from "@/lib/articles/data";
import { importArticleSchema } from "@/lib/articles/schemas";
import { makeClaim } from "@/lib/claims/test-fixtures";
import { suggestEvidence } from "@/lib/search/evidence";
import { sameClaimCandidates } from "@/lib/search/same-claim";
import { searchPassages } from "@/lib/search/search";
import type { SearchFilters } from "@/lib/search/types";

/**
 * Copies: an article imported twice ("Import anyway") and a sentence repeated in another
 * article. Search shows a copied passage once; evidence and same-claim suggestions never
 * offer the claim's own text back from a copy of its article.
 */
useTestDatabase();

const NO_FILTERS: SearchFilters = { outlet: null, from: null, to: null, claims: null, verdict: null, language: null, page: 1 };
const SHARED = "The harbour authority said dredging would cost £4.5m over three years.";
const ORIGINAL = `Harbour dredging approved\n${SHARED}\nFishing crews welcomed the decision on Monday.\nThe first boats will return in April.`;
const OTHER = `Port budget under pressure\nCouncillors questioned the harbour spending.\n${SHARED}\nDredging contractors have not yet been chosen.`;

let editor: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  editor = await prisma.user.create({
    data: { name: "An editor", email: "editor@copies.test", role: "EDITOR", passwordHash: "not used" },
    select: { id: true, name: true, email: true, role: true },
  });
  const importText = (content: string, importAnyway = false) =>
    importArticle(editor, importArticleSchema.parse({ content, format: "TEXT", outlet: "Harbour Gazette", title: "", url: "", publicationDate: "", importAnyway: importAnyway ? "1" : "" }));
  ids.original = await importText(ORIGINAL);
  ids.copy = await importText(ORIGINAL.toUpperCase(), true);
  ids.other = await importText(OTHER);
});

it("search shows a passage found in several articles once, saying in how many others", async () => {
  const outcome = await searchPassages(editor, "dredging cost", NO_FILTERS);
  if (outcome.status !== "ok") throw new Error(outcome.message);
  const shared = outcome.hits.filter((hit) => hit.snippet.replace(/[\uE000\uE001]/g, "").toLowerCase() === SHARED.toLowerCase());
  expect(shared).toHaveLength(1);
  expect(shared[0].alsoIn).toBe(2);
  expect(outcome.hits.filter((hit) => hit !== shared[0]).every((hit) => hit.alsoIn === 0)).toBe(true);
  expect(outcome.total).toBe(outcome.hits.length);
});

it("suggested evidence offers nothing from an identical copy of the claim's article, nor the claim's own sentence", async () => {
  const original = await prisma.article.findUniqueOrThrow({ where: { id: ids.original } });
  const claim = await makeClaim(editor, { id: original.id, title: original.title, text: original.canonicalText }, SHARED, { restatement: "Dredging will cost £4.5m, and fishing crews welcomed the decision" });
  const suggestions = await suggestEvidence(editor, claim.id);
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions.map((s) => s.articleId)).not.toContain(ids.copy);
  expect(suggestions.map((s) => s.text.toLowerCase())).not.toContain(SHARED.toLowerCase());
  expect(suggestions.map((s) => s.articleId)).toContain(ids.other);
});

it("same-claim matching offers the claim made in another article, never the same claim on a copy of its article", async () => {
  const article = (id: string) => prisma.article.findUniqueOrThrow({ where: { id } }).then((a) => ({ id: a.id, title: a.title, text: a.canonicalText }));
  const onOriginal = await makeClaim(editor, await article(ids.original), "Fishing crews welcomed the decision on Monday.", { restatement: "Fishing crews welcomed the dredging decision" });
  await makeClaim(editor, await article(ids.copy), "FISHING CREWS WELCOMED THE DECISION ON MONDAY.", { restatement: "Fishing crews welcomed the dredging decision" });
  const onOther = await makeClaim(editor, await article(ids.other), "Councillors questioned the harbour spending.", { restatement: "Fishing crews welcomed the dredging decision" });
  const claim = await prisma.claim.findUniqueOrThrow({ where: { id: onOriginal.id }, select: { id: true, articleId: true, restatement: true, exact: true, groupId: true } });
  const candidates = await sameClaimCandidates(editor, claim);
  expect(candidates.map((c) => c.id)).toEqual([onOther.id]);
});
