import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AddCommentInput } from "@/lib/claims/types";

/** Comments on a claim the actor can see. Comments are not part of the claim's version. */
export async function addComment(actor: Actor, input: AddCommentInput): Promise<{ id: string }> {
  return prisma
    .$transaction(async (tx) => {
      const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaimWhere(actor) }, select: { id: true } });
      if (!claim) throw new NotFoundError("That claim");
      const comment = await tx.comment.create({
        data: { claimId: claim.id, authorId: actor.id, body: input.body },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "comment.add",
        entityType: "Claim",
        entityId: claim.id,
        after: { commentId: comment.id, body: input.body },
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
