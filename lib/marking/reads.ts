import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole, hasRole } from "@/lib/auth/roles";
import { visibleArticleWhere, visibleBlindMarkWhere } from "@/lib/auth/visibility";
import { userRef } from "@/lib/claims/shapes";
import { overlapGroups, panelOverlapF1 } from "@/lib/agreement/spans";
import { isOpen } from "@/lib/marking/rules";
import type { MarkGroup, MarkingView, MarkView, RevealedMark } from "@/lib/marking/types";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { revealedWithin } from "@/lib/agreement/units";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The agreement page's filters that apply to marks (its tag filter does not: marks are not claims). */
type MarkingFilters = { from?: string; to?: string; reviewer?: string; article?: string };

const markSelect = {
  id: true,
  roundId: true,
  startOffset: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
  restatement: true,
  resolvedAt: true,
  claimId: true,
  reviewer: userRef,
} as const;

/**
 * The article's current blind marking round as the actor may see it: the open one, else the
 * newest revealed one; null when the article never had one. Who sits on the panel and who has
 * finished is read by anyone who may see the article; marks only through the blind rule.
 */
export async function getMarking(actor: Actor, articleId: string): Promise<MarkingView | null> {
  const round = await prisma.markingRound.findFirst({
    where: { articleId, article: visibleArticleWhere(actor) },
    select: {
      id: true,
      articleId: true,
      openedAt: true,
      closedAt: true,
      openedBy: userRef,
      closedBy: userRef,
      seats: { select: { reviewer: userRef, finishedAt: true }, orderBy: { reviewer: { name: "asc" } } },
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
  });
  if (!round) return null;
  const marks = await prisma.blindMark.findMany({
    where: { roundId: round.id, ...visibleBlindMarkWhere(actor) },
    select: markSelect,
    orderBy: [{ startOffset: "asc" }, { endOffset: "asc" }, { id: "asc" }],
  });
  const views = marks.map(toView);
  const open = isOpen(round);
  const seat = round.seats.find((each) => each.reviewer.id === actor.id);
  const editor = hasRole(actor, "EDITOR");
  return {
    ...round,
    mine: views.filter((mark) => mark.reviewer.id === actor.id),
    groups: open ? null : groupsOf(marks),
    agreement: open ? null : agreementOf(round.seats.map((each) => each.reviewer), views),
    mayMark: open && seat !== undefined && seat.finishedAt === null,
    mayClose: open && editor,
    mayReconcile: !open && editor,
  };
}

function toView(mark: { id: string; startOffset: number; endOffset: number; exact: string; prefix: string; suffix: string; restatement: string; reviewer: { id: string; name: string } }): MarkView {
  return { id: mark.id, reviewer: mark.reviewer, start: mark.startOffset, end: mark.endOffset, exact: mark.exact, prefix: mark.prefix, suffix: mark.suffix, restatement: mark.restatement };
}

function groupsOf(marks: Array<Parameters<typeof toView>[0] & { resolvedAt: Date | null; claimId: string | null }>): MarkGroup[] {
  return overlapGroups(marks.map((mark) => ({ ...mark, start: mark.startOffset, end: mark.endOffset }))).map((group) => ({
    marks: group.map(toView),
    resolved: group.every((mark) => mark.resolvedAt !== null),
    claimId: group.find((mark) => mark.claimId)?.claimId ?? null,
  }));
}

/** Every panel member counts, with the marks they made (none is a mark set too). */
function agreementOf(panel: Array<{ id: string; name: string }>, marks: MarkView[]) {
  const byReviewer = new Map(panel.map((reviewer) => [reviewer, marks.filter((mark) => mark.reviewer.id === reviewer.id)]));
  return panelOverlapF1(byReviewer);
}

/** For the agreement page: span agreement of each revealed marking round in the filters (editors). */
export async function listMarkingAgreement(actor: Actor, filters: MarkingFilters) {
  assertRole(actor, "EDITOR");
  const rounds = await prisma.markingRound.findMany({
    where: revealedRoundWhere(actor, filters),
    select: {
      id: true,
      closedAt: true,
      article: { select: { id: true, title: true } },
      seats: { select: { reviewer: userRef }, orderBy: { reviewer: { name: "asc" } } },
      marks: { where: visibleBlindMarkWhere(actor), select: markSelect },
    },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
  });
  return rounds.map((round) => ({
    roundId: round.id,
    closedAt: round.closedAt!,
    article: round.article,
    ...agreementOf(round.seats.map((seat) => seat.reviewer), round.marks.map(toView)),
  }));
}

/** Revealed rounds in the agreement page's filters (whole UTC days of revealing, a panel member, an article). */
function revealedRoundWhere(actor: Actor, filters: MarkingFilters): Prisma.MarkingRoundWhereInput {
  return {
    closedAt: revealedWithin(filters),
    article: { ...visibleArticleWhere(actor), ...(filters.article ? { id: filters.article } : {}) },
    ...(filters.reviewer ? { seats: { some: { reviewerId: filters.reviewer } } } : {}),
  };
}

/**
 * For the agreement page's marks CSV: every mark of the revealed rounds in the filters, with
 * its offsets in Unicode code points (as W3C selectors count them, and as most statistics
 * packages index strings) and the number of its group of overlapping marks in its round.
 */
export async function listRevealedMarks(actor: Actor, filters: MarkingFilters): Promise<RevealedMark[]> {
  assertRole(actor, "EDITOR");
  const rounds = await prisma.markingRound.findMany({
    where: revealedRoundWhere(actor, filters),
    select: {
      id: true,
      closedAt: true,
      article: { select: { id: true, canonicalText: true } },
      marks: { where: visibleBlindMarkWhere(actor), select: markSelect },
    },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
  });
  return rounds.flatMap((round) => {
    const points = codePointIndex(round.article.canonicalText);
    return groupsOf(round.marks).flatMap((group, i) =>
      group.marks.map((mark) => ({
        roundId: round.id,
        articleId: round.article.id,
        revealedAt: round.closedAt!,
        group: i + 1,
        outcome: !group.resolved ? "undecided" : group.claimId ? "claim" : "set aside",
        claimId: group.claimId,
        reviewer: mark.reviewer,
        start: points.toCodePoints(mark.start),
        end: points.toCodePoints(mark.end),
        exact: mark.exact,
        restatement: mark.restatement,
      })),
    );
  });
}

/** Whether an article's blind marking is under way: a round open, or revealed marks not yet decided on. */
export async function isMarkingUnderway(db: Pick<Tx, "blindMark" | "markingRound">, articleId: string): Promise<boolean> {
  if ((await db.markingRound.count({ where: { articleId, closedAt: null } })) > 0) return true;
  return (await db.blindMark.count({ where: { round: { articleId }, resolvedAt: null } })) > 0;
}
