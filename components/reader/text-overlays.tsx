import { STATE_LABELS, verdictIcon, verdictLabel } from "@/lib/claims/verdicts";
import type { SelectedText, Tooltip } from "@/components/reader/use-reader-editor";

/** The buttons beside the selected text: "Mark claim", and "Use as evidence" while gathering evidence. */
export function SelectionTools({ selection, onMark, onUseAsEvidence }: { selection: SelectedText; onMark: () => void; onUseAsEvidence: (() => void) | null }) {
  return (
    // Pressing a button must not take the selection away.
    <div className="selection-tools" style={{ left: selection.left, top: selection.top }} onMouseDown={(event) => event.preventDefault()}>
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
  return (
    <div className="hl-tooltip" role="tooltip" style={{ left: tooltip.left, top: tooltip.top + 18 }}>
      {tooltip.claims.map((claim) => (
        <p key={claim.id}>
          <strong>
            {verdictIcon(claim.verdict)} {verdictLabel(claim.verdict)}
          </strong>{" "}
          <span className="muted">({STATE_LABELS[claim.state].toLowerCase()})</span>
          <br />
          {claim.restatement}
        </p>
      ))}
    </div>
  );
}
