"use client";

import { updateClaimAction } from "@/lib/claims/actions";
import type { FormState } from "@/lib/actions/form-state";
import { verdictLabel } from "@/lib/claims/verdicts";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { MarkFields } from "@/components/reader/mark-claim-form";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

type EditableField = "restatement" | "verdict" | "rationale";
export type KeptEdits = Partial<Record<EditableField, string>>;
const FIELD_NAMES: Record<EditableField, string> = { restatement: "the claim", verdict: "the verdict", rationale: "the rationale" };

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").replace(/\r\n?/g, "\n").trim() === (b ?? "").replace(/\r\n?/g, "\n").trim();

/**
 * Editing a claim. After a conflict, "Load the current version" starts the form again from
 * the current version, keeping only the fields this user changed: a field they did not touch
 * takes the other person's value, so saving cannot silently undo it.
 */
export function EditClaimForm({
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
  const [state, action, pending, form] = useFormAction(updateClaimAction);
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
    <form ref={form} action={action} className="panel-form" noValidate key={claim.version}>
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
        <button className="button button--quiet" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** After a conflicting edit: the claim as someone else saved it, and the way to start again from it. */
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
