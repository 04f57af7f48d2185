/**
 * Anchoring: where annotations sit in an article. Pure functions over the
 * article's JSON and canonical text; the server and the browser share them.
 */
export { canonicalText } from "./canonical-text";
export {
  buildTextMap,
  offsetToPosition,
  offsetsToRange,
  positionToOffset,
  rangeToOffsets,
  type OffsetSpan,
  type PositionRange,
  type Side,
  type TextMap,
} from "./text-map";
export {
  CONTEXT_LENGTH,
  describeSpan,
  isValidSpan,
  type SpanSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";
export { anchor, type AnchorMethod, type AnchorResult, type OrphanReason } from "./anchor";
export { prepareText, type AnchoringText } from "./prepared-text";
export { codePointIndex, type CodePointIndex } from "./code-points";
export { checkSpan, type CheckedSpan, type SpanProblem } from "./checked-span";
export { FUZZY_MAX_EDIT_SHARE, FUZZY_MAX_LENGTH, FUZZY_MAX_WORK, type FuzzyBudget } from "./fuzzy";
export { MIN_CONTEXT_SIMILARITY, MIN_SCORE } from "./score";
