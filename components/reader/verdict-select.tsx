import { VERDICT_ORDER, VERDICTS, UNRATED } from "@/lib/claims/verdicts";
import type { Verdict } from "@/lib/generated/prisma/enums";

export function VerdictSelect({ id, defaultValue, invalid }: { id: string; defaultValue?: Verdict | null; invalid?: boolean }) {
  return (
    <select id={id} name="verdict" defaultValue={defaultValue ?? ""} aria-invalid={invalid ? true : undefined}>
      <option value="">
        {UNRATED.icon} {UNRATED.label}
      </option>
      {VERDICT_ORDER.map((verdict) => (
        <option key={verdict} value={verdict}>
          {VERDICTS[verdict].icon} {VERDICTS[verdict].label}
        </option>
      ))}
    </select>
  );
}
