import { FieldError } from "@/lib/errors";

/**
 * The states of a round, in one place: open (verdicts being given blind), revealed (closed,
 * waiting for an editor to reconcile), reconciled (the claim has its final verdict).
 */
export interface RoundState {
  closedAt: Date | null;
  reconciledAt: Date | null;
}

export const isOpen = (round: Pick<RoundState, "closedAt">) => round.closedAt === null;
export const isUnderway = (round: Pick<RoundState, "reconciledAt">) => round.reconciledAt === null;

/** Why a claim's own verdict may not be set now: a round on it has not been reconciled. */
export const VERDICT_IN_ROUND =
  "Independent verdicts are being given on this claim: its verdict is set when an editor reconciles the round.";

export function assertNoRoundUnderway(rounds: RoundState[]) {
  if (rounds.some(isUnderway)) throw new FieldError("verdict", VERDICT_IN_ROUND);
}

/** Why a claim may not be approved now: its panel's verdicts have not been reconciled. */
export const APPROVE_IN_ROUND = "This claim has a round of independent verdicts under way: an editor reconciles it before it can be approved.";
