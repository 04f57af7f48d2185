import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { checkWorthiness, SUGGEST_THRESHOLD, usesWordRules } from "@/lib/search/check-worthy";
import { splitPassages } from "@/lib/search/passages";
import type { ClaimSuggestion } from "@/lib/search/types";

/**
 * "Suggest claims": the check-worthy sentences of an article that no claim covers yet,
 * the most check-worthy first (in text order where scores tie), and those a reviewer dismissed (remembered per article and span, for
 * everyone, until restored).
 */
export interface ClaimSuggestions {
  suggestions: ClaimSuggestion[];
  dismissed: ClaimSuggestion[];
  /** The article's language (BCP 47), null when not known. */
  language: string | null;
  /** Whether the English word rules scored its sentences (check-worthy.ts), or only the signals of any language. */
  wordRules: boolean;
}

function visibleArticle(actor: Actor, articleId: string) {
  return prisma.article.findFirst({
    where: { id: articleId, ...visibleArticleWhere(actor) },
    select: { id: true, canonicalText: true, language: true },
  });
}

/** The article's sentences: its stored passages, or (for an article indexed before passages existed) split now. */
async function sentencesOf(article: { id: string; canonicalText: string; language: string | null }) {
  const stored = await prisma.passage.findMany({
    where: { articleId: article.id },
    select: { startOffset: true, endOffset: true, text: true },
    orderBy: { ordinal: "asc" },
  });
  if (stored.length > 0) return stored.map((p) => ({ start: p.startOffset, end: p.endOffset, text: p.text }));
  return splitPassages(article.canonicalText, article.language).map((p) => ({ start: p.start, end: p.end, text: p.text }));
}

export async function suggestClaims(actor: Actor, articleId: string): Promise<ClaimSuggestions> {
  const article = await visibleArticle(actor, articleId);
  if (!article) throw new NotFoundError("That article");
  const [sentences, claims, dismissals] = await Promise.all([
    sentencesOf(article),
    prisma.claim.findMany({ where: { articleId }, select: { startOffset: true, endOffset: true } }),
    prisma.dismissedSuggestion.findMany({ where: { articleId }, select: { startOffset: true, endOffset: true } }),
  ]);
  const dismissedSpans = new Set(dismissals.map((d) => `${d.startOffset}:${d.endOffset}`));
  const result: ClaimSuggestions = { suggestions: [], dismissed: [], language: article.language, wordRules: usesWordRules(article.language) };
  for (const sentence of sentences) {
    // A sentence a claim already covers, even in part, has been looked at.
    if (claims.some((c) => c.startOffset < sentence.end && sentence.start < c.endOffset)) continue;
    const { score, reasons } = checkWorthiness(sentence.text, article.language);
    if (score < SUGGEST_THRESHOLD) continue;
    const suggestion = { ...sentence, score, reasons };
    (dismissedSpans.has(`${sentence.start}:${sentence.end}`) ? result.dismissed : result.suggestions).push(suggestion);
  }
  // Stable: sentences of the same score stay in text order.
  result.suggestions.sort((a, b) => b.score - a.score);
  return result;
}

/** The article (if the actor can see it) and its sentence at start–end; anything else is refused. */
async function sentenceOf(actor: Actor, input: { articleId: string; start: number; end: number }) {
  const article = await visibleArticle(actor, input.articleId);
  if (!article) throw new NotFoundError("That article");
  const sentence = (await sentencesOf(article)).find((s) => s.start === input.start && s.end === input.end);
  if (!sentence) throw new FieldError("start", "That is not a sentence of this article. Reload the suggestions.");
  return { article, sentence };
}

/** Remembers that a suggested sentence is not worth a claim. */
export async function dismissSuggestion(actor: Actor, input: { articleId: string; start: number; end: number }): Promise<void> {
  const { article, sentence } = await sentenceOf(actor, input);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissedSuggestion.createMany({
      data: [{ articleId: article.id, startOffset: sentence.start, endOffset: sentence.end, dismissedById: actor.id }],
      skipDuplicates: true,
    });
    // Dismissed already (by someone else a moment ago): nothing changed, nothing to record.
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "suggestion.dismissed",
      entityType: "Article",
      entityId: article.id,
      after: { startOffset: sentence.start, endOffset: sentence.end, text: sentence.text },
    });
  });
}

/** Suggests a dismissed sentence again. */
export async function restoreSuggestion(actor: Actor, input: { articleId: string; start: number; end: number }): Promise<void> {
  const { article } = await sentenceOf(actor, input);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissedSuggestion.deleteMany({
      where: { articleId: article.id, startOffset: input.start, endOffset: input.end },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "suggestion.restored",
      entityType: "Article",
      entityId: article.id,
      before: { startOffset: input.start, endOffset: input.end },
    });
  });
}
