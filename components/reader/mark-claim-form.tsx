"use client";

import { useEffect } from "react";
import { createClaimAction } from "@/lib/claims/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { VerdictSelect } from "@/components/reader/verdict-select";
import type { Claimant, ClaimSummary } from "@/lib/claims/types";
import { ClaimantFields } from "@/components/reader/claimant-fields";

export interface SelectedSpan {
  start: number;
  end: number;
  exact: string;
}

/** The form "Mark claim" opens for the selected text. */
export function MarkClaimForm({
  articleId,
  span,
  onCreated,
  onCancel,
}: {
  articleId: string;
  span: SelectedSpan;
  onCreated: (claim: ClaimSummary) => void;
  onCancel: () => void;
}) {
  const [state, action, pending, form] = useFormAction(createClaimAction);
  useOnSuccess(state, (done) => onCreated(done.data.claim));
  return (
    <form ref={form} action={action} className="panel-form" aria-labelledby="mark-claim-heading" noValidate>
      <h2 id="mark-claim-heading">Mark a claim</h2>
      <blockquote className="quote">{span.exact}</blockquote>
      <FormMessage state={state} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="start" value={span.start} />
      <input type="hidden" name="end" value={span.end} />
      <input type="hidden" name="exact" value={span.exact} />
      <MarkFields state={state} defaultRestatement={span.exact} />
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </button>
        <button className="button button--quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Restatement, verdict, rationale and the claimant: shared by marking and editing a claim. */
export function MarkFields({
  state,
  defaultRestatement,
  defaultVerdict,
  defaultRationale,
  defaultClaimant,
}: {
  state: Parameters<typeof Field>[0]["state"];
  defaultRestatement?: string;
  defaultVerdict?: Parameters<typeof VerdictSelect>[0]["defaultValue"];
  defaultRationale?: string | null;
  defaultClaimant?: Partial<Claimant>;
}) {
  const verdictError = state.fieldErrors?.verdict;
  // The form takes the focus when it opens, so keyboard users continue there.
  useEffect(() => document.getElementById("claim-restatement")?.focus(), []);
  const verdict = (state.values?.verdict as typeof defaultVerdict) ?? defaultVerdict;
  return (
    <>
      <Field
        name="restatement"
        id="claim-restatement"
        label="The claim, in your words"
        multiline
        state={state}
        defaultValue={defaultRestatement}
        required
      />
      <Field name="verdict" id="claim-verdict" label="Verdict" state={state}>
        <VerdictSelect
          // React keeps a select's first default through a form reset: a new default needs a new select,
          // or the verdict chosen would silently go back after an error in another field.
          key={verdict ?? ""}
          id="claim-verdict"
          defaultValue={verdict}
          invalid={Boolean(verdictError)}
        />
      </Field>
      <Field name="rationale" id="claim-rationale" label="Rationale" multiline state={state} defaultValue={defaultRationale ?? ""} />
      <ClaimantFields state={state} defaults={defaultClaimant} />
    </>
  );
}
