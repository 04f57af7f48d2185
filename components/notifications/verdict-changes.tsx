"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { markNotificationReadAction } from "@/lib/notifications/actions";
import { verdictLabel, type RatingId } from "@/lib/ratings/types";
import { useRatings } from "@/components/ratings/ratings-provider";
import { formatDateTime } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

export interface VerdictChange {
  id: string;
  kind: "VERDICT_CHANGED" | "TEXT_CHANGED";
  fromVerdict: RatingId | null;
  toVerdict: RatingId | null;
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
        Your claims changed by others <span className="muted">({changes.length})</span>
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
  const ratings = useRatings();
  const [state, action, pending] = useFormAction(markNotificationReadAction);
  useOnSuccess(state, () => router.refresh());
  return (
    <li data-testid="notification">
      <p className="notification__text">
        {change.kind === "TEXT_CHANGED" ? "The article of your claim " : "Your verdict on "}&lsquo;
        <Link href={`/articles/${change.claim.articleId}?claim=${change.claim.id}`}>{change.claim.restatement}</Link>
        &rsquo;{" "}
        {change.kind === "TEXT_CHANGED"
          ? "has a new version, brought in by "
          : `was changed from ${verdictLabel(ratings, change.fromVerdict)} to ${verdictLabel(ratings, change.toVerdict)} by `}
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
