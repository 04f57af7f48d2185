import Link from "next/link";
import type { PassageSummary } from "@/lib/claims/types";
import { VerdictBadge } from "@/components/reader/verdict";
import { STANCES } from "@/lib/claims/verdicts";


/** An evidence passage in this article, and the claim(s) it serves. */
export function PassagePanel({ passages, onClose }: { passages: PassageSummary[]; onClose: () => void }) {
  return (
    <section className="claim-panel" aria-labelledby="passage-panel-title">
      <div className="panel-bar">
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          ← All claims
        </button>
      </div>
      <h2 id="passage-panel-title" className="claim-panel__title" tabIndex={-1}>
        Evidence passage
      </h2>
      {passages.map((passage) => (
        <div key={passage.id} className="panel-section">
          <blockquote className="quote">{passage.exact}</blockquote>
          <p>
            This passage {STANCES[passage.stance].verb} the claim{" "}
            <Link href={`/articles/${passage.claim.articleId}?claim=${passage.claim.id}`}>“{passage.claim.restatement}”</Link> in{" "}
            <em>{passage.claim.articleTitle}</em>.
          </p>
          <VerdictBadge verdict={passage.claim.verdict} />
        </div>
      ))}
    </section>
  );
}
