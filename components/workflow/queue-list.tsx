"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Verdict } from "@/lib/generated/prisma/enums";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { formatDateTime } from "@/lib/format";
import { VerdictBadge } from "@/components/reader/verdict";
import { WorkflowControls } from "@/components/workflow/workflow-controls";

export interface QueueClaim {
  id: string;
  version: number;
  restatement: string;
  verdict: Verdict | null;
  rationale: string | null;
  /** The last note an editor left (why it was sent back or reopened); kept until it is approved. */
  reviewNote: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  submittedAt: Date | null;
  verdictProposedById: string | null;
  contentChangedById: string | null;
  evidenceCount: number;
  commentCount: number;
  article: { id: string; title: string };
  author: { id: string; name: string };
}

/**
 * The editors' queue. Keyboard: J/K move between claims, A approves the current one,
 * R opens its "request changes" note. A claim decided on leaves the queue, and the focus
 * goes to the claim that takes its place (or, at the queue's end, to `empty`).
 */
export function QueueList({ claims, viewer, empty }: { claims: QueueClaim[]; viewer: WorkflowActor; empty: ReactNode }) {
  const router = useRouter();
  const [current, setCurrent] = useState(0);
  const items = useRef<Array<HTMLLIElement | null>>([]);
  const emptyNote = useRef<HTMLParagraphElement>(null);
  const index = Math.min(current, claims.length - 1);
  // Set when a decision is submitted. The claim leaves the queue with the action's answer (its
  // own controls with it), and the focus, lost with them, goes to the claim in its place.
  const decided = useRef(false);
  useEffect(() => {
    if (!decided.current) return;
    decided.current = false;
    if (document.activeElement === document.body) (items.current[index] ?? emptyNote.current)?.focus();
  }, [claims, index]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || claims.length === 0) return;
      if ((event.target as HTMLElement).closest("input, textarea, select")) return;
      const item = items.current[index];
      const key = event.key.toLowerCase();
      if (key === "j" || key === "k") {
        const next = Math.max(0, Math.min(claims.length - 1, index + (key === "j" ? 1 : -1)));
        setCurrent(next);
        items.current[next]?.focus();
        items.current[next]?.scrollIntoView({ block: "nearest" });
      } else if (key === "a") {
        item?.querySelector<HTMLButtonElement>("button[data-workflow=approve]:not(:disabled)")?.click();
      } else if (key === "r") {
        const details = item?.querySelector<HTMLDetailsElement>("details.workflow-note");
        if (details) {
          details.open = true;
          details.querySelector("textarea")?.focus();
        }
      } else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [claims.length, index]);

  if (claims.length === 0) {
    return (
      <p className="card empty" tabIndex={-1} ref={emptyNote} data-testid="queue-empty">
        {empty}
      </p>
    );
  }
  return (
    <>
      <p className="shortcuts muted">
        <kbd>J</kbd>/<kbd>K</kbd> next/previous · <kbd>A</kbd> approve · <kbd>R</kbd> request changes
      </p>
      <ol
        className="queue"
        onSubmit={() => {
          decided.current = true;
        }}
      >
        {claims.map((claim, i) => (
          <li
            key={claim.id}
            ref={(element) => {
              items.current[i] = element;
            }}
            tabIndex={-1}
            className={`queue-item card${i === index ? " queue-item--current" : ""}`}
            onFocus={() => setCurrent(i)}
            data-testid="queue-item"
          >
            <div className="queue-item__head">
              <VerdictBadge verdict={claim.verdict} />
              <Link href={`/articles/${claim.article.id}?claim=${claim.id}`} className="queue-item__article">
                {claim.article.title}
              </Link>
            </div>
            <h2 className="queue-item__claim">{claim.restatement}</h2>
            <p className="queue-item__context">
              {claim.prefix && "…"}
              {claim.prefix}
              <mark>{claim.exact}</mark>
              {claim.suffix}
              {claim.suffix && "…"}
            </p>
            {claim.rationale && <p className="queue-item__rationale">{claim.rationale}</p>}
            {claim.reviewNote && (
              <p className="review-note">
                <strong>Editor&rsquo;s note:</strong> {claim.reviewNote}
              </p>
            )}
            <p className="muted queue-item__meta">
              {claim.author.name} · submitted {formatDateTime(claim.submittedAt)} · {claim.evidenceCount} evidence
              {claim.commentCount > 0 && ` · ${claim.commentCount} comment${claim.commentCount === 1 ? "" : "s"}`}
            </p>
            <WorkflowControls
              claimId={claim.id}
              version={claim.version}
              viewer={viewer}
              claim={{
                state: "SUBMITTED",
                authorId: claim.author.id,
                verdictProposedById: claim.verdictProposedById,
                contentChangedById: claim.contentChangedById,
                verdict: claim.verdict,
                rationale: claim.rationale,
                evidenceCount: claim.evidenceCount,
              }}
              onChanged={() => router.refresh()}
              compact
            />
          </li>
        ))}
      </ol>
    </>
  );
}
