"use client";

import { useId, useState } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { assignClaimsAction, tagClaimsAction } from "@/lib/claims/actions";
import { submitClaimsAction } from "@/lib/workflow/actions";
import type { ClaimSummary, UserRef } from "@/lib/claims/types";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { useWorkProgress, WorkProgressBar } from "@/components/progress/work-progress";

/**
 * The claim list's bulk actions on the chosen claims: submit my drafts, assign, tag. Each is
 * all or nothing on the server; while one runs, a progress bar counts the claims done so far,
 * then the status line gives the result, or each claim that stopped it and why.
 */
export function ClaimBulkActions({
  chosen,
  viewer,
  assignees,
  onDone,
  onOpen,
}: {
  chosen: ClaimSummary[];
  viewer: WorkflowActor;
  assignees: UserRef[];
  onDone: () => void;
  onOpen: (id: string) => void;
}) {
  const submit = useBulk("submit", submitClaimsAction, onDone);
  const assign = useBulk("assign", assignClaimsAction, onDone);
  const tag = useBulk("tag", tagClaimsAction, onDone);
  // The result shown is that of the action run last.
  const [last, setLast] = useState<string | null>(null);
  const assigneeId = useId();
  const tagsId = useId();
  const refs = refsOf(chosen);
  const none = chosen.length === 0;
  // "Submit my drafts" leaves out the chosen claims that are not the viewer's to submit.
  const myDrafts = chosen.filter((claim) => isMyDraft(claim, viewer));
  const count = countOf(chosen.length);
  const running = submit.pending ? `Submitting ${countOf(myDrafts.length)}…` : assign.pending ? `Assigning ${count}…` : tag.pending ? `Tagging ${count}…` : null;
  const latest = [submit, assign, tag].find((bulk) => bulk.name === last && bulk.state.status !== "idle");
  const start = (bulk: typeof submit) => (formData: FormData) => {
    setLast(bulk.name);
    bulk.run(formData);
  };
  const busy = running !== null;
  const { progressId, progress } = useWorkProgress(busy);
  const byId = new Map(chosen.map((claim) => [claim.id, claim]));

  return (
    <div className="bulk-actions" role="group" aria-label="Actions on the chosen claims">
      {none && <p className="field-hint">Choose claims with their boxes to submit, assign or tag them together.</p>}
      {!none && (
        <>
          <form action={start(submit)}>
            <input type="hidden" name="claims" value={refsOf(myDrafts)} />
            <input type="hidden" name="progressId" value={progressId} />
            <button type="submit" className="button button--small" disabled={myDrafts.length === 0 || busy}>
              Submit my drafts ({myDrafts.length})
            </button>
          </form>
          <form action={start(assign)} className="bulk-actions__row">
            <input type="hidden" name="claims" value={refs} />
            <input type="hidden" name="progressId" value={progressId} />
            <label htmlFor={assigneeId}>Assign to</label>
            <select id={assigneeId} name="assigneeId" defaultValue={viewer.id}>
              <option value="">Nobody (unassign)</option>
              {assignees.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.id === viewer.id ? `${user.name} (me)` : user.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small" disabled={busy}>
              Assign
            </button>
          </form>
          <form action={start(tag)} className="bulk-actions__row">
            <input type="hidden" name="claims" value={refs} />
            <input type="hidden" name="progressId" value={progressId} />
            <input type="hidden" name="mode" value="add" />
            <label htmlFor={tagsId}>Tags to add</label>
            <input id={tagsId} name="tags" placeholder="economy, jobs" aria-describedby={tag.state.fieldErrors?.tags ? `${tagsId}-error` : undefined} />
            <button type="submit" className="button button--small" disabled={busy}>
              Add tags
            </button>
            {tag.state.fieldErrors?.tags && (
              <p id={`${tagsId}-error`} className="field-error">
                {tag.state.fieldErrors.tags[0]}
              </p>
            )}
          </form>
        </>
      )}
      <div role="status" className="bulk-actions__status" data-testid="bulk-status">
        {running ? (
          <WorkProgressBar progress={progress} waiting={running} unit="claims" />
        ) : (
          latest && <BulkResult state={latest.state} byId={byId} onOpen={onOpen} />
        )}
      </div>
    </div>
  );
}

function BulkResult({ state, byId, onOpen }: { state: FormState; byId: Map<string, ClaimSummary>; onOpen: (id: string) => void }) {
  const fieldErrors = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <div className={`form-message form-message--${state.status === "ok" ? "ok" : "error"}`}>
      <p>{state.message}</p>
      {fieldErrors.length > 0 && <p>{fieldErrors[0]}</p>}
      {state.refusals && (
        <ul className="bulk-refusals">
          {state.refusals.map(({ claimId, message }) => (
            <li key={claimId}>
              <button type="button" className="link-button" onClick={() => onOpen(claimId)}>
                {byId.get(claimId)?.restatement ?? "A claim"}
              </button>
              : {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function useBulk<Data>(name: string, action: FormAction<Data>, onDone: () => void) {
  const [state, run, pending] = useFormAction(action);
  useOnSuccess(state, onDone);
  return { name, state: state as FormState, run, pending };
}

function refsOf(claims: ClaimSummary[]) {
  return JSON.stringify(claims.map(({ id, version }) => ({ id, version })));
}

/** A claim the viewer may submit: their own, a draft or with changes requested. */
export function isMyDraft(claim: ClaimSummary, viewer: WorkflowActor) {
  return claim.author.id === viewer.id && (claim.state === "DRAFT" || claim.state === "CHANGES_REQUESTED");
}

function countOf(n: number) {
  return n === 1 ? "1 claim" : `${n.toLocaleString("en")} claims`;
}
