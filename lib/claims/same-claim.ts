import { onCurrentScale } from "@/lib/ratings/rules";
import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { bumpVersion, conflict } from "@/lib/claims/locking";
import { assertMayChange } from "@/lib/claims/permissions";
import { lockClaimsStatement } from "@/lib/claims/statements";
import { assertNoRoundUnderway } from "@/lib/rounds/rules";
import { roundsUnderwayOf } from "@/lib/rounds/read-rounds";

/**
 * Linking claims in different articles as the same claim: they share a ClaimGroup
 * (linking two grouped claims merges the groups). Where a claim in the group has an
 * approved verdict, a reviewer may adopt it as their claim's proposed verdict, and the
 * claim still goes through approval.
 *
 * Group membership is not part of a claim's content, so linking does not bump versions;
 * every change of a claim's group is an audit event on that claim. A group is public
 * (ClaimReview `appearance`, "Same claim elsewhere") through its settled claims: approved
 * ones, and those on published articles. Joining settled claims with each other, or taking
 * a settled claim out of its group, is an editor's decision.
 */

const SETTLED_ONLY_BY_EDITORS =
  "Linking claims that are approved or on published articles with each other is an editor's decision: ask an editor to link them.";
const UNLINK_SETTLED_BY_EDITORS = "This claim is on a published article: ask an editor to unlink it.";

const changeSelect = {
  id: true,
  articleId: true,
  authorId: true,
  state: true,
  version: true,
  groupId: true,
  article: { select: { publishedAt: true } },
} as const satisfies Prisma.ClaimSelect;

type GroupRow = { state: string; article: { publishedAt: Date | null } };

function isSettled(claim: GroupRow) {
  return claim.state === "APPROVED" || claim.article.publishedAt !== null;
}

/** The claims of a group, or the claim alone when it has none. */
async function membersOf(tx: Tx, claim: GroupRow & { id: string; groupId: string | null }): Promise<GroupRow[]> {
  if (!claim.groupId) return [claim];
  return tx.claim.findMany({ where: { groupId: claim.groupId }, select: { state: true, article: { select: { publishedAt: true } } } });
}

async function lockClaims(tx: Tx, ids: string[]) {
  await tx.$queryRaw(lockClaimsStatement(ids));
}

/** Links a claim the actor may edit with a claim in another article as the same claim; returns the group's id. */
export async function linkSameClaim(actor: Actor, input: { claimId: string; otherClaimId: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await lockClaims(tx, [input.claimId, input.otherClaimId]);
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaimWhere(actor) }, select: changeSelect });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
    const other = await tx.claim.findFirst({ where: { id: input.otherClaimId, ...visibleClaimWhere(actor) }, select: changeSelect });
    if (!other) throw new NotFoundError("The claim to link");
    if (other.articleId === claim.articleId) {
      throw new FieldError("otherClaimId", "Link claims made in other articles: claims in the same article are marked on its text.");
    }
    if (claim.groupId && claim.groupId === other.groupId) return claim.groupId;
    if (!hasRole(actor, "EDITOR")) {
      const [mine, theirs] = await Promise.all([membersOf(tx, claim), membersOf(tx, other)]);
      if (mine.some(isSettled) && theirs.some(isSettled)) throw new ForbiddenError(SETTLED_ONLY_BY_EDITORS);
    }

    const groupId = claim.groupId ?? other.groupId ?? (await tx.claimGroup.create({ data: { createdById: actor.id }, select: { id: true } })).id;
    // Two groups merge: every claim of the other group joins this one. Otherwise whichever of the two is not in the group joins it.
    const merging = Boolean(claim.groupId && other.groupId);
    const moved = merging
      ? await tx.claim.findMany({ where: { groupId: other.groupId }, select: { id: true, groupId: true } })
      : [claim, other].filter((c) => c.groupId !== groupId).map((c) => ({ id: c.id, groupId: c.groupId }));
    await tx.claim.updateMany({ where: { id: { in: moved.map((m) => m.id) } }, data: { groupId } });
    if (merging) await tx.claimGroup.delete({ where: { id: other.groupId! } });
    for (const member of moved) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "same_claim.linked",
        entityType: "Claim",
        entityId: member.id,
        before: { groupId: member.groupId },
        after: { groupId, linkedWith: member.id === claim.id ? other.id : claim.id },
      });
    }
    return groupId;
  });
}

