/**
 * Agreement on where the claims are (blind marking, lib/marking): which spans of one text
 * several reviewers marked independently. Pure; offsets are UTF-16 positions in the text.
 *
 * Overlap F1, as the agreement page defines it: two marks of different reviewers match when
 * they share at least one character; each mark matches at most one of the other reviewer's
 * (the most matches possible); then F1 = 2 × matches / (marks of one + marks of the other).
 * It is 1 when both marked the same claims (however their edges differ), 0 when no mark of
 * one touches a mark of the other. For a panel, the pairs' matches and marks are summed.
 */

export interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The most one-to-one matches between two reviewers' marks (augmenting paths: marks are few). */
export function overlapMatches(a: readonly Span[], b: readonly Span[]): number {
  const partnerOfB = new Array<number>(b.length).fill(-1);
  const tryMatch = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < b.length; j++) {
      if (seen[j] || !overlaps(a[i], b[j])) continue;
      seen[j] = true;
      if (partnerOfB[j] === -1 || tryMatch(partnerOfB[j], seen)) {
        partnerOfB[j] = i;
        return true;
      }
    }
    return false;
  };
  let matches = 0;
  for (let i = 0; i < a.length; i++) if (tryMatch(i, new Array<boolean>(b.length).fill(false))) matches++;
  return matches;
}

export interface PairAgreement {
  matches: number;
  /** Marks of both reviewers together. */
  marks: number;
  /** Null when neither marked anything: there is nothing to agree on. */
  f1: number | null;
}

export function overlapF1(a: readonly Span[], b: readonly Span[]): PairAgreement {
  const matches = overlapMatches(a, b);
  const marks = a.length + b.length;
  return { matches, marks, f1: marks === 0 ? null : (2 * matches) / marks };
}

/** A panel's agreement: every pair of reviewers, and their matches and marks summed. */
export function panelOverlapF1<R>(marksByReviewer: ReadonlyMap<R, readonly Span[]>): { pairs: Array<{ a: R; b: R } & PairAgreement>; overall: PairAgreement } {
  const reviewers = [...marksByReviewer.keys()];
  const pairs = reviewers.flatMap((a, i) => reviewers.slice(i + 1).map((b) => ({ a, b, ...overlapF1(marksByReviewer.get(a)!, marksByReviewer.get(b)!) })));
  const matches = pairs.reduce((sum, pair) => sum + pair.matches, 0);
  const marks = pairs.reduce((sum, pair) => sum + pair.marks, 0);
  return { pairs, overall: { matches, marks, f1: marks === 0 ? null : (2 * matches) / marks } };
}

/**
 * Marks grouped where they overlap, directly or through another mark: each group is shown
 * as one claim to reconcile. Groups in text order; marks in a group by start, then end.
 */
export function overlapGroups<T extends Span>(marks: readonly T[]): T[][] {
  const sorted = [...marks].sort((x, y) => x.start - y.start || x.end - y.end);
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const mark of sorted) {
    if (mark.start < reach) groups.at(-1)!.push(mark);
    else groups.push([mark]);
    reach = Math.max(reach, mark.end);
  }
  return groups;
}
