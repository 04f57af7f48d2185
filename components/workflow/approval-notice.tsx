"use client";

import { useEffect, useState } from "react";
import { undoApprovalAction } from "@/lib/workflow/actions";
import { UNDO_APPROVAL_SECONDS } from "@/lib/workflow/rules";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";

export interface Approval {
  claimId: string;
  restatement: string;
  /** The version the approval made: Undo is refused once the claim changed from it. */
  version: number;
}

/**
 * What an approval in the queue did, with Undo for UNDO_APPROVAL_SECONDS. Undo reopens the
 * claim through the workflow data layer (audited); afterwards the notice says so.
 */
export function ApprovalNotice({ approval, onUndone }: { approval: Approval; onUndone: () => void }) {
  const [state, action, pending] = useFormAction(undoApprovalAction);
  const [offered, setOffered] = useState(true);
  useOnSuccess(state, onUndone);
  useEffect(() => {
    const timer = setTimeout(() => setOffered(false), UNDO_APPROVAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, []);

  if (state.status === "ok") {
    return (
      <p className="approval-notice" data-testid="approval-notice">
        Approval undone: &lsquo;{approval.restatement}&rsquo; is back in the queue.
      </p>
    );
  }
  return (
    <form action={action} className="approval-notice" data-testid="approval-notice">
      <input type="hidden" name="claimId" value={approval.claimId} />
      <input type="hidden" name="version" value={approval.version} />
      <span>
        <strong>Approved:</strong> {approval.restatement}
      </span>
      {offered && (
        <button type="submit" className="button button--quiet button--small" disabled={pending} data-undo-approval>
          {pending ? "Undoing…" : "Undo"} <kbd>U</kbd>
        </button>
      )}
      {state.status === "error" && <span className="field-error">{state.message}</span>}
    </form>
  );
}
