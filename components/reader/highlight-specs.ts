import { offsetsToRange, type TextMap } from "@/lib/anchoring";
import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";
import type { CheckedBefore } from "@/lib/search/types";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { ratingClass, ratingIcon, ratingLabel, ratingOf, ratingStyleText, type RatingCatalogue } from "@/lib/ratings/types";
import type { HighlightSpec } from "@/components/reader/extensions/highlight-layers";

/** A span of the article's canonical text. */
export type Span = { start: number; end: number };

/**
 * The sentences checked before (a claim approved elsewhere) with that verdict's marker, the
 * claims' highlights with their verdict markers, the suggested sentences, and the evidence
 * passages, in that order (later ones' colours win where they overlap).
 */
export function highlightSpecs(
  anchored: ClaimSummary[],
  passages: PassageSummary[],
  suggested: Span[],
  textMap: TextMap,
  ratings: RatingCatalogue,
  checkedBefore: CheckedBefore[] = [],
): HighlightSpec[] {
  const specs: HighlightSpec[] = [];
  for (const sentence of checkedBefore) {
    const rating = ratingOf(ratings, sentence.verdict);
    specs.push({
      key: `checked-before-${sentence.start}`,
      ...offsetsToRange(textMap, sentence.start, sentence.end),
      className: `hl hl-checked-before ${ratingClass(rating)}`,
      style: ratingStyleText(rating),
      marker: {
        text: `✓ ${ratingIcon(rating)}`,
        className: `hl-marker hl-marker--checked-before ${ratingClass(rating)}`,
        style: ratingStyleText(rating),
        label: `Checked before: ${ratingLabel(rating)} in “${sentence.articleTitle}”: ${sentence.restatement}`,
        data: { checkedBefore: sentence.claimId },
      },
    });
  }
  for (const claim of anchored) {
    const range = offsetsToRange(textMap, claim.startOffset, claim.endOffset);
    const rating = ratingOf(ratings, claim.verdict);
    specs.push({
      key: `claim-${claim.id}-${claim.version}`,
      ...range,
      className: `hl hl-claim ${ratingClass(rating)} ${claim.state === "APPROVED" ? "hl-approved" : "hl-pending"}`,
      style: ratingStyleText(rating),
      marker: {
        text: ratingIcon(rating),
        className: `hl-marker ${ratingClass(rating)}`,
        style: ratingStyleText(rating),
        label: `${ratingLabel(rating)}, ${STATE_LABELS[claim.state].toLowerCase()}: ${claim.restatement}`,
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
