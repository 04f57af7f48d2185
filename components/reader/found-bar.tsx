import Link from "next/link";

/** Above the text while a linked passage (?at=…) is highlighted: what it is, and the way back to the search. */
export function FoundBar({ foundBy, onShow, onClear }: { foundBy: string | null; onShow: () => void; onClear: () => void }) {
  return (
    <div className="found-bar" role="status" data-testid="found-bar">
      <p>
        {foundBy ? (
          <>
            The highlighted passage matches your search <q>{foundBy}</q>. <Link href={`/search?${new URLSearchParams({ q: foundBy })}`}>Back to the results</Link>
          </>
        ) : (
          "The linked passage is highlighted."
        )}
      </p>
      <button type="button" className="link-button" onClick={onShow}>
        Show it
      </button>
      <button type="button" className="link-button" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
