import { useTestDatabase, withClient } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { seed } from "@/lib/seed/seed";
import { addEvidence } from "@/lib/claims/data";
import { makeClaim, type TestArticle } from "@/lib/claims/test-fixtures";
import { suggestEvidence } from "@/lib/search/evidence";

/**
 * "Suggest evidence" on the seed articles: for the claim that Hegseth called a return to
 * Ukraine's pre-2014 borders unrealistic, the passages of the other seed articles that
 * report the same statement come first.
 */

const database = useTestDatabase();

const EXACT = "Hegseth stated that returning to Ukraine’s pre-2014 borders is “an unrealistic objective.”";
const RESTATEMENT = "Hegseth called a return to Ukraine's pre-2014 borders unrealistic";
// The same statement as the other seed articles report it.
const MATCHING = [
  "Hegseth stated that a return to Ukraine’s pre-2014 borders—before Russia’s annexation of Crimea—was “unrealistic” and ruled out NATO membership for Kyiv as part of any solution.",
  "Hegseth said definitively on Wednesday that the U.S. would not accept NATO membership for Ukraine or provide peacekeeping troops, and warned the country would not return to its pre-2014 borders.",
  "During the conference, Hegseth labeled it \"unrealistic\" for Ukraine to expect to reclaim territory occupied by Russia, along with dismissing its aspirations for NATO membership.",
  // 003's first sentence: the concessions Hegseth pulled back, "a return to its pre-war borders" among them.
  "Defense Secretary Pete Hegseth on Thursday pulled back some of the peace deal concessions he demanded of Ukraine a day earlier, including no NATO membership for the embattled country or a return to its pre-war borders.",
];

let reviewer: Actor;
let editor: Actor;
let articles: TestArticle[];
let claimId: string;

beforeAll(async () => {
  await seed(prisma);
  reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@verity.test" }, select: { id: true, name: true, email: true, role: true } });
  editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@verity.test" }, select: { id: true, name: true, email: true, role: true } });
  articles = (await prisma.article.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, title: true, canonicalText: true } })).map(
    (a) => ({ id: a.id, title: a.title, text: a.canonicalText }),
  );
  claimId = (await makeClaim(reviewer, articles[0], EXACT, { restatement: RESTATEMENT })).id;
});

describe("suggestEvidence", () => {
  it("ranks the passages of the other seed articles that report the same statement first", async () => {
    const suggestions = await suggestEvidence(reviewer, claimId);
    console.log(
      `Suggested evidence for "${RESTATEMENT}":\n` +
        suggestions.map((s, i) => `  ${i + 1}. ${s.score.toFixed(3)} [${articles.findIndex((a) => a.id === s.articleId)}] ${s.text.slice(0, 90)}`).join("\n"),
    );
    expect(suggestions.slice(0, MATCHING.length).map((s) => s.text)).toEqual(MATCHING);
    expect(suggestions.length).toBe(10);
    expect(suggestions.every((s) => s.articleId !== articles[0].id)).toBe(true);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of suggestions) {
      expect(articles.find((a) => a.id === s.articleId)!.text.slice(s.startOffset, s.endOffset)).toBe(s.text);
    }
  });

  it("marks a passage already attached, with its stance", async () => {
    const [first] = await suggestEvidence(reviewer, claimId);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    await addEvidence(reviewer, {
      kind: "PASSAGE",
      claimId,
      version: claim.version,
      stance: "SUPPORTS",
      sourceArticleId: first.articleId,
      start: first.startOffset,
      end: first.endOffset,
      exact: first.text,
    });
    const again = await suggestEvidence(reviewer, claimId);
    expect(again.find((s) => s.text === first.text)?.attachedAs).toBe("SUPPORTS");
    expect(again.filter((s) => s.attachedAs !== null)).toHaveLength(1);
  });

  it("keeps the ranking when the planner's statistics narrow the candidates to the rarest words", async () => {
    await withClient(database.url, (client) => client.query(`ANALYZE "Passage"`));
    const suggestions = await suggestEvidence(reviewer, claimId, { candidateRows: 10 });
    expect(suggestions.slice(0, 3).map((s) => s.text)).toEqual(MATCHING.slice(0, 3));
  });

  it("leaves out retired articles for reviewers, not for editors", async () => {
    await prisma.article.update({ where: { id: articles[1].id }, data: { retiredAt: new Date() } });
    try {
      expect((await suggestEvidence(reviewer, claimId)).some((s) => s.articleId === articles[1].id)).toBe(false);
      expect((await suggestEvidence(editor, claimId))[0].articleId).toBe(articles[1].id);
    } finally {
      await prisma.article.update({ where: { id: articles[1].id }, data: { retiredAt: null } });
    }
  });

  it("never suggests a copy of the claim's own sentence in another article", async () => {
    const copy = EXACT.replace("Hegseth stated", "HEGSETH STATED").replace("“an unrealistic objective.”", "an unrealistic objective");
    const passage = await prisma.passage.create({
      data: { articleId: articles[1].id, ordinal: 10_000, startOffset: 0, endOffset: copy.length, text: copy },
    });
    try {
      const suggestions = await suggestEvidence(reviewer, claimId);
      expect(suggestions.map((s) => s.text)).not.toContain(copy);
      expect(suggestions.slice(0, MATCHING.length).map((s) => s.text)).toEqual(MATCHING);
    } finally {
      await prisma.passage.delete({ where: { articleId_ordinal: { articleId: articles[1].id, ordinal: passage.ordinal } } });
    }
  });

  it("does not find a claim the actor may not see", async () => {
    await expect(suggestEvidence(reviewer, "no-such-claim")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("suggests nothing for a claim of only stop words, without an error", async () => {
    const id = (await makeClaim(reviewer, articles[2], "The backlash to Hegseth’s comments was swift.", { restatement: "It is what it was" })).id;
    await prisma.claim.update({ where: { id }, data: { exact: "the" } });
    expect(await suggestEvidence(reviewer, id)).toEqual([]);
  });
});
