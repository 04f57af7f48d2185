import { formatDateTime } from "@/lib/format";
import { TextDiff } from "@/components/history/text-diff";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

/** What was done to the claim, by whom and when. */
export function HistorySection({ claim }: { claim: ClaimDetailData }) {
  return (
    <section aria-labelledby="history-heading" className="panel-section">
      <h3 id="history-heading">History</h3>
      <ol className="history-list">
        {claim.history.map((entry) => (
          <li key={entry.id}>
            <span className="history__summary">{entry.summary}</span>
            {entry.textChanges.map((change) => (
              <TextDiff key={change.label} change={change} />
            ))}
            <span className="muted">
              {entry.actor?.name ?? "Verity"} · {formatDateTime(entry.at)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
