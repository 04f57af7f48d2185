import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { isoDate } from "@/lib/format";
import { userRef } from "@/lib/claims/shapes";
import { notify } from "@/lib/notifications/notify";
import { byDueDate } from "@/lib/assignments/due";
import type { AssignArticleInput } from "@/lib/assignments/schemas";

/**
 * Assignments: an editor gives an article (all its claims to mark and check) to a reviewer,
 * optionally by a due date; claims are assigned in lib/claims/organise.ts. The assignee is
 * told in the same transaction. My work lists what is assigned to the user, the review queue
 * (editors) everything assigned that is open, both with what is overdue first.
 */

export async function assignArticle(actor: Actor, input: AssignArticleInput): Promise<void> {
  assertRole(actor, "EDITOR");
  const assignee = input.assigneeId ? await findAssignee(input.assigneeId) : null;
  await prisma.$transaction(async (tx) => {
    // Editors see every article, retired ones included (lib/auth/visibility.ts); a retired one takes no new work.
    const article = await tx.article.findFirst({ where: { id: input.articleId, retiredAt: null }, select: { id: true, title: true, assigneeId: true, dueOn: true, assignee: userRef } });
    if (!article) throw new NotFoundError("That article");
    if (article.assigneeId === (assignee?.id ?? null) && isoDate(article.dueOn) === isoDate(input.dueOn)) return;
    await tx.article.update({ where: { id: article.id }, data: { assigneeId: assignee?.id ?? null, dueOn: input.dueOn }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.assign",
      entityType: "Article",
      entityId: article.id,
      before: { assignee: article.assignee, dueOn: isoDate(article.dueOn) || null },
      after: { assignee, dueOn: isoDate(input.dueOn) || null },
    });
    if (assignee && assignee.id !== article.assigneeId) {
      await notify(tx, [{ kind: "ASSIGNED", recipientId: assignee.id, actorId: actor.id, articleId: article.id, note: assignmentNote(article.title, input.dueOn) }]);
    }
  });
}

/** What the assignee reads: the work and, if set, its due day. */
export function assignmentNote(what: string, dueOn: Date | null): string {
  return dueOn ? `${what} (due ${isoDate(dueOn)})` : what;
}

/** Someone work can be assigned to: a user who can sign in. */
export async function findAssignee(id: string): Promise<{ id: string; name: string }> {
  const user = await prisma.user.findFirst({ where: { id, disabledAt: null }, select: { id: true, name: true } });
  if (!user) throw new FieldError("assigneeId", "Choose a person from the list.");
  return user;
}

/** An open assignment: an article (not retired) or a claim not yet approved, with its assignee and due day. */
export interface Assignment {
  kind: "article" | "claim";
  id: string;
  title: string;
  href: string;
  dueOn: Date | null;
  assignee: { id: string; name: string };
  articleTitle: string;
}

/** How many assignments each list shows at most. */
export const ASSIGNMENTS_LIMIT = 100;

async function listAssignments(assigneeId: string | { not: null }): Promise<Assignment[]> {
  const [articles, claims] = await Promise.all([
    prisma.article.findMany({
      where: { retiredAt: null, assigneeId },
      select: { id: true, title: true, dueOn: true, assignee: userRef },
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: ASSIGNMENTS_LIMIT,
    }),
    prisma.claim.findMany({
      where: { state: { not: "APPROVED" }, article: { retiredAt: null }, assigneeId },
      select: { id: true, restatement: true, dueOn: true, articleId: true, article: { select: { title: true } }, assignee: userRef },
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: ASSIGNMENTS_LIMIT,
    }),
  ]);
  const all: Assignment[] = [
    ...articles.flatMap(({ assignee, ...article }) =>
      assignee ? [{ kind: "article" as const, id: article.id, title: article.title, href: `/articles/${article.id}`, dueOn: article.dueOn, assignee, articleTitle: article.title }] : [],
    ),
    ...claims.flatMap(({ assignee, ...claim }) =>
      assignee
        ? [{ kind: "claim" as const, id: claim.id, title: claim.restatement, href: `/articles/${claim.articleId}?claim=${claim.id}`, dueOn: claim.dueOn, assignee, articleTitle: claim.article.title }]
        : [],
    ),
  ];
  return all.sort(byDueDate).slice(0, ASSIGNMENTS_LIMIT);
}

/** What is assigned to the signed-in user (a reviewer sees only their own). */
export async function listMyAssignments(actor: Actor): Promise<Assignment[]> {
  return listAssignments(actor.id);
}

/** Everything assigned that is still open, for the review queue (editors). */
export async function listOpenAssignments(actor: Actor): Promise<Assignment[]> {
  assertRole(actor, "EDITOR");
  return listAssignments({ not: null });
}
