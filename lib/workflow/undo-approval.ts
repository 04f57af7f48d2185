import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { bumpVersion } from "@/lib/claims/locking";
import { unpublishCorrections } from "@/lib/corrections/data";
import { UNDO_APPROVAL_GRACE_SECONDS, UNDO_APPROVAL_SECONDS } from "@/lib/workflow/rules";
import type { UndoApprovalInput } from "@/lib/workflow/schemas";

const NOT_YOURS = "Only the editor who just approved this claim can undo the approval. Reopen it with a note instead.";
const CHANGED = "The claim changed after you approved it, so the approval cannot be undone. Reopen it with a note instead.";
const TOO_LATE = "The moment to undo this approval has passed. Reopen the claim with a note instead.";

/**
 * Takes back an approval a moment after it was made: the claim is submitted again, in its old
 * place in the queue (its submission time is kept) and with the editor's note it had before.
 * Only the approving editor, only while the claim is still the version their approval made.
 * Returns the claim's new version.
 */
export async function undoApproval(actor: Actor, input: UndoApprovalInput): Promise<number> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, ...visibleClaimWhere(actor) },
      select: { id: true, state: true, version: true, approvedById: true, approvedAt: true },
    });
    if (!claim) throw new NotFoundError("That claim");
    if (claim.state !== "APPROVED" || claim.approvedById !== actor.id || !claim.approvedAt) throw new ForbiddenError(NOT_YOURS);
    if (claim.version !== input.version) throw new ForbiddenError(CHANGED);
    const deadline = claim.approvedAt.getTime() + (UNDO_APPROVAL_SECONDS + UNDO_APPROVAL_GRACE_SECONDS) * 1000;
    if (Date.now() > deadline) throw new ForbiddenError(TOO_LATE);

    // Approving cleared the editor's note; the approval's own audit event kept it.
    const approval = await tx.auditEvent.findFirst({
      where: { entityType: "Claim", entityId: claim.id, action: "claim.approve" },
      orderBy: { id: "desc" },
      select: { before: true },
    });
    const before = approval?.before as { reviewNote?: unknown } | null | undefined;
    const reviewNote = typeof before?.reviewNote === "string" ? before.reviewNote : null;

    // A correction the approval published is open again: the public page shows the claim withdrawn.
    const reopenedCorrections = await unpublishCorrections(tx, claim.id, claim.approvedAt);
    const version = await bumpVersion(tx, actor, claim.id, input.version, {
      state: "SUBMITTED",
      approvedAt: null,
      approvedById: null,
      reviewNote,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.approval_undone",
      entityType: "Claim",
      entityId: claim.id,
      before: { state: claim.state, version: claim.version, reviewNote: null },
      after: { state: "SUBMITTED", version, reviewNote, ...(reopenedCorrections.length > 0 ? { reopenedCorrections } : {}) },
    });
    return version;
  });
}
