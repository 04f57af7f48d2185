import { wordParts } from "@/lib/claims/history";
import { WordParts } from "@/components/versions/word-parts";

/** What a version changed from the one before it, word by word, paragraphs kept. */
export function VersionChanges({ before, after }: { before: string; after: string }) {
  const parts = wordParts(before, after);
  const changed = parts.filter((p) => p.change !== "kept").length;
  return (
    <div className="version-diff" data-testid="version-diff">
      {changed === 0 ? <p className="muted">The text is the same as the version before.</p> : <WordParts parts={parts} side="both" />}
    </div>
  );
}
