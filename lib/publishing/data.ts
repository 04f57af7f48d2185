import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { PUBLIC_ARTICLES } from "@/lib/auth/visibility";
import { isStorableText } from "@/lib/storable-text";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * Gives the article its public, read-only page (/p/<id>): the article with its approved
 * verdicts only. Editors only; a retired article cannot be published. Publishing an
 * article that is already published changes nothing.
 */
export async function publishArticle(actor: Actor, articleId: string): Promise<{ publishedAt: Date }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { retiredAt: true, publishedAt: true } });
    if (!article) throw new NotFoundError("That article");
    if (article.retiredAt) throw new ForbiddenError("A retired article cannot be published.");
    if (article.publishedAt) return { publishedAt: article.publishedAt };
    const publishedAt = new Date();
    // Only if still unpublished: of two editors publishing at once, one records it.
    const { count } = await tx.article.updateMany({
      where: { id: articleId, publishedAt: null },
      data: { publishedAt, publishedById: actor.id, unpublishedAt: null },
    });
    if (count === 0) {
      const now = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { publishedAt: true } });
      if (now.publishedAt) return { publishedAt: now.publishedAt };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.publish",
      entityType: "Article",
      entityId: articleId,
      before: { publishedAt: null },
      after: { publishedAt: publishedAt.toISOString() },
    });
    return { publishedAt };
  });
}

/** Takes the article's public page down at once: from the next request it answers 410, withdrawn (see withdrawnAt). */
export async function unpublishArticle(actor: Actor, articleId: string): Promise<void> {
  assertRole(actor, "EDITOR");
  await prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { publishedAt: true } });
    if (!article) throw new NotFoundError("That article");
    if (!article.publishedAt) return;
    const unpublishedAt = await takeDown(tx, articleId);
    if (!unpublishedAt) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.unpublish",
      entityType: "Article",
      entityId: articleId,
      before: { publishedAt: article.publishedAt.toISOString() },
      after: { publishedAt: null, unpublishedAt: unpublishedAt.toISOString() },
    });
  });
}

/**
 * Takes the public page down, if it is up (unpublishing, retiring): the article remembers
 * when, for the withdrawn notice. Returns that time, or null when it was not published
 * (of two editors at once, one takes it down).
 */
export async function takeDown(tx: Tx, articleId: string): Promise<Date | null> {
  const unpublishedAt = new Date();
  const { count } = await tx.article.updateMany({
    where: { id: articleId, publishedAt: { not: null } },
    data: { publishedAt: null, publishedById: null, unpublishedAt },
  });
  return count === 0 ? null : unpublishedAt;
}

/** When the article's public page was taken down, while it is down; null if it never had one (or has one now). */
export async function withdrawnAt(articleId: string): Promise<Date | null> {
  if (!isStorableText(articleId)) return null;
  const article = await prisma.article.findFirst({ where: { id: articleId, NOT: PUBLIC_ARTICLES }, select: { unpublishedAt: true } });
  return article?.unpublishedAt ?? null;
}
