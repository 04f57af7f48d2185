import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { AuditLogEntry } from "@/lib/audit/log";

/** One audit event: when, who, what, on which record, and the fields it changed. */
export function AuditEntryRow({ entry }: { entry: AuditLogEntry }) {
  return (
    <li className="audit-entry card" data-testid="audit-entry" data-action={entry.action}>
      <p className="audit-entry__head">
        <strong>{entry.actionLabel}</strong>{" "}
        <span>
          by {entry.actor ?? "Verity"} · <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
        </span>
      </p>
      <p className="audit-entry__record">
        {entry.record.kind}:{" "}
        {entry.record.href ? <Link href={entry.record.href}>{entry.record.name}</Link> : <span>{entry.record.name}</span>}
      </p>
      {entry.changes.length > 0 && (
        <table className="audit-changes">
          <caption className="sr-only">Fields changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.before ?? <span className="muted">(none)</span>}</td>
                <td>{change.after ?? <span className="muted">(none)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
