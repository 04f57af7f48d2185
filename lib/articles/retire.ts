import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import { takeDown } from "@/lib/publishing/data";

/**
 * Retiring takes an article out of use without deleting anything: reviewers no longer see it
 * (lists, search, suggestions, same-claim matches: the visibility rule, lib/auth/visibility.ts),
 * its public page, if it had one, answers that it was withdrawn, and its claims stay for the
 * record. Restoring brings it back to reviewers; it is not published again by itself.
 * Editors only. Retiring a retired article (or restoring one in use) changes nothing.
 */
export async function retireArticle(actor: Actor, articleId: string): Promise<void> {
  assertRole(actor, "EDITOR");
  await prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { retiredAt: true, publishedAt: true } });
    if (!article) throw new NotFoundError("That article");
    if (article.retiredAt) return;
    const retiredAt = new Date();
    const { count } = await tx.article.updateMany({ where: { id: articleId, retiredAt: null }, data: { retiredAt } });
    if (count === 0) return;
    const unpublishedAt = await takeDown(tx, articleId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.retire",
      entityType: "Article",
      entityId: articleId,
      before: { retiredAt: null, publishedAt: article.publishedAt?.toISOString() ?? null },
      after: { retiredAt: retiredAt.toISOString(), publishedAt: null, ...(unpublishedAt ? { unpublishedAt: unpublishedAt.toISOString() } : {}) },
    });
  });
}

export async function restoreArticle(actor: Actor, articleId: string): Promise<void> {
  assertRole(actor, "EDITOR");
  await prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { retiredAt: true } });
    if (!article) throw new NotFoundError("That article");
    if (!article.retiredAt) return;
    const { count } = await tx.article.updateMany({ where: { id: articleId, retiredAt: { not: null } }, data: { retiredAt: null } });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.restore",
      entityType: "Article",
      entityId: articleId,
      before: { retiredAt: article.retiredAt.toISOString() },
      after: { retiredAt: null },
    });
  });
}
