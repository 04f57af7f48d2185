"use client";

import { memo, useEffect, useEffectEvent, useMemo, type RefObject } from "react";
import type { ClaimSummary } from "@/lib/claims/types";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import { AssigneeLabel, TagList } from "@/components/reader/claim-organisation";
import { useClaimListWindow } from "@/components/reader/use-claim-list-window";

/**
 * The claim list's items, each with its checkbox. Up to 50, every item is in the page, so the
 * browser's find reaches them all; past that only the items near the side panel's view are
 * (use-claim-list-window), and ArrowDown/ArrowUp, Home/End and the return from a claim's panel
 * scroll to any item before focusing it. Its own component, so a scroll re-renders the items,
 * not the filters and bulk actions above them; and each item only when it changes.
 */
export function ClaimItems({
  claims,
  chosenIds,
  onChoose,
  onOpen,
  scrollRef,
  returnTo,
  heading,
}: {
  claims: ClaimSummary[];
  chosenIds: ReadonlySet<string>;
  onChoose: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
  scrollRef: RefObject<HTMLElement | null>;
  /** The claim whose panel was just closed: its item is scrolled to and focused. */
  returnTo: string | null;
  /** Where the focus waits while that item is scrolled to. */
  heading: RefObject<HTMLElement | null>;
}) {
  const ids = useMemo(() => claims.map((claim) => claim.id), [claims]);
  const list = useClaimListWindow(ids, scrollRef);
  const returnToItem = useEffectEvent((id: string) => {
    const index = ids.indexOf(id);
    // Until a far item is drawn, the focus waits on the heading (with none, the reader would
    // move it there and scroll the panel to the top).
    if (index !== -1 && !list.focusItem(index, "center")) heading.current?.focus({ preventScroll: true });
  });
  useEffect(() => {
    if (returnTo) returnToItem(returnTo);
  }, [returnTo]);

  return (
    <ol
      className={list.virtual ? "claim-items claim-items--window" : "claim-items"}
      style={list.height === null ? undefined : { height: list.height }}
      {...list.listProps}
    >
      {list.rows.map(({ index, top }) => (
        <ClaimItem
          key={ids[index]}
          claim={claims[index]}
          index={index}
          setSize={claims.length}
          top={top}
          measure={list.measure}
          chosen={chosenIds.has(ids[index])}
          onChoose={onChoose}
          onOpen={onOpen}
        />
      ))}
    </ol>
  );
}

const ClaimItem = memo(function ClaimItem({
  claim,
  index,
  setSize,
  top,
  measure,
  chosen,
  onChoose,
  onOpen,
}: {
  claim: ClaimSummary;
  index: number;
  setSize: number;
  /** Its offset in a windowed list; null in a whole one. */
  top: number | null;
  measure: ((element: HTMLElement | null) => void) | undefined;
  chosen: boolean;
  onChoose: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <li
      ref={measure}
      data-claim-id={claim.id}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={top === null ? undefined : { transform: `translateY(${top}px)` }}
    >
      <input
        type="checkbox"
        className="claim-item__choose"
        checked={chosen}
        onChange={(event) => onChoose(claim.id, event.target.checked)}
        aria-label={`Choose “${claim.restatement}”`}
      />
      <button type="button" className="claim-item" onClick={() => onOpen(claim.id)} data-testid="claim-item">
        <span className="claim-item__badges">
          <VerdictBadge verdict={claim.verdict} />
          <StateBadge state={claim.state} />
        </span>
        <span className="claim-item__text">{claim.restatement}</span>
        <span className="claim-item__meta muted">
          {claim.author.name}
          {claim.evidenceCount > 0 && ` · ${claim.evidenceCount} evidence`}
          {claim.commentCount > 0 && ` · ${claim.commentCount} comment${claim.commentCount === 1 ? "" : "s"}`}
          {claim.anchorStatus === "ORPHANED" && " · text not found"}
        </span>
        {(claim.assignee || claim.tags.length > 0) && (
          <span className="claim-item__organisation">
            <AssigneeLabel assignee={claim.assignee} />
            <TagList tags={claim.tags} />
          </span>
        )}
      </button>
    </li>
  );
});
