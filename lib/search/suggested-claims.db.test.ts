import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, NotFoundError } from "@/lib/errors";
import { seed } from "@/lib/seed/seed";
import { makeClaim, type TestArticle } from "@/lib/claims/test-fixtures";
import { SUGGEST_THRESHOLD } from "@/lib/search/check-worthy";
import { dismissSuggestion, restoreSuggestion, suggestClaims } from "@/lib/search/suggested-claims";

/** "Suggest claims" on a seed article: what is suggested, what a claim or a dismissal removes, and restoring. */

useTestDatabase();

let reviewer: Actor;
let otherReviewer: Actor;
let article: TestArticle;

const OCCUPIES = "Russia currently occupies roughly 20% of Ukraine’s territory and has demanded that Kyiv cede land and adopt permanent neutrality as part of any peace deal.";
const KREMLIN = "The Kremlin announced on Wednesday that Putin and Trump had agreed to meet, with Putin inviting Trump to visit Moscow.";

beforeAll(async () => {
  await seed(prisma);
  const select = { id: true, name: true, email: true, role: true } as const;
  reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@verity.test" }, select });
  otherReviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer2@verity.test" }, select });
  const row = await prisma.article.findFirstOrThrow({ where: { title: { startsWith: "Trump’s Early Concessions" } } });
  article = { id: row.id, title: row.title, text: row.canonicalText };
});

describe("suggestClaims", () => {
  it("suggests the check-worthy sentences best first (text order where scores tie), with scores and reasons", async () => {
    const { suggestions, dismissed } = await suggestClaims(reviewer, article.id);
    expect(dismissed).toEqual([]);
    expect(suggestions.length).toBeGreaterThan(10);
    const ranked = [...suggestions].sort((a, b) => b.score - a.score || a.start - b.start);
    expect(suggestions.map((s) => s.start)).toEqual(ranked.map((s) => s.start));
    // Not merely text order.
    expect(suggestions.map((s) => s.start)).not.toEqual([...suggestions.map((s) => s.start)].sort((a, b) => a - b));
    for (const s of suggestions) {
      expect(article.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const occupies = suggestions.find((s) => s.text === OCCUPIES);
    expect(occupies?.reasons).toEqual(expect.arrayContaining(["a percentage", "a comparison: roughly"]));
    // Headings and opinion are not suggested.
    expect(suggestions.some((s) => s.text === "A Question of Leverage")).toBe(false);
    expect(suggestions.some((s) => s.text.startsWith("Critics warn that Trump’s approach could"))).toBe(false);
  });

  it("leaves out a sentence a claim covers, even in part", async () => {
    await makeClaim(otherReviewer, article, "roughly 20% of Ukraine’s territory");
    const { suggestions } = await suggestClaims(reviewer, article.id);
    expect(suggestions.some((s) => s.text === OCCUPIES)).toBe(false);
  });

  it("remembers a dismissal for everyone, records it, and can restore it", async () => {
    const target = (await suggestClaims(reviewer, article.id)).suggestions.find((s) => s.text === KREMLIN)!;
    expect(target).toBeDefined();
    await dismissSuggestion(reviewer, { articleId: article.id, start: target.start, end: target.end });
    // Dismissing again (a second click, another reviewer) changes nothing.
    await dismissSuggestion(otherReviewer, { articleId: article.id, start: target.start, end: target.end });

    const seenByOther = await suggestClaims(otherReviewer, article.id);
    expect(seenByOther.suggestions.some((s) => s.text === KREMLIN)).toBe(false);
    expect(seenByOther.dismissed.map((s) => s.text)).toEqual([KREMLIN]);
    const events = await prisma.auditEvent.findMany({ where: { entityType: "Article", entityId: article.id, action: "suggestion.dismissed" } });
    expect(events.map((e) => ({ actorId: e.actorId, after: e.after }))).toEqual([
      { actorId: reviewer.id, after: { startOffset: target.start, endOffset: target.end, text: KREMLIN } },
    ]);

    await restoreSuggestion(otherReviewer, { articleId: article.id, start: target.start, end: target.end });
    const restored = await suggestClaims(reviewer, article.id);
    expect(restored.suggestions.some((s) => s.text === KREMLIN)).toBe(true);
    expect(restored.dismissed).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "suggestion.restored", actorId: otherReviewer.id } })).toBe(1);
  });

  it("refuses a span that is not a sentence of the article, and articles out of sight", async () => {
    await expect(dismissSuggestion(reviewer, { articleId: article.id, start: 0, end: 5 })).rejects.toBeInstanceOf(FieldError);
    await expect(suggestClaims(reviewer, "no-such-article")).rejects.toBeInstanceOf(NotFoundError);
    await prisma.article.update({ where: { id: article.id }, data: { retiredAt: new Date() } });
    try {
      await expect(suggestClaims(reviewer, article.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(dismissSuggestion(reviewer, { articleId: article.id, start: 0, end: 10 })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await prisma.article.update({ where: { id: article.id }, data: { retiredAt: null } });
    }
    expect(await prisma.dismissedSuggestion.count()).toBe(0);
  });
});
