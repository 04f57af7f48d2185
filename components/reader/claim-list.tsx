"use client";

import { useMemo, useState } from "react";
import type { ClaimSummary } from "@/lib/claims/types";
import { STATE_LABELS, UNRATED, VERDICT_ORDER, VERDICTS } from "@/lib/claims/verdicts";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";

export interface ClaimFilters {
  verdict: string;
  state: string;
  author: string;
}

const ALL = "";

export function filterClaims(claims: ClaimSummary[], filters: ClaimFilters) {
  return claims.filter(
    (claim) =>
      (filters.verdict === ALL || (claim.verdict ?? "UNRATED") === filters.verdict) &&
      (filters.state === ALL || claim.state === filters.state) &&
      (filters.author === ALL || claim.author.id === filters.author),
  );
}

/** The claims beside the text, filterable by verdict, state and reviewer. */
export function ClaimList({
  claims,
  filters,
  onFiltersChange,
  onOpen,
}: {
  claims: ClaimSummary[];
  filters: ClaimFilters;
  onFiltersChange: (filters: ClaimFilters) => void;
  onOpen: (id: string) => void;
}) {
  const authors = useMemo(() => {
    const byId = new Map(claims.map((claim) => [claim.author.id, claim.author.name]));
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [claims]);
  const shown = useMemo(() => filterClaims(claims, filters), [claims, filters]);
  // A long list renders in pages, so 1,000 claims cost the first paint no more than 50.
  const [limit, setLimit] = useState(50);
  const set = (key: keyof ClaimFilters) => (event: React.ChangeEvent<HTMLSelectElement>) =>
    onFiltersChange({ ...filters, [key]: event.target.value });

  return (
    <section className="claim-list" aria-labelledby="claim-list-heading">
      <div className="claim-list__head">
        <h2 id="claim-list-heading" tabIndex={-1}>
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
            <option value={ALL}>All verdicts</option>
            <option value="UNRATED">{UNRATED.label}</option>
            {VERDICT_ORDER.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICTS[verdict].label}
              </option>
            ))}
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
      </div>
      {claims.length === 0 ? (
        <p className="muted claim-list__empty">
          No claims yet. Select a passage in the text and choose <strong>Mark claim</strong> (or press <kbd>M</kbd>).
        </p>
      ) : (
        <ol className="claim-items">
          {shown.slice(0, limit).map((claim) => (
            <li key={claim.id}>
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
              </button>
            </li>
          ))}
        </ol>
      )}
      {shown.length > limit && (
        <button type="button" className="button button--quiet button--small" onClick={() => setLimit((n) => n + 100)}>
          Show more ({shown.length - limit} left)
        </button>
      )}
      <p className="shortcuts muted">
        <kbd>M</kbd> mark the selection · <kbd>J</kbd>/<kbd>K</kbd> next/previous claim · <kbd>Esc</kbd> back to the list
      </p>
    </section>
  );
}