/** Takes a claim the actor may edit out of its group; a group left with one claim is dissolved. */
export async function unlinkSameClaim(actor: Actor, input: { claimId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockClaims(tx, [input.claimId]);
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaimWhere(actor) }, select: changeSelect });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
    if (!hasRole(actor, "EDITOR") && isSettled(claim)) throw new ForbiddenError(UNLINK_SETTLED_BY_EDITORS);
    const groupId = claim.groupId;
    if (!groupId) throw new FieldError("claimId", "This claim is not linked with claims in other articles.");
    const left = await tx.claim.findMany({ where: { groupId, id: { not: claim.id } }, select: { id: true } });
    const leaving = left.length <= 1 ? [claim.id, ...left.map((c) => c.id)] : [claim.id];
    await tx.claim.updateMany({ where: { id: { in: leaving } }, data: { groupId: null } });
    if (left.length <= 1) await tx.claimGroup.delete({ where: { id: groupId } });
    for (const id of leaving) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "same_claim.unlinked",
        entityType: "Claim",
        entityId: id,
        before: { groupId },
        after: { groupId: null, ...(id === claim.id ? {} : { because: `claim ${claim.id} left the group` }) },
      });
    }
  });
}

/**
 * Makes the approved verdict and rationale of a claim in the same group this claim's
 * proposed verdict (the actor proposes it: the four-eyes rule applies to them); returns
 * the claim's new version. The claim's state does not change: it is submitted and
 * approved as usual.
 */
export async function adoptVerdict(actor: Actor, input: { claimId: string; version: number; fromClaimId: string }): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, ...visibleClaimWhere(actor) },
      select: { ...changeSelect, verdict: true, rationale: true },
    });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
    if (claim.version !== input.version) throw await conflict(tx, actor, claim.id);
    const source = await tx.claim.findFirst({
      where: { id: input.fromClaimId, ...visibleClaimWhere(actor) },
      select: { id: true, groupId: true, state: true, verdict: true, rationale: true },
    });
    if (!source) throw new NotFoundError("The claim whose verdict you chose");
    if (!claim.groupId || source.groupId !== claim.groupId || source.id === claim.id) {
      throw new FieldError("fromClaimId", "Only the verdict of a claim linked with this one can be adopted.");
    }
    if (source.state !== "APPROVED" || !source.verdict) {
      throw new FieldError("fromClaimId", "Only an approved verdict can be adopted.");
    }
    assertNoRoundUnderway(await roundsUnderwayOf(tx, claim.id));
    // A verdict approved on an earlier scale is adopted at its place on the truth axis.
    const verdict = await onCurrentScale(tx, source.verdict);
    if (!verdict) throw new FieldError("fromClaimId", "That verdict has no counterpart on your organisation’s rating scale: choose the verdict yourself.");
    // The four-eyes rule compares the approver with whoever set the verdict: here the adopter.
    const adopted: Prisma.ClaimUncheckedUpdateManyInput = { verdict, rationale: source.rationale, verdictProposedById: actor.id, contentChangedById: actor.id };
    const version = await bumpVersion(tx, actor, claim.id, input.version, adopted);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "verdict.adopted",
      entityType: "Claim",
      entityId: claim.id,
      before: { verdict: claim.verdict, rationale: claim.rationale, version: input.version },
      after: { verdict, rationale: source.rationale, version, fromClaimId: source.id },
    });
    return version;
  });
}
