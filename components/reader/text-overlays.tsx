import { useLayoutEffect, useRef } from "react";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { verdictIcon, verdictLabel } from "@/lib/ratings/types";
import type { SelectedText, Tooltip } from "@/components/reader/use-reader-editor";
import { useRatings } from "@/components/ratings/ratings-provider";

const GAP = 8;

/**
 * The buttons by the selected text: "Mark claim", and "Use as evidence" while gathering evidence.
 * They sit above the selection, where they cover neither it nor the words after it; below its
 * last line only when there is no room above on the screen; always inside the screen's width.
 */
export function SelectionTools({ selection, onMark, onUseAsEvidence }: { selection: SelectedText; onMark: () => void; onUseAsEvidence: (() => void) | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // Placed once their own size is known, before the browser paints them.
  useLayoutEffect(() => {
    const tools = ref.current;
    const box = tools?.offsetParent?.getBoundingClientRect();
    if (!tools || !box) return;
    const { width, height } = tools.getBoundingClientRect();
    const above = box.top + selection.top - GAP - height >= 0;
    const centre = above ? selection.topCentre : selection.endLeft;
    const screenWidth = document.documentElement.clientWidth;
    const left = Math.max(GAP - box.left, Math.min(centre - width / 2, screenWidth - GAP - width - box.left));
    tools.style.left = `${left}px`;
    tools.style.top = `${above ? selection.top - GAP - height : selection.bottom + GAP}px`;
    tools.style.visibility = "visible";
  }, [selection]);

  return (
    // Pressing a button must not take the selection away.
    <div ref={ref} className="selection-tools" style={{ visibility: "hidden" }} onMouseDown={(event) => event.preventDefault()}>
      <button type="button" className="button button--small" onClick={onMark}>
        Mark claim <kbd>M</kbd>
      </button>
      {onUseAsEvidence && (
        <button type="button" className="button button--quiet button--small" onClick={onUseAsEvidence}>
          Use as evidence <kbd>E</kbd>
        </button>
      )}
    </div>
  );
}

/** The claims under the mouse: verdict, state and what each says. */
export function ClaimTooltip({ tooltip }: { tooltip: Tooltip }) {
  const ratings = useRatings();
  return (
    <div className="hl-tooltip" role="tooltip" style={{ left: tooltip.left, top: tooltip.top + 18 }}>
      {tooltip.claims.map((claim) => (
        <p key={claim.id}>
          <strong>
            {verdictIcon(ratings, claim.verdict)} {verdictLabel(ratings, claim.verdict)}
          </strong>{" "}
          <span className="muted">({STATE_LABELS[claim.state].toLowerCase()})</span>
          <br />
          {claim.restatement}
        </p>
      ))}
    </div>
  );
}
