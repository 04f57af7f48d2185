"use client";

import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import type { ClaimSummary, UserRef } from "@/lib/claims/types";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { VerdictFilterOptions } from "@/components/ratings/verdict-filter-options";
import { ClaimBulkActions, isMyDraft } from "@/components/reader/claim-bulk-actions";
import { ClaimItems } from "@/components/reader/claim-items";

export interface ClaimFilters {
  verdict: string;
  state: string;
  author: string;
  tag: string;
  /** A user's id, UNASSIGNED, or ALL. */
  assignee: string;
}

const ALL = "";
const UNASSIGNED = "none";

export const NO_FILTERS: ClaimFilters = { verdict: ALL, state: ALL, author: ALL, tag: ALL, assignee: ALL };

export function filterClaims(claims: ClaimSummary[], filters: ClaimFilters) {
  return claims.filter(
    (claim) =>
      (filters.verdict === ALL || (claim.verdict ?? "UNRATED") === filters.verdict) &&
      (filters.state === ALL || claim.state === filters.state) &&
      (filters.author === ALL || claim.author.id === filters.author) &&
      (filters.tag === ALL || claim.tags.includes(filters.tag)) &&
      (filters.assignee === ALL || (claim.assignee?.id ?? UNASSIGNED) === filters.assignee),
  );
}

/** Everyone in the claims' `pick` field (authors, assignees), each once, by name. */
function peopleIn(claims: ClaimSummary[], pick: (claim: ClaimSummary) => UserRef | null) {
  const byId = new Map(claims.flatMap((claim) => (pick(claim) ? [[pick(claim)!.id, pick(claim)!.name] as const] : [])));
  return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
}

/**
 * The claims beside the text: filterable by verdict, state, reviewer, tag and assignee, with
 * checkboxes to choose claims for the bulk actions (chosen claims stay chosen out of view).
 * The items (claim-items.tsx): up to 50 all in the page, past that a window over the side panel's scroll.
 */
export function ClaimList({
  claims,
  filters,
  onFiltersChange,
  onOpen,
  viewer,
  assignees,
  returnTo,
  scrollRef,
}: {
  /** The side panel the list scrolls in. */
  scrollRef: RefObject<HTMLElement | null>;
  /** The claim whose panel was just closed: its item is scrolled to and focused. */
  returnTo: string | null;
  claims: ClaimSummary[];
  filters: ClaimFilters;
  onFiltersChange: (filters: ClaimFilters) => void;
  onOpen: (id: string) => void;
  viewer: WorkflowActor;
  /** Whom the viewer may assign claims to. */
  assignees: UserRef[];
}) {
  const authors = useMemo(() => peopleIn(claims, (claim) => claim.author), [claims]);
  const assigned = useMemo(() => peopleIn(claims, (claim) => claim.assignee), [claims]);
  const tags = useMemo(() => [...new Set(claims.flatMap((claim) => claim.tags))].sort(), [claims]);
  const verdictsInUse = useMemo(() => claims.map((claim) => claim.verdict), [claims]);
  const shown = useMemo(() => filterClaims(claims, filters), [claims, filters]);
  const [chosenIds, setChosenIds] = useState<ReadonlySet<string>>(new Set());
  // Claims that have left the list (deleted, filtered out) are no longer chosen.
  const chosen = useMemo(() => shown.filter((claim) => chosenIds.has(claim.id)), [shown, chosenIds]);
  const choose = useCallback(
    (id: string, on: boolean) =>
      setChosenIds((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (key: keyof ClaimFilters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    onFiltersChange({ ...filters, [key]: event.target.value });

  return (
    <section className="claim-list" aria-labelledby="claim-list-heading">
      <div className="claim-list__head">
        <h2 id="claim-list-heading" tabIndex={-1} ref={heading}>
          Claims
        </h2>
        <span className="muted" aria-live="polite">
          {shown.length === claims.length ? `${claims.length}` : `${shown.length} of ${claims.length}`}
        </span>
      </div>
      <div className="claim-filters">
        <label>
          <span>Verdict</span>
          <select value={filters.verdict} onChange={set("verdict")}>
            <VerdictFilterOptions anyLabel="All verdicts" inUse={verdictsInUse} />
          </select>
        </label>
        <label>
          <span>State</span>
          <select value={filters.state} onChange={set("state")}>
            <option value={ALL}>All states</option>
            {Object.entries(STATE_LABELS).map(([state, label]) => (
              <option key={state} value={state}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Reviewer</span>
          <select value={filters.author} onChange={set("author")}>
            <option value={ALL}>All reviewers</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select value={filters.tag} onChange={set("tag")}>
            <option value={ALL}>All tags</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Assigned to</span>
          <select value={filters.assignee} onChange={set("assignee")}>
            <option value={ALL}>Anyone or nobody</option>
            <option value={viewer.id}>Me</option>
            <option value={UNASSIGNED}>Nobody</option>
            {assigned
              .filter(([id]) => id !== viewer.id)
              .map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {claims.length > 0 && (
        <div className="claim-choice">
          <span aria-live="polite">{chosen.length === 0 ? "None chosen" : `${chosen.length} chosen`}</span>
          <button type="button" className="button button--quiet button--small" onClick={() => setChosenIds(new Set(shown.filter((c) => isMyDraft(c, viewer)).map((c) => c.id)))}>
            Choose my drafts
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setChosenIds(new Set(shown.map((c) => c.id)))}>
            Choose all shown
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setChosenIds(new Set())} disabled={chosen.length === 0}>
            Clear
          </button>
        </div>
      )}
      {claims.length > 0 && (
        <ClaimBulkActions chosen={chosen} viewer={viewer} assignees={assignees} onDone={() => setChosenIds(new Set())} onOpen={onOpen} />
      )}
      {claims.length === 0 ? (
        <p className="muted claim-list__empty">
          No claims yet. Select a passage in the text and choose <strong>Mark claim</strong> (or press <kbd>M</kbd>).
        </p>
      ) : (
        <ClaimItems
          claims={shown}
          chosenIds={chosenIds}
          onChoose={choose}
          onOpen={onOpen}
          scrollRef={scrollRef}
          returnTo={returnTo}
          heading={heading}
        />
      )}
      <p className="shortcuts muted">
        <kbd>M</kbd> mark the selection · <kbd>J</kbd>/<kbd>K</kbd> next/previous claim · <kbd>↓</kbd>/<kbd>↑</kbd> next/previous item in the list · <kbd>Esc</kbd> back to the list
      </p>
    </section>
  );
}
