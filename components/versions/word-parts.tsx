import type { WordPart } from "@/lib/claims/history";

/**
 * One side of a text's change, word by word: the old side shows kept and removed words
 * (removed struck through), the new side kept and added ones (added underlined); both are
 * named for screen readers too (colour is only a third signal). `both` shows one running diff.
 */
export function WordParts({ parts, side }: { parts: WordPart[]; side: "old" | "new" | "both" }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.change === "kept") return <span key={i}>{part.text}</span>;
        if (part.change === "removed" && side !== "new") {
          return (
            <del key={i}>
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        if (part.change === "added" && side !== "old") {
          return (
            <ins key={i}>
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        return null;
      })}
    </>
  );
}
