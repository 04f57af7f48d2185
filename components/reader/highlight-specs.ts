import { offsetsToRange, type TextMap } from "@/lib/anchoring";
import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";
import { STATE_LABELS, verdictIcon, verdictLabel } from "@/lib/claims/verdicts";
import type { HighlightSpec } from "@/components/reader/extensions/highlight-layers";

/** A span of the article's canonical text. */
export type Span = { start: number; end: number };

/**
 * The claims' highlights with their verdict markers, the suggested sentences, and the
 * evidence passages, in that order (later ones' colours win where they overlap).
 */
export function highlightSpecs(anchored: ClaimSummary[], passages: PassageSummary[], suggested: Span[], textMap: TextMap): HighlightSpec[] {
  const specs: HighlightSpec[] = [];
  for (const claim of anchored) {
    const range = offsetsToRange(textMap, claim.startOffset, claim.endOffset);
    const verdict = claim.verdict ?? "UNRATED";
    specs.push({
      key: `claim-${claim.id}-${claim.version}`,
      ...range,
      className: `hl hl-claim v-${verdict} ${claim.state === "APPROVED" ? "hl-approved" : "hl-pending"}`,
      style: `--v: var(--v-${verdict}); --v-tint: var(--v-${verdict}-tint)`,
      marker: {
        text: verdictIcon(claim.verdict),
        className: `hl-marker v-${verdict}`,
        label: `${verdictLabel(claim.verdict)}, ${STATE_LABELS[claim.state].toLowerCase()}: ${claim.restatement}`,
        data: { claim: claim.id },
      },
    });
  }
  for (const span of suggested) {
    specs.push({ key: `suggestion-${span.start}`, ...offsetsToRange(textMap, span.start, span.end), className: "hl hl-suggestion" });
  }
  for (const passage of passages) {
    if (passage.anchorStatus !== "ANCHORED") continue;
    specs.push({
      key: `passage-${passage.id}`,
      ...offsetsToRange(textMap, passage.startOffset, passage.endOffset),
      className: `hl hl-passage stance-${passage.stance}`,
      marker: { text: "❝", className: "hl-marker hl-marker--passage", label: `Evidence for: ${passage.claim.restatement}`, data: { passage: passage.id } },
    });
  }
  return specs;
}
