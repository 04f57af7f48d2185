"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { RatingId } from "@/lib/ratings/types";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { formatDateTime } from "@/lib/format";
import { VerdictBadge } from "@/components/reader/verdict";
import { WorkflowControls } from "@/components/workflow/workflow-controls";
import { ApprovalNotice, type Approval } from "@/components/workflow/approval-notice";
import { EvidenceContent } from "@/components/reader/panel/evidence-section";
import { CommentContent } from "@/components/reader/panel/comments-section";
import type { ClaimComment, EvidenceItem } from "@/lib/claims/types";
import type { Disagreement } from "@/lib/rounds/types";
import { disagreementText } from "@/lib/rounds/labels";
import { useRatings } from "@/components/ratings/ratings-provider";

export interface QueueClaim {
  id: string;
  version: number;
  restatement: string;
  verdict: RatingId | null;
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
  /** All its evidence, and its latest comments, oldest of them first (lib/workflow/data.ts). */
  evidence: Array<Omit<EvidenceItem, "createdAt">>;
  latestComments: ClaimComment[];
  article: { id: string; title: string };
  author: { id: string; name: string };
  /** Its panel's revealed verdicts, when they differ (lib/rounds). */
  disagreement: Disagreement | null;
}

const NO_CURRENT_CLAIM = "Move to a claim first (J, K or Tab): A approves the claim you are on.";

/**
 * The editors' queue. Keyboard: J/K move between claims, A approves the current one,
 * R opens its "request changes" note, U undoes the approval just made.
 * A approves only the claim the editor moved to (it has the focus, so it is on screen and
 * marked as current), never one they have not looked at. What an approval did, and its Undo,
 * show in a status region that stays when the claim leaves the queue. A claim decided on
 * leaves the queue, and the focus goes to the claim that takes its place (or, at the
 * queue's end, to `empty`).
 */
export function QueueList({ claims, viewer, empty }: { claims: QueueClaim[]; viewer: WorkflowActor; empty: ReactNode }) {
  const ratings = useRatings();
  const router = useRouter();
  const [current, setCurrent] = useState<number | null>(null);
  const [approval, setApproval] = useState<Approval | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const items = useRef<Array<HTMLLIElement | null>>([]);
  const emptyNote = useRef<HTMLParagraphElement>(null);
  const index = current === null ? null : Math.min(current, claims.length - 1);
  // Set when a decision is submitted. The claim leaves the queue with the action's answer (its
  // own controls with it), and the focus, lost with them, goes to the claim in its place.
  const decided = useRef(false);
  useEffect(() => {
    if (!decided.current) return;
    decided.current = false;
    if (document.activeElement === document.body) (items.current[index ?? 0] ?? emptyNote.current)?.focus();
  }, [claims, index]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as HTMLElement).closest("input, textarea, select")) return;
      const item = index === null ? null : items.current[index];
      const key = event.key.toLowerCase();
      // U still undoes the last approval once that emptied the queue; the other keys need a claim.
      if (claims.length === 0 && key !== "u") return;
      if (key === "j" || key === "k") {
        const next = index === null ? 0 : Math.max(0, Math.min(claims.length - 1, index + (key === "j" ? 1 : -1)));
        setCurrent(next);
        setHint(null);
        items.current[next]?.focus();
        items.current[next]?.scrollIntoView({ block: "nearest" });
      } else if (key === "a") {
        if (!item?.contains(document.activeElement)) setHint(NO_CURRENT_CLAIM);
        else item.querySelector<HTMLButtonElement>("button[data-workflow=approve]:not(:disabled)")?.click();
      } else if (key === "u") {
        document.querySelector<HTMLButtonElement>("button[data-undo-approval]:not(:disabled)")?.click();
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

  return (
    <>
      {claims.length > 0 && (
        <p className="shortcuts muted">
          <kbd>J</kbd>/<kbd>K</kbd> next/previous · <kbd>A</kbd> approve · <kbd>R</kbd> request changes · <kbd>U</kbd> undo an approval
        </p>
      )}
      <div role="status" aria-live="polite" className="queue-status">
        {approval && (
          <ApprovalNotice key={`${approval.claimId}:${approval.version}`} approval={approval} onUndone={() => router.refresh()} />
        )}
        {hint && <p className="muted">{hint}</p>}
      </div>
      {claims.length === 0 ? (
        <p className="card empty" tabIndex={-1} ref={emptyNote} data-testid="queue-empty">
          {empty}
        </p>
      ) : <ol
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
            onFocus={() => {
              setCurrent(i);
              setHint(null);
            }}
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
            {claim.disagreement && (
              <p className="review-note queue-item__disagreement">
                <strong>Reviewers disagreed:</strong> {disagreementText(claim.disagreement, ratings)}
              </p>
            )}
            {claim.rationale && <p className="queue-item__rationale">{claim.rationale}</p>}
            {claim.reviewNote && (
              <p className="review-note">
                <strong>Editor&rsquo;s note:</strong> {claim.reviewNote}
              </p>
            )}
            <p className="muted queue-item__meta">
              {claim.author.name} · submitted {formatDateTime(claim.submittedAt)}
            </p>
            <QueueEvidence claim={claim} />
            <QueueComments claim={claim} />
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
                // Submitted claims cannot be reopened: no correction arises in the queue.
                articlePublic: false,
              }}
              onChanged={(done) => {
                if (done.action === "approve") setApproval({ claimId: claim.id, restatement: claim.restatement, version: done.claim.version });
                router.refresh();
              }}
              compact
            />
          </li>
        ))}
      </ol>}
    </>
  );
}

function QueueEvidence({ claim }: { claim: QueueClaim }) {
  const headingId = `queue-evidence-${claim.id}`;
  return (
    <section className="queue-item__section" aria-labelledby={headingId}>
      <h3 id={headingId}>Evidence ({claim.evidenceCount})</h3>
      {claim.evidence.length === 0 ? (
        <p className="muted">No evidence.</p>
      ) : (
        <ul className="evidence-list">
          {claim.evidence.map((item) => (
            <li key={item.id} className={`evidence evidence--${item.stance}`} data-testid="queue-evidence">
              <EvidenceContent item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueComments({ claim }: { claim: QueueClaim }) {
  if (claim.commentCount === 0) return null;
  const headingId = `queue-comments-${claim.id}`;
  const shown = claim.latestComments.length;
  return (
    <section className="queue-item__section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Comments ({claim.commentCount}){shown < claim.commentCount && <span className="muted"> · the latest {shown}</span>}
      </h3>
      <ol className="comment-list">
        {claim.latestComments.map((comment) => (
          <li key={comment.id} data-testid="queue-comment">
            <CommentContent comment={comment} />
          </li>
        ))}
      </ol>
    </section>
  );
}
