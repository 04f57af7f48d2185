"use client";

import Link from "next/link";
import { useState } from "react";
import type { ClaimSummary } from "@/lib/claims/types";
import {
  addCommentAction,
  addEvidenceAction,
  deleteClaimAction,
  removeEvidenceAction,
  updateClaimAction,
} from "@/lib/claims/actions";
import type { FormState } from "@/lib/actions/form-state";
import { formatDateTime } from "@/lib/format";
import { webHref } from "@/lib/documents/links";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { MarkFields } from "@/components/reader/mark-claim-form";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import { useClaimDetail, type ClaimDetailData } from "@/components/reader/use-claim-detail";
import { STANCES, verdictLabel } from "@/lib/claims/verdicts";
import { StanceOptions } from "@/components/reader/verdict";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { WorkflowControls } from "@/components/workflow/workflow-controls";
import { SameClaim } from "@/components/search/same-claim";
import { SuggestEvidence } from "@/components/search/suggest-evidence";


export interface ArticleChoice {
  id: string;
  title: string;
}

/** The side panel of the open claim: what it says, its verdict, evidence, comments and history. */
export function ClaimPanel({
  summary,
  othersHere,
  articles,
  onOpenClaim,
  onShowInText,
  onClose,
  viewer,
  quote,
}: {
  summary: ClaimSummary;
  /** The claim's text in the article, when it is anchored (else the panel shows the stored quote). */
  quote: string | null;
  /** The signed-in user, for the workflow steps offered (the server decides again). */
  viewer: WorkflowActor;
  /** Other claims covering the same spot (overlapping or nested). */
  othersHere: ClaimSummary[];
  articles: ArticleChoice[];
  onOpenClaim: (id: string) => void;
  onShowInText: (id: string) => void;
  onClose: () => void;
}) {
  const stamp = `${summary.version}:${summary.commentCount}`;
  const { detail, error, reload } = useClaimDetail(summary.id, stamp);
  // While editing: the user's changes kept across "Load the current version", and a key that
  // starts the form afresh (without the conflict) each time it is loaded.
  const [editing, setEditing] = useState<{ kept: KeptEdits; generation: number } | null>(null);
  const claim = detail ?? null;

  return (
    <section className="claim-panel" aria-labelledby="claim-panel-title" data-testid="claim-panel" data-claim-id={summary.id}>
      <div className="panel-bar">
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          ← All claims
        </button>
        <button type="button" className="link-button" onClick={() => onShowInText(summary.id)}>
          Show in text
        </button>
      </div>
      <div className="claim-panel__badges">
        <VerdictBadge verdict={claim?.verdict ?? summary.verdict} />
        <StateBadge state={claim?.state ?? summary.state} />
      </div>
      <h2 id="claim-panel-title" className="claim-panel__title">
        {claim?.restatement ?? summary.restatement}
      </h2>
      <blockquote className="quote">{quote ?? claim?.exact}</blockquote>
      {summary.anchorStatus === "ORPHANED" && (
        <p className="form-message form-message--error">This claim&rsquo;s text could not be found in the article any more.</p>
      )}
      {othersHere.length > 0 && (
        <div className="others-here">
          <p className="muted">Also marked at this spot:</p>
          <ul>
            {othersHere.map((other) => (
              <li key={other.id}>
                <button type="button" className="link-button" onClick={() => onOpenClaim(other.id)}>
                  {other.restatement}
                </button>{" "}
                <span className="muted">({verdictLabel(other.verdict)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <p className="form-message form-message--error">{error}</p>}
      {!claim && !error && <p className="muted">Loading…</p>}
      {claim && (
        <>
          <p className="claim-meta muted">
            Marked by {claim.author.name} · {formatDateTime(claim.createdAt)}
            {claim.verdictProposedBy && <> · verdict by {claim.verdictProposedBy.name}</>}
          </p>
          {claim.reviewNote && (
            <div className="review-note">
              <strong>Editor&rsquo;s note:</strong> {claim.reviewNote}
            </div>
          )}
          {editing ? (
            <EditClaimForm
              key={editing.generation}
              claim={claim}
              kept={editing.kept}
              onDone={() => {
                setEditing(null);
                reload();
              }}
              onReload={(kept) => {
                setEditing({ kept, generation: editing.generation + 1 });
                reload();
              }}
            />
          ) : (
            <>
              <h3>Rationale</h3>
              {claim.rationale ? <p className="rationale">{claim.rationale}</p> : <p className="muted">No rationale yet.</p>}
              {claim.permissions.canEdit && (
                <button type="button" className="button button--quiet button--small" onClick={() => setEditing({ kept: {}, generation: 0 })}>
                  Edit claim
                </button>
              )}
            </>
          )}
          <WorkflowControls
            claimId={claim.id}
            version={claim.version}
            viewer={viewer}
            claim={{
              state: claim.state,
              authorId: claim.author.id,
              verdictProposedById: claim.verdictProposedBy?.id ?? null,
              verdict: claim.verdict,
              rationale: claim.rationale,
              evidenceCount: claim.evidence.length,
            }}
            onChanged={reload}
          />
          <SameClaim claimId={claim.id} version={claim.version} verdict={claim.verdict} canEdit={claim.permissions.canEdit} onChanged={reload} />
          <EvidenceSection claim={claim} articles={articles} onChanged={reload} />
          <CommentsSection claim={claim} onChanged={reload} />
          <HistorySection claim={claim} />
          {claim.permissions.canDelete && <DeleteClaimForm claim={claim} onDeleted={onClose} />}
        </>
      )}
    </section>
  );
}

function ConflictNotice({ state, onReload }: { state: FormState; onReload: () => void }) {
  const current = state.current;
  if (!current) return null;
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>Current version{current.updatedBy ? ` (by ${current.updatedBy.name})` : ""}:</strong>
      </p>
      <dl>
        <dt>Claim</dt>
        <dd>{current.restatement}</dd>
        <dt>Verdict</dt>
        <dd>{verdictLabel(current.verdict)}</dd>
        <dt>Rationale</dt>
        <dd>{current.rationale || "—"}</dd>
      </dl>
      <button type="button" className="button button--quiet button--small" onClick={onReload}>
        Load the current version
      </button>
    </div>
  );
}

type EditableField = "restatement" | "verdict" | "rationale";
type KeptEdits = Partial<Record<EditableField, string>>;
const FIELD_NAMES: Record<EditableField, string> = { restatement: "the claim", verdict: "the verdict", rationale: "the rationale" };

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").replace(/\r\n?/g, "\n").trim() === (b ?? "").replace(/\r\n?/g, "\n").trim();

/**
 * Editing a claim. After a conflict, "Load the current version" starts the form again from
 * the current version, keeping only the fields this user changed: a field they did not touch
 * takes the other person's value, so saving cannot silently undo it.
 */
function EditClaimForm({
  claim,
  kept,
  onDone,
  onReload,
}: {
  claim: ClaimDetailData;
  kept: KeptEdits;
  onDone: () => void;
  onReload: (kept: KeptEdits) => void;
}) {
  const [state, action, pending] = useFormAction(updateClaimAction);
  useOnSuccess(state, onDone);
  const reloadKeepingEdits = () => {
    const submitted = state.values ?? {};
    const edits: KeptEdits = {};
    for (const field of ["restatement", "verdict", "rationale"] as const) {
      const value = submitted[field];
      if (value !== undefined && !sameText(value, claim[field])) edits[field] = value;
    }
    onReload(edits);
  };
  const keptFields = (Object.keys(kept) as EditableField[]).map((field) => FIELD_NAMES[field]);
  return (
    <form action={action} className="panel-form" noValidate key={claim.version}>
      <FormMessage state={state} />
      <ConflictNotice state={state} onReload={reloadKeepingEdits} />
      {state.status === "idle" && keptFields.length > 0 && (
        <p className="form-message form-message--ok" role="status">
          This is the current version, with your unsaved changes kept in: {keptFields.join(", ")}. Review and save.
        </p>
      )}
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <MarkFields
        state={state}
        defaultRestatement={kept.restatement ?? claim.restatement}
        defaultVerdict={kept.verdict !== undefined ? ((kept.verdict || null) as ClaimDetailData["verdict"]) : claim.verdict}
        defaultRationale={kept.rationale ?? claim.rationale}
      />
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </button>
        <button className="button button--quiet" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EvidenceSection({ claim, articles, onChanged }: { claim: ClaimDetailData; articles: ArticleChoice[]; onChanged: () => void }) {
  return (
    <section aria-labelledby="evidence-heading" className="panel-section">
      <h3 id="evidence-heading">Evidence ({claim.evidence.length})</h3>
      {claim.evidence.length === 0 && <p className="muted">No evidence yet.</p>}
      <ul className="evidence-list">
        {claim.evidence.map((item) => (
          <li key={item.id} className={`evidence evidence--${item.stance}`} data-testid="evidence-item">
            <span className={`stance stance--${item.stance}`}>{STANCES[item.stance].label}</span>
            {item.passage && (
              <>
                <blockquote className="quote quote--small">{item.passage.exact}</blockquote>
                <Link href={`/articles/${item.passage.articleId}?passage=${item.id}`} className="evidence__source">
                  in “{item.passage.articleTitle}”
                </Link>
              </>
            )}
            {item.external && (
              <>
                <ExternalSourceLink url={item.external.url} title={item.external.title} />
                {item.external.excerpt && <blockquote className="quote quote--small">{item.external.excerpt}</blockquote>}
                {item.external.accessedAt && <span className="muted evidence__date"> accessed {item.external.accessedAt}</span>}
              </>
            )}
            {claim.permissions.canAddEvidence && <RemoveEvidenceButton evidenceId={item.id} version={claim.version} onRemoved={onChanged} />}
          </li>
        ))}
      </ul>
      {claim.permissions.canAddEvidence && (
        <>
          <SuggestEvidence claimId={claim.id} version={claim.version} onAdded={onChanged} />
          <AddPassage claimId={claim.id} articles={articles} />
          <AddExternalSource claim={claim} onAdded={onChanged} />
        </>
      )}
    </section>
  );
}

/** A web source opens in a new tab; anything but an http(s) address is shown as text, not as a link. */
function ExternalSourceLink({ url, title }: { url: string; title: string }) {
  const href = webHref(url);
  if (!href) return <span className="evidence__source">{title}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="evidence__source">
      {title}
    </a>
  );
}

function RemoveEvidenceButton({ evidenceId, version, onRemoved }: { evidenceId: string; version: number; onRemoved: () => void }) {
  const [state, action, pending] = useFormAction(removeEvidenceAction);
  useOnSuccess(state, onRemoved);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="link-button link-button--danger" disabled={pending}>
        Remove
      </button>
      {state.status === "error" && <p className="form-status form-status--error">{state.message}</p>}
    </form>
  );
}

function AddPassage({ claimId, articles }: { claimId: string; articles: ArticleChoice[] }) {
  const [articleId, setArticleId] = useState(articles[0]?.id ?? "");
  return (
    <details className="add-evidence">
      <summary>Add a passage from an article</summary>
      <p className="field-hint">Open an article, select the passage, then choose &ldquo;Use as evidence&rdquo;.</p>
      <div className="inline-form">
        <label className="sr-only" htmlFor="passage-article">
          Article
        </label>
        <select id="passage-article" value={articleId} onChange={(event) => setArticleId(event.target.value)}>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
            </option>
          ))}
        </select>
        <Link className="button button--quiet button--small" href={`/articles/${articleId}?evidenceFor=${claimId}`}>
          Open article
        </Link>
      </div>
    </details>
  );
}

function StanceSelect({ id, state }: { id: string; state: FormState }) {
  return (
    <Field name="stance" id={id} label="The source…" state={state}>
      <select id={id} name="stance" defaultValue={state.values?.stance ?? "SUPPORTS"}>
        <StanceOptions />
      </select>
    </Field>
  );
}

function AddExternalSource({ claim, onAdded }: { claim: ClaimDetailData; onAdded: () => void }) {
  const [state, action, pending] = useFormAction(addEvidenceAction);
  useOnSuccess(state, onAdded);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <details className="add-evidence" open={state.status === "error" ? true : undefined}>
      <summary>Add an external source</summary>
      <form action={action} className="panel-form" noValidate key={state.status === "ok" ? state.message : "form"}>
        <FormMessage state={state} />
        <input type="hidden" name="kind" value="EXTERNAL" />
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="version" value={claim.version} />
        <StanceSelect id="external-stance" state={state} />
        <Field name="url" id="external-url" label="URL" type="url" state={state} required />
        <Field name="title" id="external-title" label="Title" state={state} required />
        <Field name="excerpt" id="external-excerpt" label="Quoted excerpt" multiline state={state} />
        <Field name="accessedAt" id="external-accessed" label="Date accessed" type="date" state={state} defaultValue={today} />
        <button className="button button--small" type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add source"}
        </button>
      </form>
    </details>
  );
}

function CommentsSection({ claim, onChanged }: { claim: ClaimDetailData; onChanged: () => void }) {
  const [state, action, pending] = useFormAction(addCommentAction);
  useOnSuccess(state, onChanged);
  return (
    <section aria-labelledby="comments-heading" className="panel-section">
      <h3 id="comments-heading">Comments ({claim.comments.length})</h3>
      <ol className="comment-list">
        {claim.comments.map((comment) => (
          <li key={comment.id}>
            <p className="comment__meta">
              <strong>{comment.author.name}</strong> <span className="muted">{formatDateTime(comment.createdAt)}</span>
            </p>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {claim.permissions.canComment && (
        <form action={action} className="panel-form" noValidate key={state.status === "ok" ? state.message : "form"}>
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <input type="hidden" name="claimId" value={claim.id} />
          <Field name="body" id="comment-body" label="Add a comment" multiline state={state} />
          <button className="button button--small" type="submit" disabled={pending}>
            {pending ? "Posting…" : "Comment"}
          </button>
        </form>
      )}
    </section>
  );
}

function HistorySection({ claim }: { claim: ClaimDetailData }) {
  return (
    <section aria-labelledby="history-heading" className="panel-section">
      <h3 id="history-heading">History</h3>
      <ol className="history-list">
        {claim.history.map((entry) => (
          <li key={entry.id}>
            <span>{entry.summary}</span>
            <span className="muted">
              {entry.actor?.name ?? "Verity"} · {formatDateTime(entry.at)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function DeleteClaimForm({ claim, onDeleted }: { claim: ClaimDetailData; onDeleted: () => void }) {
  const [state, action, pending] = useFormAction(deleteClaimAction);
  useOnSuccess(state, onDeleted);
  return (
    <form
      action={action}
      className="panel-section"
      onSubmit={(event) => {
        if (!window.confirm("Delete this claim with its evidence and comments?")) event.preventDefault();
      }}
    >
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <button className="button button--danger button--small" type="submit" disabled={pending}>
        Delete claim
      </button>
    </form>
  );
}
