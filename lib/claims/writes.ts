import "server-only";
import { prisma, queryRows } from "@/lib/db/client";
import { newRecordId } from "@/lib/db/record-id";
import type { Actor } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { notifyVerdictChanged } from "@/lib/notifications/data";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { bumpVersion, claimToChange, conflict } from "@/lib/claims/locking";
import { toSummary } from "@/lib/claims/shapes";
import { articleTextStatement, insertClaimStatement } from "@/lib/claims/statements";
import { storedSpan } from "@/lib/claims/stored-span";
import { verdictChangeNeedsNote } from "@/lib/claims/permissions";
import { CLAIMANT_FIELDS, type ClaimSummary, type CreateClaimInput, type DeleteClaimInput, type UpdateClaimInput } from "@/lib/claims/types";
import { isoDate } from "@/lib/format";
import { assertNoRoundUnderway } from "@/lib/rounds/rules";
import { roundsUnderwayOf } from "@/lib/rounds/read-rounds";
import { assertChoosable } from "@/lib/ratings/rules";

/**
 * Marking, editing and deleting claims. Every change is one transaction with its audit
 * event, recorded against the claim (entityType "Claim"), so a claim's history is one
 * query. Changes name the version the user read (lib/claims/locking.ts).
 */

/**
 * Marks a claim on an article (a draft, version 1, authored by the actor); returns it as
 * the reader lists it, so the reader can show it without rendering the page again.
 */
export async function createClaim(actor: Actor, input: CreateClaimInput): Promise<ClaimSummary> {
  const [article] = await queryRows<{ canonicalText: string }>(articleTextStatement(actor, input.articleId));
  if (!article) throw new NotFoundError("That article");
  const span = storedSpan(article.canonicalText, input);
  const verdict = input.verdict ?? null;
  await assertChoosable(prisma, "verdict", verdict);
  const [claim] = await queryRows<{ id: string; state: ClaimState; version: number }>(
    insertClaimStatement({
      id: newRecordId(),
      articleId: input.articleId,
      authorId: actor.id,
      restatement: input.restatement,
      verdict,
      rationale: input.rationale ?? null,
      span,
      canonicalIri: input.canonicalIri ?? null,
      claimant: input.claimant,
      claimantKind: input.claimantKind,
      claimDate: input.claimDate,
      appearanceUrl: input.appearanceUrl,
    }),
  );
  return toSummary({
    ...claim,
    restatement: input.restatement,
    verdict,
    startOffset: span.startOffset,
    endOffset: span.endOffset,
    anchorStatus: "ANCHORED",
    author: { id: actor.id, name: actor.name },
    assignee: null,
    tags: [],
    evidenceCount: 0,
    commentCount: 0,
  });
}

/** Changes a claim's restatement, verdict, rationale and claimant fields; returns the new version. */
export async function updateClaim(actor: Actor, input: UpdateClaimInput): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "edit");
    const current = { ...claim, claimDate: isoDate(claim.claimDate) || null };
    const before: Record<string, string | number | null> = {};
    const after: Record<string, string | number | null> = {};
    for (const field of ["restatement", "verdict", "rationale", ...CLAIMANT_FIELDS] as const) {
      const value = input[field];
      // A claimant field left out stays as it is.
      if (value === undefined || current[field] === value) continue;
      before[field] = current[field];
      after[field] = value;
    }
    // Saving what is already there changes nothing, so there is nothing to record.
    if (Object.keys(after).length === 0) return claim.version;
    if ("verdict" in after) {
      assertNoRoundUnderway(await roundsUnderwayOf(tx, claim.id));
      await assertChoosable(tx, "verdict", input.verdict ?? null, claim.verdict);
    }
    const note = input.note ?? null;
    // Someone else's verdict is changed only with a reason, and they are told (lib/notifications).
    const proposerToTell = "verdict" in after && verdictChangeNeedsNote(actor, claim.verdictProposedById) ? claim.verdictProposedById : null;
    if (proposerToTell && !note) {
      throw new FieldError("note", "Say why you change this verdict: the person who proposed it will see your note.");
    }

    const version = await bumpVersion(tx, actor, claim.id, input.version, {
      restatement: input.restatement,
      verdict: input.verdict,
      rationale: input.rationale,
      claimant: input.claimant,
      claimantKind: input.claimantKind,
      claimDate: input.claimDate === undefined ? undefined : input.claimDate && new Date(`${input.claimDate}T00:00:00Z`),
      appearanceUrl: input.appearanceUrl,
      contentChangedById: actor.id,
      // The four-eyes rule compares the approver with whoever set the current verdict.
      ...("verdict" in after ? { verdictProposedById: input.verdict ? actor.id : null } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.update",
      entityType: "Claim",
      entityId: claim.id,
      before: { ...before, version: input.version },
      after: { ...after, version, ...(note ? { note } : {}), ...(proposerToTell ? { notifiedUserId: proposerToTell } : {}) },
    });
    if (proposerToTell && note) {
      await notifyVerdictChanged(tx, {
        recipientId: proposerToTell,
        actorId: actor.id,
        claimId: claim.id,
        fromVerdict: claim.verdict,
        toVerdict: input.verdict,
        note,
      });
    }
    return version;
  });
}

/** Deletes a claim with its evidence and comments. */
export async function deleteClaim(actor: Actor, input: DeleteClaimInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const claim = await claimToChange(tx, actor, input.claimId, input.version, "delete");
    const { count } = await tx.claim.deleteMany({ where: { id: claim.id, version: input.version } });
    if (count === 0) throw await conflict(tx, actor, claim.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.delete",
      entityType: "Claim",
      entityId: claim.id,
      before: {
        articleId: claim.articleId,
        restatement: claim.restatement,
        exact: claim.exact,
        verdict: claim.verdict,
        state: claim.state,
        version: claim.version,
      },
    });
  });
}
