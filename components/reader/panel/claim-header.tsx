import type { RefObject } from "react";
import type { ClaimSummary } from "@/lib/claims/types";
import { verdictLabel } from "@/lib/ratings/types";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { useRatings } from "@/components/ratings/ratings-provider";

/**
 * The top of the claim panel: the way back to the list, the claim's verdict and state, what it
 * says and the text it marks, and the other claims at the same spot. It shows the summary the
 * reader has until the claim's details have loaded.
 */
export function ClaimHeader({
  summary,
  claim,
  quote,
  othersHere,
  onOpenClaim,
  onShowInText,
  onClose,
  titleRef,
}: {
  summary: ClaimSummary;
  claim: ClaimDetailData | null;
  quote: string | null;
  othersHere: ClaimSummary[];
  onOpenClaim: (id: string) => void;
  onShowInText: (id: string) => void;
  onClose: () => void;
  /** The title, focusable (tabIndex -1) so the focus can return to the claim after an action. */
  titleRef: RefObject<HTMLHeadingElement | null>;
}) {
  const ratings = useRatings();
  return (
    <>
      <div className="panel-bar">
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          ← All claims
        </button>
        <button type="button" className="link-button" onClick={() => onShowInText(summary.id)}>
          Show in text
        </button>
      </div>
      <div className="claim-panel__badges">
        <VerdictBadge verdict={claim?.verdict ?? summary.verdict} />
        <StateBadge state={claim?.state ?? summary.state} />
      </div>
      <h2 id="claim-panel-title" className="claim-panel__title" tabIndex={-1} ref={titleRef}>
        {claim?.restatement ?? summary.restatement}
      </h2>
      <blockquote className="quote">{quote ?? claim?.exact}</blockquote>
      {summary.anchorStatus === "ORPHANED" && (
        <p className="form-message form-message--error">This claim&rsquo;s text could not be found in the article any more.</p>
      )}
      {othersHere.length > 0 && (
        <div className="others-here">
          <p className="muted">Also marked at this spot:</p>
          <ul>
            {othersHere.map((other) => (
              <li key={other.id}>
                <button type="button" className="link-button" onClick={() => onOpenClaim(other.id)}>
                  {other.restatement}
                </button>{" "}
                <span className="muted">({verdictLabel(ratings, other.verdict)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
