"use client";

import { deleteClaimAction } from "@/lib/claims/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

/** Deletes the claim with its evidence and comments, once confirmed. */
export function DeleteClaimForm({ claim, onDeleted }: { claim: ClaimDetailData; onDeleted: () => void }) {
  const [state, action, pending, form] = useFormAction(deleteClaimAction);
  useOnSuccess(state, onDeleted);
  return (
    <form
      ref={form} action={action}
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
