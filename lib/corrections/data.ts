import "server-only";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { ratingLabel, type RatingId } from "@/lib/ratings/types";
import { notify } from "@/lib/notifications/notify";

/**
 * Corrections after publication, written inside the workflow's transactions: reopening an
 * approved claim of a published article opens one (the public page then shows the claim
 * withdrawn, with the editor's note), approving the claim again publishes it ("Corrected
 * on …", with the earlier verdict), and undoing that approval takes the publication back.
 */

/** The approved claim being reopened, as the public saw it. */
export interface PublishedClaim {
  id: string;
  /** Who marked the claim: told of the correction. */
  authorId: string;
  articleId: string;
  restatement: string;
  exact: string;
  verdict: RatingId | null;
  rationale: string | null;
  approvedAt: Date;
}

export async function openCorrection(tx: Tx, actorId: string, claim: PublishedClaim, note: string): Promise<void> {
  // The label as published: a rating may be renamed later.
  const rating = claim.verdict ? await tx.rating.findUnique({ where: { id: claim.verdict }, select: { label: true } }) : null;
  const correction = await tx.correction.create({
    data: {
      articleId: claim.articleId,
      claimId: claim.id,
      note,
      restatement: claim.restatement,
      exact: claim.exact,
      previousVerdict: ratingLabel(rating),
      previousRationale: claim.rationale,
      previousApprovedAt: claim.approvedAt,
      createdById: actorId,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId,
    action: "claim.correction_opened",
    entityType: "Claim",
    entityId: claim.id,
    after: { correctionId: correction.id, note, previousVerdict: claim.verdict },
  });
  await notify(tx, [{ kind: "CORRECTION", recipientId: claim.authorId, actorId, claimId: claim.id, note }]);
}

/** Publishes the claim's open corrections as of its approval at `at`. */
export async function publishCorrections(tx: Tx, actorId: string, claimId: string, at: Date): Promise<void> {
  const open = await tx.correction.findMany({ where: { claimId, publishedAt: null }, select: { id: true } });
  if (open.length === 0) return;
  const ids = open.map((correction) => correction.id);
  await tx.correction.updateMany({ where: { id: { in: ids } }, data: { publishedAt: at } });
  await recordAudit(tx, {
    actorId,
    action: "claim.correction_published",
    entityType: "Claim",
    entityId: claimId,
    after: { correctionIds: ids, publishedAt: at.toISOString() },
  });
}

/** Takes back what the approval at `approvedAt` published (Undo): the corrections are open again. Returns their ids. */
export async function unpublishCorrections(tx: Tx, claimId: string, approvedAt: Date): Promise<string[]> {
  const published = await tx.correction.findMany({ where: { claimId, publishedAt: approvedAt }, select: { id: true } });
  const ids = published.map((correction) => correction.id);
  if (ids.length > 0) await tx.correction.updateMany({ where: { id: { in: ids } }, data: { publishedAt: null } });
  return ids;
}
