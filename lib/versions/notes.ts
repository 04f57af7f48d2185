import type { ClaimOutcome } from "@/lib/versions/review";

const QUOTE_LENGTH = 160;

function quoted(text: string): string {
  const short = text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : text;
  return `“${short}”`;
}

/** What a claim's reviewer is told when a new version changed or lost the words it quotes. */
export function textChangeNote(versionNumber: number, outcome: ClaimOutcome): string {
  const { placement, old } = outcome;
  if (placement.kind === "orphaned") {
    return `Version ${versionNumber} of the article no longer has the words this claim quotes (${quoted(old.exact)}; ${placement.reason}). Mark the claim again or delete it.`;
  }
  return `Version ${versionNumber} of the article changed the words this claim quotes: ${quoted(old.exact)} is now ${quoted(placement.span.exact)}. Check the verdict still holds.`;
}
