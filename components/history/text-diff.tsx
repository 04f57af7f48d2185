import type { TextChange } from "@/lib/claims/history";

/**
 * A text field's change, word by word: removed words struck through in <del>, added words
 * underlined in <ins>, each also named for screen readers (colour is only a third signal).
 */
export function TextDiff({ change }: { change: TextChange }) {
  return (
    <div className="text-diff">
      <span className="text-diff__label">{change.label}:</span>{" "}
      {change.parts.map((part, i) =>
        part.change === "removed" ? (
          <del key={i}>
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : part.change === "added" ? (
          <ins key={i}>
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}
