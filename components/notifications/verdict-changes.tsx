"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { markNotificationReadAction } from "@/lib/notifications/actions";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { verdictLabel } from "@/lib/claims/verdicts";
import { formatDateTime } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

export interface VerdictChange {
  id: string;
  fromVerdict: Verdict | null;
  toVerdict: Verdict | null;
  note: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  claim: { id: string; restatement: string; articleId: string };
}

/** My work's list of verdicts of the user's that someone else changed, each with its note and "Mark as read". */
export function VerdictChanges({ changes }: { changes: VerdictChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section className="card notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">
        Your verdicts changed by others <span className="muted">({changes.length})</span>
      </h2>
      <ul className="work-list">
        {changes.map((change) => (
          <VerdictChangeItem key={change.id} change={change} />
        ))}
      </ul>
    </section>
  );
}

function VerdictChangeItem({ change }: { change: VerdictChange }) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(markNotificationReadAction);
  useOnSuccess(state, () => router.refresh());
  return (
    <li data-testid="notification">
      <p className="notification__text">
        Your verdict on &lsquo;
        <Link href={`/articles/${change.claim.articleId}?claim=${change.claim.id}`}>{change.claim.restatement}</Link>
        &rsquo; was changed from {verdictLabel(change.fromVerdict)} to {verdictLabel(change.toVerdict)} by{" "}
        {change.actor?.name ?? "a former user"}: {change.note}
      </p>
      <form action={action} className="notification__actions">
        <input type="hidden" name="notificationId" value={change.id} />
        <span className="muted">{formatDateTime(change.createdAt)}</span>
        <button type="submit" className="button button--quiet button--small" disabled={pending}>
          {pending ? "Saving…" : "Mark as read"}
        </button>
        <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      </form>
    </li>
  );
}
