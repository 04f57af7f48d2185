import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bumpVersion, claimToChange } from "@/lib/claims/locking";
import { storedSpan } from "@/lib/claims/stored-span";
import type { AddEvidenceInput, RemoveEvidenceInput } from "@/lib/claims/types";

/**
 * A claim's evidence: passages of any article the actor can see, or external sources.
 * Evidence is part of the claim's content, so adding or removing it moves the claim to
 * its next version, under the same lock as edits.
 */

/** Adds a passage of an article, or an external source, as evidence; returns its id and the claim's new version. */
export async function addEvidence(actor: Actor, input: AddEvidenceInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "evidence");
    let data: Omit<Prisma.EvidenceUncheckedCreateInput, "claimId" | "stance" | "addedById">;
    let described: Record<string, string | number | null>;
    if (input.kind === "PASSAGE") {
      const source = await tx.article.findFirst({
        where: { id: input.sourceArticleId, ...visibleArticleWhere(actor) },
        select: { id: true, canonicalText: true },
      });
      if (!source) throw new NotFoundError("The article of that passage");
      const span = storedSpan(source.canonicalText, input);
      data = { sourceArticleId: source.id, ...span, anchorStatus: "ANCHORED" };
      described = { sourceArticleId: source.id, startOffset: span.startOffset, endOffset: span.endOffset, exact: span.exact };
    } else {
      const excerpt = input.excerpt ?? null;
      data = { url: input.url, title: input.title, excerpt, accessedAt: new Date(`${input.accessedAt}T00:00:00Z`) };
      described = { url: input.url, title: input.title, excerpt, accessedAt: input.accessedAt };
    }
    const version = await bumpVersion(tx, actor, claim.id, input.version, { contentChangedById: actor.id });
    const evidence = await tx.evidence.create({
      data: { claimId: claim.id, stance: input.stance, addedById: actor.id, ...data },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.add",
      entityType: "Claim",
      entityId: claim.id,
      before: { version: input.version },
      after: { evidenceId: evidence.id, kind: input.kind, stance: input.stance, ...described, version },
    });
    return { id: evidence.id, version };
  });
}

/** Removes an evidence item; `version` is its claim's. Returns its claim and the claim's new version. */
export async function removeEvidence(actor: Actor, input: RemoveEvidenceInput): Promise<{ claimId: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: input.evidenceId, claim: visibleClaimWhere(actor) },
      select: {
        id: true,
        claimId: true,
        stance: true,
        sourceArticleId: true,
        startOffset: true,
        endOffset: true,
        exact: true,
        url: true,
        title: true,
      },
    });
    if (!evidence) throw new NotFoundError("That evidence");
    await claimToChange(tx, actor, evidence.claimId, input.version, "evidence");
    const version = await bumpVersion(tx, actor, evidence.claimId, input.version, { contentChangedById: actor.id });
    await tx.evidence.delete({ where: { id: evidence.id } });
    const { id, claimId, sourceArticleId, startOffset, endOffset, exact, url, title } = evidence;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.remove",
      entityType: "Claim",
      entityId: claimId,
      before: {
        evidenceId: id,
        kind: sourceArticleId ? "PASSAGE" : "EXTERNAL",
        stance: evidence.stance,
        ...(sourceArticleId ? { sourceArticleId, startOffset, endOffset, exact } : { url, title }),
        version: input.version,
      },
      after: { version },
    });
    return { claimId, version };
  });
}
