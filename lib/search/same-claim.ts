import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import { bumpVersion, conflict, visibleClaims } from "@/lib/claims/data";
import { assertMayChange } from "@/lib/claims/permissions";
import type { GroupMember, SameClaimCandidate, SameClaimView } from "@/lib/search/types";

/**
 * The same claim across articles. Claims whose restatements or quotes are similar enough
 * (pg_trgm similarity, the greater of the two, at least SAME_CLAIM_THRESHOLD) are offered
 * as candidates; a reviewer who may edit a claim links it with one of them, and they share
 * a ClaimGroup (linking two grouped claims merges the groups). Where a claim in the group
 * has an approved verdict, the reviewer may adopt it: it becomes their claim's proposed
 * verdict, and the claim still goes through approval.
 *
 * Group membership is not part of a claim's content, so linking does not bump versions;
 * every change of a claim's group is an audit event on that claim.
 */

/**
 * Tuned on lib/search/__fixtures__/same-claims.json (40 claims on the seed articles, 21
 * pairs across articles that say the same thing, 572 that do not): at 0.30 precision is
 * 0.59 and recall 0.81. The F1 optimum (0.36: 0.88 and 0.71) misses a third more of the
 * true pairs; a candidate costs the reviewer a glance, a missed one a whole check, so the
 * threshold leans to recall. It is also pg_trgm's default similarity_threshold.
 */
export const SAME_CLAIM_THRESHOLD = 0.3;
export const SAME_CLAIM_CANDIDATES = 5;

const memberSelect = {
  id: true,
  restatement: true,
  exact: true,
  verdict: true,
  state: true,
  rationale: true,
  articleId: true,
  article: { select: { title: true } },
} as const satisfies Prisma.ClaimSelect;

function toMember(row: Prisma.ClaimGetPayload<{ select: typeof memberSelect }>): GroupMember {
  return {
    id: row.id,
    restatement: row.restatement,
    exact: row.exact,
    verdict: row.verdict,
    state: row.state,
    rationale: row.rationale,
    articleId: row.articleId,
    articleTitle: row.article.title,
  };
}

/** The claim's group (without the claim) and the likely same claims elsewhere. */
export async function sameClaimView(actor: Actor, claimId: string): Promise<SameClaimView> {
  const claim = await prisma.claim.findFirst({
    where: { id: claimId, ...visibleClaims(actor) },
    select: { id: true, articleId: true, restatement: true, exact: true, groupId: true },
  });
  if (!claim) throw new NotFoundError("That claim");
  const [group, candidates] = await Promise.all([
    claim.groupId
      ? prisma.claim.findMany({
          where: { groupId: claim.groupId, id: { not: claim.id }, ...visibleClaims(actor) },
          select: memberSelect,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
    sameClaimCandidates(actor, claim),
  ]);
  return { group: group.map(toMember), candidates };
}

/** Claims in other articles, not in this claim's group, at least SAME_CLAIM_THRESHOLD similar; most similar first. */
export async function sameClaimCandidates(
  actor: Actor,
  claim: { id: string; articleId: string; restatement: string; exact: string; groupId: string | null },
  limit = SAME_CLAIM_CANDIDATES,
): Promise<SameClaimCandidate[]> {
  const visible = hasRole(actor, "EDITOR") ? Prisma.empty : Prisma.sql`AND a."retiredAt" IS NULL`;
  const otherGroup = claim.groupId ? Prisma.sql`AND c."groupId" IS DISTINCT FROM ${claim.groupId}` : Prisma.empty;
  // `%` (through the trigram indexes) finds the claims at pg_trgm.similarity_threshold or above; set for this transaction.
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(SAME_CLAIM_THRESHOLD)}, true)`,
    prisma.$queryRaw<Array<SameClaimCandidate>>`
      SELECT c.id, c.restatement, c.exact, c.verdict, c.state, c.rationale, c."articleId", a.title AS "articleTitle",
             c."groupId" IS NOT NULL AS grouped,
             greatest(similarity(c.restatement, ${claim.restatement}), similarity(c.exact, ${claim.exact}))::float8 AS similarity
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
       WHERE (c.restatement % ${claim.restatement} OR c.exact % ${claim.exact})
         AND c."articleId" <> ${claim.articleId} ${otherGroup} ${visible}
         AND greatest(similarity(c.restatement, ${claim.restatement}), similarity(c.exact, ${claim.exact})) >= ${SAME_CLAIM_THRESHOLD}
       ORDER BY similarity DESC, c.id
       LIMIT ${limit}`,
  ]);
  return rows;
}

/** The groups of these claims: claim id -> the other members (for exports and lists). */
export async function groupsOfClaims(actor: Actor, claimIds: string[]): Promise<Map<string, GroupMember[]>> {
  const claims = await prisma.claim.findMany({
    where: { id: { in: claimIds }, groupId: { not: null }, ...visibleClaims(actor) },
    select: { id: true, groupId: true },
  });
  const groupIds = [...new Set(claims.map((c) => c.groupId!))];
  const members = await prisma.claim.findMany({
    where: { groupId: { in: groupIds }, ...visibleClaims(actor) },
    select: { ...memberSelect, groupId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return new Map(
    claims.map((claim) => [
      claim.id,
      members.filter((m) => m.groupId === claim.groupId && m.id !== claim.id).map(toMember),
    ]),
  );
}

const changeSelect = { id: true, articleId: true, authorId: true, state: true, version: true, groupId: true } as const;

/** Locks the claims' rows (in id order, so two linkers cannot deadlock) for the rest of the transaction. */
async function lockClaims(tx: Tx, ids: string[]) {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id IN (${Prisma.join([...new Set(ids)].sort())}) ORDER BY id FOR UPDATE`;
}

