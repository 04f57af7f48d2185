import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyMentions } from "@/lib/notifications/notify";
import type { AddCommentInput } from "@/lib/claims/types";

/**
 * Comments on a claim the actor can see, threaded one level deep: a reply to a reply joins its
 * thread. Whoever a comment mentions by @name is told. Comments are not part of the claim's version.
 */
export async function addComment(actor: Actor, input: AddCommentInput): Promise<{ id: string }> {
  return prisma
    .$transaction(async (tx) => {
      const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaimWhere(actor) }, select: { id: true } });
      if (!claim) throw new NotFoundError("That claim");
      let parentId: string | null = null;
      if (input.parentId) {
        const parent = await tx.comment.findFirst({ where: { id: input.parentId, claimId: claim.id }, select: { id: true, parentId: true } });
        if (!parent) throw new FieldError("parentId", "The comment you reply to is no longer there.");
        parentId = parent.parentId ?? parent.id;
      }
      const comment = await tx.comment.create({
        data: { claimId: claim.id, authorId: actor.id, body: input.body, parentId },
        select: { id: true },
      });
      const mentioned = await notifyMentions(tx, { actorId: actor.id, text: input.body, claimId: claim.id, commentId: comment.id });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "comment.add",
        entityType: "Claim",
        entityId: claim.id,
        after: { commentId: comment.id, body: input.body, ...(parentId ? { parentId } : {}), ...(mentioned.length > 0 ? { mentionedUserIds: mentioned } : {}) },
      });
      return { id: comment.id };
    })
    .catch((error: unknown) => {
      // The claim was deleted between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
        throw new NotFoundError("That claim");
      }
      throw error;
    });
}
