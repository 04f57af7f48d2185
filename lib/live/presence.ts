import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { NotFoundError } from "@/lib/errors";
import type { UserRef } from "@/lib/claims/types";
import { announce, PRESENCE, type LiveViewer } from "@/lib/live/events";

/**
 * Who is viewing an article, kept in the database (one Presence row per open stream) so
 * every app server sees everyone. A stream refreshes its row with each heartbeat; a row
 * not refreshed for PRESENCE_TTL_MS (its server went away) no longer counts.
 */
export const PRESENCE_TTL_MS = 30_000;

export interface ArticlePresence {
  /** The others viewing the article, by name. */
  viewers: UserRef[];
  /** For each claim whose edit form someone else has open, who. */
  editing: Record<string, UserRef[]>;
}

/** A stream of the article opened: the viewer is present (editing a claim, if named). */
export async function enterPresence(streamId: string, viewer: LiveViewer, articleId: string, editingClaimId: string | null) {
  await prisma.$transaction(async (tx) => {
    await tx.presence.create({ data: { streamId, userId: viewer.id, articleId, editingClaimId, seenAt: new Date() } });
    await announce(tx, { articleId, claimId: editingClaimId, kind: PRESENCE, actorId: viewer.id });
  });
}

/** The stream is still open (its heartbeat). */
export async function refreshPresence(streamId: string) {
  await prisma.presence.updateMany({ where: { streamId }, data: { seenAt: new Date() } });
}

/** The stream closed: the viewer left (unless another of their streams is open). */
export async function leavePresence(streamId: string) {
  await prisma.$transaction(async (tx) => {
    const [gone] = await tx.presence.findMany({ where: { streamId }, select: { articleId: true, userId: true } });
    if (!gone) return;
    await tx.presence.delete({ where: { streamId } });
    await announce(tx, { articleId: gone.articleId, kind: PRESENCE, actorId: gone.userId });
  });
}

/** Forgets streams whose server stopped refreshing them, and tells their articles' viewers. */
export async function expirePresence() {
  const cutoff = new Date(Date.now() - PRESENCE_TTL_MS);
  await prisma.$transaction(async (tx) => {
    const expired = await tx.presence.findMany({ where: { seenAt: { lt: cutoff } }, select: { articleId: true } });
    if (expired.length === 0) return;
    await tx.presence.deleteMany({ where: { seenAt: { lt: cutoff } } });
    for (const articleId of new Set(expired.map((row) => row.articleId))) await announce(tx, { articleId, kind: PRESENCE, actorId: null });
  });
}

/** Who else is viewing an article the actor may see, and which claims they are editing. */
export async function getArticlePresence(actor: Actor, articleId: string): Promise<ArticlePresence> {
  const article = await prisma.article.findFirst({ where: { id: articleId, ...visibleArticleWhere(actor) }, select: { id: true } });
  if (!article) throw new NotFoundError("That article");
  const rows = await prisma.presence.findMany({
    where: { articleId, userId: { not: actor.id }, seenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { userId: true, editingClaimId: true },
  });
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.userId))] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const byId = new Map(users.map((user) => [user.id, user]));
  const editing: Record<string, UserRef[]> = {};
  for (const row of rows) {
    const user = byId.get(row.userId);
    if (!row.editingClaimId || !user) continue;
    const names = (editing[row.editingClaimId] ??= []);
    if (!names.some((known) => known.id === user.id)) names.push(user);
  }
  return { viewers: users, editing };
}
