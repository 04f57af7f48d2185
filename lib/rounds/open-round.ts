import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { bumpVersion, conflict } from "@/lib/claims/locking";
import type { UserRef } from "@/lib/claims/types";
import { isUnderway } from "@/lib/rounds/rules";
import type { OpenArticleRoundsInput, OpenRoundInput } from "@/lib/rounds/schemas";

/**
 * Opening blind rounds (editors): the chosen reviewers each give a verdict on the claim
 * without seeing the others'. Opening is a change of the claim (a new version), so it cannot
 * cross an edit made in between; the claim's own verdict then waits for the reconciliation.
 */
export async function openRound(actor: Actor, input: OpenRoundInput): Promise<{ roundId: string; version: number; articleId: string }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const reviewers = await findReviewers(tx, input.reviewerIds);
    const claim = await tx.claim.findFirst({
      where: { id: input.claimId, ...visibleClaimWhere(actor) },
      select: { id: true, articleId: true, state: true, version: true, verdictRounds: { select: { closedAt: true, reconciledAt: true } } },
    });
    if (!claim) throw new NotFoundError("That claim");
    const refusal = refusalToOpen(claim);
    if (refusal) throw new ForbiddenError(refusal);
    if (claim.version !== input.version) throw await conflict(tx, actor, claim.id);
    const version = await bumpVersion(tx, actor, claim.id, claim.version);
    const roundId = await createRound(tx, actor, claim.id, reviewers, { before: claim.version, after: version });
    return { roundId, version, articleId: claim.articleId };
  });
}

/**
 * Opens a round with the same panel on every claim of an article that can have one (not
 * approved, no round under way), all at once; returns how many were opened and how many left as they were.
 */
export async function openArticleRounds(actor: Actor, input: OpenArticleRoundsInput): Promise<{ opened: number; skipped: number }> {
  assertRole(actor, "EDITOR");
  return prisma.$transaction(async (tx) => {
    const reviewers = await findReviewers(tx, input.reviewerIds);
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticleWhere(actor) }, select: { id: true } });
    if (!article) throw new NotFoundError("That article");
    const claims = await tx.claim.findMany({
      where: { articleId: input.articleId, ...visibleClaimWhere(actor) },
      select: { id: true, state: true, version: true, verdictRounds: { select: { closedAt: true, reconciledAt: true } } },
      orderBy: [{ startOffset: "asc" }, { id: "asc" }],
    });
    const open = claims.filter((claim) => refusalToOpen(claim) === null);
    if (open.length === 0) throw new ForbiddenError("Every claim of this article is approved or already has a round under way.");
    for (const claim of open) {
      const version = await bumpVersion(tx, actor, claim.id, claim.version);
      await createRound(tx, actor, claim.id, reviewers, { before: claim.version, after: version });
    }
    return { opened: open.length, skipped: claims.length - open.length };
  });
}

/** Why a round cannot be opened on the claim now, or null. */
export function refusalToOpen(claim: { state: string; verdictRounds: { closedAt: Date | null; reconciledAt: Date | null }[] }): string | null {
  if (claim.state === "APPROVED") return "This claim is approved: reopen it before asking for independent verdicts.";
  if (claim.verdictRounds.some(isUnderway)) return "This claim already has a round of independent verdicts under way.";
  return null;
}

async function createRound(tx: Tx, actor: Actor, claimId: string, reviewers: UserRef[], versions: { before: number; after: number }) {
  const round = await tx.verdictRound.create({
    data: {
      claimId,
      requiredCount: reviewers.length,
      openedById: actor.id,
      verdicts: { create: reviewers.map((reviewer) => ({ reviewerId: reviewer.id })) },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "round.open",
    entityType: "Claim",
    entityId: claimId,
    before: { version: versions.before },
    after: { roundId: round.id, reviewers: reviewers.map(({ id, name }) => ({ id, name })), version: versions.after },
  });
  return round.id;
}

/** The chosen reviewers: people who can sign in, each once. */
export async function findReviewers(tx: Tx, ids: string[]): Promise<UserRef[]> {
  const found = await tx.user.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, name: true } });
  if (found.length !== ids.length) throw new FieldError("reviewerIds", "Choose the reviewers from the list.");
  return ids.map((id) => found.find((user) => user.id === id)!);
}
