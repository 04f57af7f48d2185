import Link from "next/link";
import type { MarkingView } from "@/lib/marking/types";

/** On the article page: the article's blind marking, where it stands, and the way to its page. */
export function MarkingNotice({ marking, viewerId }: { marking: MarkingView; viewerId: string }) {
  const finished = marking.seats.filter((seat) => seat.finishedAt).length;
  const onPanel = marking.seats.some((seat) => seat.reviewer.id === viewerId);
  const href = `/articles/${marking.articleId}/marking`;
  if (marking.closedAt) {
    const open = marking.groups?.filter((group) => !group.resolved).length ?? 0;
    if (open === 0) return null;
    return (
      <p className="notice marking-notice" data-testid="marking-notice">
        Blind marking revealed: {open === 1 ? "1 group of marks" : `${open} groups of marks`} to merge into claims. <Link href={href}>Open the marking</Link>
      </p>
    );
  }
  return (
    <p className="notice marking-notice" data-testid="marking-notice">
      Blind marking under way: {finished} of {marking.seats.length} reviewers finished.{" "}
      <Link href={href}>{marking.mayMark ? "Mark this article blind" : onPanel ? "See your marks" : "See who has finished"}</Link>
    </p>
  );
}
