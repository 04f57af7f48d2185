import { ForbiddenError } from "@/lib/errors";

/**
 * The states of a blind marking round, in one place: open (reviewers marking blind), then
 * revealed (closed), when an editor reconciles each group of overlapping marks.
 */
export const isOpen = (round: { closedAt: Date | null }) => round.closedAt === null;

/** How many marks one reviewer may make in one round: far more than an article has claims. */
export const MARKS_PER_REVIEWER = 300;

/** Why an article may not have a new version now: blind marks are offsets into its current text. */
export const VERSION_IN_MARKING =
  "Blind marking is under way on this article, on its current text: close it and decide on its marks before bringing in a new version.";

/** Why an article may not get a new marking round now, or null. */
export function refusalToOpen(article: { retiredAt: Date | null }, rounds: Array<{ closedAt: Date | null; unresolved: number }>): string | null {
  if (article.retiredAt) return "This article is retired: restore it before asking for blind marking.";
  if (rounds.some(isOpen)) return "This article's blind marking is already under way.";
  if (rounds.some((round) => round.unresolved > 0)) return "This article's last blind marking has marks to reconcile first.";
  return null;
}

/** A reviewer's seat in an open round, where they may still mark, or a refusal saying why not. */
export function assertMayMark(round: { closedAt: Date | null }, seat: { finishedAt: Date | null } | undefined) {
  if (!seat) throw new ForbiddenError("You are not on this article's blind marking panel.");
  if (!isOpen(round)) throw new ForbiddenError("This blind marking is over: its marks have been revealed.");
  if (seat.finishedAt) throw new ForbiddenError("You have said you finished marking this article.");
}
