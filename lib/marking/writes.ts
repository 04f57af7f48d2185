import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { newRecordId } from "@/lib/db/record-id";
import { insertClaimStatement } from "@/lib/claims/statements";
import { storedSpan } from "@/lib/claims/stored-span";
import { overlapGroups } from "@/lib/agreement/spans";
import { findReviewers } from "@/lib/rounds/open-round";
import { assertMayMark, isOpen, MARKS_PER_REVIEWER, refusalToOpen } from "@/lib/marking/rules";
import { lockMarking, revealMarking } from "@/lib/marking/reveal";
import type { AddBlindMarkInput, CloseMarkingInput, FinishMarkingInput, OpenMarkingInput, ReconcileMarksInput, RemoveBlindMarkInput } from "@/lib/marking/schemas";

/**
 * Blind marking of an article (issue 17). An editor asks a panel; each reviewer marks the
 * claims they find without seeing anyone else's marks (visibleBlindMarkWhere); when the last
 * one finishes, or an editor closes the round, the marks are revealed, and the editor makes
 * one claim of each group of overlapping marks, or sets it aside. Marks' audit events carry
 * no text until the reveal.
 */

/** Opens a marking round on an article (editors). */
export async function openMarking(actor: Actor, input: OpenMarkingInput): Promise<{ roundId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const reviewers = await findReviewers(tx, input.reviewerIds);
    // Locked first, so two editors opening a round on one article at once cannot both succeed.
    await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${input.articleId} FOR UPDATE`;
    const article = await tx.article.findFirst({
      where: { id: input.articleId, ...visibleArticleWhere(actor) },
      select: { id: true, retiredAt: true, markingRounds: { select: { closedAt: true, _count: { select: { marks: { where: { resolvedAt: null } } } } } } },
    });
    if (!article) throw new NotFoundError("That article");
    const refusal = refusalToOpen(article, article.markingRounds.map((round) => ({ closedAt: round.closedAt, unresolved: round._count.marks })));
    if (refusal) throw new ForbiddenError(refusal);
    const round = await tx.markingRound.create({
      data: { articleId: article.id, openedById: actor.id, seats: { create: reviewers.map((reviewer) => ({ reviewerId: reviewer.id })) } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "marking.open",
      entityType: "Article",
      entityId: article.id,
      after: { roundId: round.id, reviewers: reviewers.map(({ id, name }) => ({ id, name })) },
    });
    return { roundId: round.id };
  });
}

/** The round (locked) and the actor's seat on it, if the actor may see its article. */
async function roundForReviewer(tx: Tx, actor: Actor, roundId: string) {
  await lockMarking(tx, roundId);
  const round = await tx.markingRound.findFirst({
    where: { id: roundId, article: visibleArticleWhere(actor) },
    select: { id: true, articleId: true, closedAt: true, seats: { select: { id: true, reviewerId: true, finishedAt: true } } },
  });
  if (!round) throw new NotFoundError("That marking round");
  return { round, seat: round.seats.find((seat) => seat.reviewerId === actor.id) };
}

/** A reviewer on the panel marks a span of the article as a claim. */
export async function addBlindMark(actor: Actor, input: AddBlindMarkInput): Promise<{ markId: string; articleId: string }> {
  return prisma.$transaction(async (tx) => {
    const { round, seat } = await roundForReviewer(tx, actor, input.roundId);
    assertMayMark(round, seat);
    const count = await tx.blindMark.count({ where: { roundId: round.id, reviewerId: actor.id } });
    if (count >= MARKS_PER_REVIEWER) throw new ForbiddenError(`You have made ${MARKS_PER_REVIEWER} marks in this round, the most one reviewer may.`);
    const article = await tx.article.findUniqueOrThrow({ where: { id: round.articleId }, select: { canonicalText: true } });
    const span = storedSpan(article.canonicalText, input);
    const same = await tx.blindMark.count({ where: { roundId: round.id, reviewerId: actor.id, startOffset: span.startOffset, endOffset: span.endOffset } });
    if (same > 0) throw new FieldError("exact", "You have already marked these words.");
    const mark = await tx.blindMark.create({
      data: { roundId: round.id, reviewerId: actor.id, ...span, restatement: input.restatement },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "marking.mark", entityType: "Article", entityId: round.articleId, after: { roundId: round.id } });
    return { markId: mark.id, articleId: round.articleId };
  });
}

/** A reviewer takes back one of their marks while they are still marking. */
export async function removeBlindMark(actor: Actor, input: RemoveBlindMarkInput): Promise<{ articleId: string }> {
  return prisma.$transaction(async (tx) => {
    const mark = await tx.blindMark.findFirst({ where: { id: input.markId, reviewerId: actor.id }, select: { id: true, roundId: true } });
    if (!mark) throw new NotFoundError("That mark");
    const { round, seat } = await roundForReviewer(tx, actor, mark.roundId);
    assertMayMark(round, seat);
    await tx.blindMark.delete({ where: { id: mark.id } });
    await recordAudit(tx, { actorId: actor.id, action: "marking.unmark", entityType: "Article", entityId: round.articleId, after: { roundId: round.id } });
    return { articleId: round.articleId };
  });
}

/** A reviewer says they have marked all they will; the last to do so reveals the round. */
export async function finishMarking(actor: Actor, input: FinishMarkingInput): Promise<{ revealed: boolean; articleId: string }> {
  return prisma.$transaction(async (tx) => {
    const { round, seat } = await roundForReviewer(tx, actor, input.roundId);
    assertMayMark(round, seat);
    await tx.markingSeat.update({ where: { id: seat!.id }, data: { finishedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "marking.finish", entityType: "Article", entityId: round.articleId, after: { roundId: round.id } });
    const revealed = round.seats.every((other) => other.id === seat!.id || other.finishedAt !== null);
    if (revealed) await revealMarking(tx, round, actor.id, null);
    return { revealed, articleId: round.articleId };
  });
}

/** An editor closes a round before every reviewer has finished: the marks made are revealed. */
export async function closeMarking(actor: Actor, input: CloseMarkingInput): Promise<{ articleId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const { round } = await roundForReviewer(tx, actor, input.roundId);
    if (!isOpen(round)) throw new ForbiddenError("This blind marking is already closed.");
    await revealMarking(tx, round, actor.id, actor.id);
    return { articleId: round.articleId };
  });
}

const TEXT_CHANGED = "The article's text has changed since this was marked: mark the claim in the article itself, and set this group aside.";

/**
 * An editor decides on the group of overlapping marks that `markId` is in: one claim of that
 * mark's span (a draft, with the editor as its author), or none. Every mark of the group is
 * resolved either way, so the group is decided once.
 */
export async function reconcileMarks(actor: Actor, input: ReconcileMarksInput): Promise<{ claimId: string | null; articleId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const chosen = await tx.blindMark.findFirst({ where: { id: input.markId, round: { article: visibleArticleWhere(actor) } }, select: { roundId: true } });
    if (!chosen) throw new NotFoundError("That mark");
    const { round } = await roundForReviewer(tx, actor, chosen.roundId);
    if (isOpen(round)) throw new ForbiddenError("This blind marking is still under way: its marks are revealed when it closes.");
    const unresolved = await tx.blindMark.findMany({
      where: { roundId: round.id, resolvedAt: null },
      select: { id: true, startOffset: true, endOffset: true, exact: true, reviewerId: true },
    });
    const group = overlapGroups(unresolved.map((mark) => ({ ...mark, start: mark.startOffset, end: mark.endOffset }))).find((marks) => marks.some((mark) => mark.id === input.markId));
    if (!group) throw new ForbiddenError("This mark's group has already been reconciled.");
    const mark = group.find((each) => each.id === input.markId)!;

    let claimId: string | null = null;
    if (input.outcome === "claim") {
      const article = await tx.article.findUniqueOrThrow({ where: { id: round.articleId }, select: { canonicalText: true } });
      let span;
      try {
        span = storedSpan(article.canonicalText, { start: mark.start, end: mark.end, exact: mark.exact });
      } catch (error) {
        if (error instanceof FieldError) throw new FieldError("markId", TEXT_CHANGED);
        throw error;
      }
      const [claim] = await tx.$queryRaw<Array<{ id: string }>>(
        insertClaimStatement({ id: newRecordId(), articleId: round.articleId, authorId: actor.id, restatement: input.restatement, verdict: null, rationale: null, span }),
      );
      claimId = claim.id;
    }
    const ids = group.map((each) => each.id);
    await tx.blindMark.updateMany({ where: { id: { in: ids } }, data: { resolvedAt: new Date(), claimId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "marking.reconcile",
      entityType: "Article",
      entityId: round.articleId,
      after: { roundId: round.id, marks: ids, outcome: input.outcome, claimId },
    });
    return { claimId, articleId: round.articleId };
  });
}
