"use client";

import { useEffect } from "react";
import { updateClaimAction } from "@/lib/claims/actions";
import type { FormState } from "@/lib/actions/form-state";
import { verdictLabel } from "@/lib/ratings/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { MarkFields } from "@/components/reader/mark-claim-form";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { useLive } from "@/components/live/live-updates";
import { useRatings } from "@/components/ratings/ratings-provider";

type EditableField = "restatement" | "verdict" | "rationale";
export type KeptEdits = Partial<Record<EditableField, string>>;
const FIELD_NAMES: Record<EditableField, string> = { restatement: "the claim", verdict: "the verdict", rationale: "the rationale" };

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").replace(/\r\n?/g, "\n").trim() === (b ?? "").replace(/\r\n?/g, "\n").trim();

/**
 * Editing a claim. After a conflict, "Load the current version" starts the form again from
 * the current version, keeping only the fields this user changed: a field they did not touch
 * takes the other person's value, so saving cannot silently undo it. The same is offered
 * when someone saves the claim while the form is open (live updates): the form keeps what
 * the user typed and says who changed it.
 */
export function EditClaimForm({
  claim,
  current,
  kept,
  onSaved,
  onCancel,
  onReload,
}: {
  /** The claim as the form started from it. */
  claim: ClaimDetailData;
  /** The claim as it is now (newer when someone else saved it meanwhile). */
  current: ClaimDetailData;
  kept: KeptEdits;
  /** The claim as saved. */
  onSaved: (claim: ClaimDetailData) => void;
  onCancel: () => void;
  /** Starts again from `version` of the claim (or a later one), keeping these edits. */
  onReload: (kept: KeptEdits, version: number) => void;
}) {
  const [state, action, pending, form] = useFormAction(updateClaimAction);
  useOnSuccess(state, (done) => onSaved(done.data.claim));
  const { setEditing, changedBy } = useLive();
  // The others see "… is editing this claim" while the form is open.
  useEffect(() => {
    setEditing(claim.id);
    return () => setEditing(null);
  }, [setEditing, claim.id]);
  /** Starts again from the current version, keeping the fields the user changed (as submitted, or as typed). */
  const reloadKeepingEdits = (values: Record<string, string>, version: number) => {
    const edits: KeptEdits = {};
    for (const field of ["restatement", "verdict", "rationale"] as const) {
      const value = values[field];
      if (value !== undefined && !sameText(value, claim[field])) edits[field] = value;
    }
    onReload(edits, version);
  };
  const typedValues = () =>
    Object.fromEntries([...new FormData(form.current ?? undefined)].flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
  const changedMeanwhile = current.version !== claim.version && !state.current;
  const keptFields = (Object.keys(kept) as EditableField[]).map((field) => FIELD_NAMES[field]);
  return (
    <form ref={form} action={action} className="panel-form" noValidate key={claim.version}>
      <FormMessage state={state} />
      <ConflictNotice state={state} onReload={() => reloadKeepingEdits(state.values ?? {}, state.current!.version)} />
      {changedMeanwhile && (
        <div className="live-changed" role="status" data-testid="changed-meanwhile">
          <p>
            <strong>Changed by {changedBy(claim.id) ?? current.contentChangedBy?.name ?? "someone else"} just now.</strong> Your changes are
            still here; saving them as they are would be refused as a conflict.
          </p>
          <button type="button" className="button button--quiet button--small" onClick={() => reloadKeepingEdits(typedValues(), current.version)}>
            Load the new values, keeping my changes
          </button>
        </div>
      )}
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
        defaultClaimant={claim}
      />
      {claim.verdictChangeNeedsNote && (
        <Field
          name="note"
          id="claim-verdict-note"
          label="Reason for the change"
          hint={`Needed if you change the verdict: ${claim.verdictProposedBy?.name ?? "the person who proposed it"} will be told, with your note.`}
          multiline
          state={state}
        />
      )}
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </button>
        <button className="button button--quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** After a conflicting edit: the claim as someone else saved it, and the way to start again from it. */
function ConflictNotice({ state, onReload }: { state: FormState; onReload: () => void }) {
  const ratings = useRatings();
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
        <dd>{verdictLabel(ratings, current.verdict)}</dd>
        <dt>Rationale</dt>
        <dd>{current.rationale || "—"}</dd>
      </dl>
      <button type="button" className="button button--quiet button--small" onClick={onReload}>
        Load the current version
      </button>
    </div>
  );
}
