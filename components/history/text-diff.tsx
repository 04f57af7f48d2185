import type { TextChange } from "@/lib/claims/history";
import { WordParts } from "@/components/versions/word-parts";

/**
 * A text field's change, word by word: removed words struck through in <del>, added words
 * underlined in <ins>, each also named for screen readers (colour is only a third signal).
 */
export function TextDiff({ change }: { change: TextChange }) {
  return (
    <div className="text-diff">
      <span className="text-diff__label">{change.label}:</span> <WordParts parts={change.parts} side="both" />
    </div>
  );
}
