import "server-only";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";

/**
 * Reveals a marking round: from now on everyone who may see its article reads its marks
 * (visibleBlindMarkWhere). Its audit event is the first to carry the marks' text, so neither
 * the audit log nor the article's live events held it while the round was blind.
 * `closedById` is the editor who closed it early, or null when the last reviewer finished.
 */
export async function revealMarking(tx: Tx, round: { id: string; articleId: string }, actorId: string, closedById: string | null) {
  await tx.markingRound.update({ where: { id: round.id }, data: { closedAt: new Date(), closedById } });
  const marks = await tx.blindMark.findMany({
    where: { roundId: round.id },
    select: { startOffset: true, endOffset: true, exact: true, reviewer: { select: { id: true, name: true } } },
    orderBy: [{ startOffset: "asc" }, { id: "asc" }],
  });
  await recordAudit(tx, {
    actorId,
    action: "marking.reveal",
    entityType: "Article",
    entityId: round.articleId,
    after: { roundId: round.id, closedEarly: closedById !== null, marks: marks.map((m) => ({ reviewer: m.reviewer, start: m.startOffset, end: m.endOffset, exact: m.exact })) },
  });
}

/** Holds the round's row until the transaction ends, so two last finishes (or a finish and a close) cannot both reveal it. */
export async function lockMarking(tx: Tx, roundId: string) {
  await tx.$queryRaw`SELECT id FROM "MarkingRound" WHERE id = ${roundId} FOR UPDATE`;
}
