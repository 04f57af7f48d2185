import type { ClaimState, Verdict } from "@/lib/generated/prisma/enums";
import { STANCE_ORDER, STANCES, STATE_LABELS, verdictIcon, verdictLabel } from "@/lib/claims/verdicts";

/** A verdict as colour, icon and word together (colour is never the only signal). */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  return (
    <span className={`verdict-badge v-${verdict ?? "UNRATED"}`}>
      <span aria-hidden="true" className="verdict-badge__icon">
        {verdictIcon(verdict)}
      </span>
      {verdictLabel(verdict)}
    </span>
  );
}

export function StateBadge({ state }: { state: ClaimState }) {
  return <span className={`state-badge state-${state}`}>{STATE_LABELS[state]}</span>;
}

/** The options of a stance select ("supports the claim", …). */
export function StanceOptions() {
  return STANCE_ORDER.map((stance) => (
    <option key={stance} value={stance}>
      {STANCES[stance].choice}
    </option>
  ));
}