/** Links a claim the actor may edit with a claim in another article as the same claim; returns the group's id. */
export async function linkSameClaim(actor: Actor, input: { claimId: string; otherClaimId: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await lockClaims(tx, [input.claimId, input.otherClaimId]);
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaims(actor) }, select: changeSelect });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
    const other = await tx.claim.findFirst({ where: { id: input.otherClaimId, ...visibleClaims(actor) }, select: changeSelect });
    if (!other) throw new NotFoundError("The claim to link");
    if (other.articleId === claim.articleId) {
      throw new FieldError("otherClaimId", "Link claims made in other articles: claims in the same article are marked on its text.");
    }
    if (claim.groupId && claim.groupId === other.groupId) return claim.groupId;

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
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, ...visibleClaims(actor) }, select: changeSelect });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
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
      where: { id: input.claimId, ...visibleClaims(actor) },
      select: { ...changeSelect, verdict: true, rationale: true },
    });
    if (!claim) throw new NotFoundError("That claim");
    assertMayChange(actor, claim, "edit");
    if (claim.version !== input.version) throw await conflict(tx, actor, claim.id);
    const source = await tx.claim.findFirst({
      where: { id: input.fromClaimId, ...visibleClaims(actor) },
      select: { id: true, groupId: true, state: true, verdict: true, rationale: true },
    });
    if (!source) throw new NotFoundError("The claim whose verdict you chose");
    if (!claim.groupId || source.groupId !== claim.groupId || source.id === claim.id) {
      throw new FieldError("fromClaimId", "Only the verdict of a claim linked with this one can be adopted.");
    }
    if (source.state !== "APPROVED" || !source.verdict) {
      throw new FieldError("fromClaimId", "Only an approved verdict can be adopted.");
    }
    // The four-eyes rule compares the approver with whoever set the verdict: here the adopter.
    const adopted: Prisma.ClaimUncheckedUpdateManyInput = { verdict: source.verdict, rationale: source.rationale, verdictProposedById: actor.id };
    const version = await bumpVersion(tx, actor, claim.id, input.version, adopted);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "verdict.adopted",
      entityType: "Claim",
      entityId: claim.id,
      before: { verdict: claim.verdict, rationale: claim.rationale, version: input.version },
      after: { verdict: source.verdict, rationale: source.rationale, version, fromClaimId: source.id },
    });
    return version;
  });
}
