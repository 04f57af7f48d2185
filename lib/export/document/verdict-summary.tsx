import type { Verdict } from "@/lib/generated/prisma/enums";
import { UNRATED, VERDICTS, VERDICT_ORDER, verdictIcon, verdictLabel } from "@/lib/claims/verdicts";

/** How many claims have each verdict, as badges (colour, icon and word), in the scale's order. */
export function VerdictSummary({ claims }: { claims: Array<{ verdict: Verdict | null }> }) {
  const counts = new Map<Verdict | null, number>();
  for (const { verdict } of claims) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const rows = [...VERDICT_ORDER, null].filter((verdict) => counts.has(verdict));
  if (rows.length === 0) return null;
  return (
    <ul className="verdict-summary" aria-label="Verdicts">
      {rows.map((verdict) => (
        <li key={verdict ?? "UNRATED"}>
          <span className={`verdict-badge v-${verdict ?? "UNRATED"}`}>
            <span aria-hidden="true" className="verdict-badge__icon">
              {verdictIcon(verdict)}
            </span>
            {verdictLabel(verdict)}
          </span>{" "}
          <span className="verdict-summary__count">× {counts.get(verdict)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The whole scale with its icons, so a printed page can be read without colour. */
export function VerdictKey() {
  return (
    <p className="verdict-key">
      <span className="verdict-key__title">Key:</span>{" "}
      {VERDICT_ORDER.map((verdict) => (
        <span key={verdict} className="verdict-key__item">
          <span aria-hidden="true">{VERDICTS[verdict].icon}</span> {VERDICTS[verdict].label}
        </span>
      ))}
      <span className="verdict-key__item">
        <span aria-hidden="true">{UNRATED.icon}</span> {UNRATED.label}
      </span>
    </p>
  );
}
