"use client";

import { useId } from "react";
import { MentionTextarea } from "@/components/notifications/mention-textarea";
import { transitionClaimAction } from "@/lib/workflow/actions";
import { isCorrection, workflowOptions, type WorkflowAction, type WorkflowActor, type WorkflowClaim } from "@/lib/workflow/rules";
import type { FormState } from "@/lib/actions/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormMessage } from "@/components/forms/field";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

const LABELS: Record<WorkflowAction, string> = {
  submit: "Submit for review",
  approve: "Approve",
  request_changes: "Request changes",
  reopen: "Reopen",
};

/** A step taken: which, and the claim as the step left it. */
export interface StepTaken {
  action: WorkflowAction;
  claim: ClaimDetailData;
}

const NOTE_LABELS: Partial<Record<WorkflowAction, string>> = {
  request_changes: "What should change? (the reviewer sees this)",
  reopen: "Why reopen it? (the reviewer sees this)",
};

/** The workflow steps open to the viewer on one claim, each a small form. */
export function WorkflowControls({
  claimId,
  version,
  viewer,
  claim,
  onChanged,
  compact = false,
}: {
  claimId: string;
  version: number;
  viewer: WorkflowActor;
  claim: WorkflowClaim;
  /** After a step was taken: which, and the claim as it is now. */
  onChanged: (done: StepTaken) => void;
  /** In the queue: notes open only when asked for. */
  compact?: boolean;
}) {
  const options = workflowOptions(viewer, claim);
  if (options.length === 0) return null;
  return (
    <div className="workflow-controls">
      {options.map(({ action, blockedBy }) => (
        <WorkflowStep
          key={action}
          action={action}
          blockedBy={blockedBy}
          claimId={claimId}
          version={version}
          onChanged={onChanged}
          compact={compact}
          correction={isCorrection(claim, action)}
        />
      ))}
    </div>
  );
}

function WorkflowStep({
  action,
  blockedBy,
  claimId,
  version,
  onChanged,
  compact,
  correction,
}: {
  action: WorkflowAction;
  blockedBy: string | null;
  claimId: string;
  version: number;
  onChanged: (done: StepTaken) => void;
  compact: boolean;
  /** Reopening a published verdict: a public correction note is asked for too. */
  correction: boolean;
}) {
  const [state, formAction, pending, formRef] = useFormAction(async (previous: FormState, formData: FormData) => {
    const next = await transitionClaimAction(previous, formData);
    // Told here rather than after rendering the answer: in the queue, the list rendered again
    // leaves this claim out, so this step may be gone before an effect could run.
    if (next.status === "ok") onChanged({ action, claim: next.data.claim });
    return next;
  });
  const id = useId();
  const noteLabel = NOTE_LABELS[action];
  const noteError = state.fieldErrors?.note?.[0];
  const correctionError = state.fieldErrors?.correctionNote?.[0];
  const button = (
    <button
      type="submit"
      className={`button button--small ${action === "approve" || action === "submit" ? "" : "button--quiet"}`}
      disabled={pending || blockedBy !== null}
      aria-describedby={blockedBy ? `${id}-blocked` : undefined}
      data-workflow={action}
    >
      {pending ? "Saving…" : LABELS[action]}
    </button>
  );
  const form = (
    <form ref={formRef} action={formAction} className="workflow-step" noValidate>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      {state.status === "error" && !noteError && !correctionError && <FormMessage state={state} />}
      {noteLabel && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{noteLabel}</label>
          <MentionTextarea
            id={`${id}-note`}
            name="note"
            rows={3}
            defaultValue={state.values?.note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
          />
          {noteError && (
            <p id={`${id}-note-error`} className="field-error">
              {noteError}
            </p>
          )}
        </div>
      )}
      {correction && (
        <div className="field">
          <label htmlFor={`${id}-correction`}>Public correction note (readers of the published page see this)</label>
          <p id={`${id}-correction-hint`} className="field-hint">
            Until the claim is approved again, the public page says this fact check was withdrawn, with this note; then it shows the
            claim as corrected, with the earlier verdict.
          </p>
          <textarea
            id={`${id}-correction`}
            name="correctionNote"
            rows={3}
            defaultValue={state.values?.correctionNote}
            aria-invalid={correctionError ? true : undefined}
            aria-describedby={`${id}-correction-hint${correctionError ? ` ${id}-correction-error` : ""}`}
          />
          {correctionError && (
            <p id={`${id}-correction-error`} className="field-error">
              {correctionError}
            </p>
          )}
        </div>
      )}
      {button}
      {blockedBy && (
        <p id={`${id}-blocked`} className="field-hint">
          {blockedBy}
        </p>
      )}
    </form>
  );
  if (!noteLabel || !compact) return form;
  return (
    // Open while there is an error to show: a refusal other than the note's (the claim changed meanwhile)
    // must not fold the form, and its message, away.
    <details className="workflow-note" open={state.status === "error" ? true : undefined}>
      <summary>{LABELS[action]}…</summary>
      {form}
    </details>
  );
}
