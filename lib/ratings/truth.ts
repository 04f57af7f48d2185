import type { TruthStep } from "@/lib/generated/prisma/enums";

/**
 * The truth axis every scale maps onto, so verdicts on different scales can be compared
 * (agreement, same-claim adoption, search filters). NOT_RATEABLE is off the axis.
 */
export const TRUTH_STEPS: ReadonlyArray<{ step: TruthStep; label: string }> = [
  { step: "FALSE", label: "False" },
  { step: "MOSTLY_FALSE", label: "Mostly false" },
  { step: "MIXED", label: "Mixed" },
  { step: "MOSTLY_TRUE", label: "Mostly true" },
  { step: "TRUE", label: "True" },
  { step: "NOT_RATEABLE", label: "Not rateable" },
];

/** The step's place on the axis (0 false … 4 true), or null off it. */
export function truthPosition(step: TruthStep): number | null {
  return step === "NOT_RATEABLE" ? null : TRUTH_STEPS.findIndex((s) => s.step === step);
}
