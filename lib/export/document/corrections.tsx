import type { ExportCorrection, ExportWithdrawal } from "@/lib/export/model";
import { correctionsLogUrl, factCheckFeedUrl } from "@/lib/export/urls";
import { day } from "@/lib/export/document/claim-entries";
import { withoutEnclosingQuotes } from "@/lib/export/quotes";

/**
 * What the public is told of changes after publication: a claim's corrections (dated note
 * and the earlier verdict), the fact checks withdrawn from the article, and the links to
 * the corrections log and the feed. Nothing leaves a public page silently.
 */
export function ClaimCorrections({ corrections }: { corrections: ExportCorrection[] }) {
  if (corrections.length === 0) return null;
  return (
    <div className="claim-corrections">
      {corrections.map((correction) => (
        <div key={correction.id} className="claim-correction" id={`correction-${correction.id}`}>
          <p className="claim-correction__note">
            <strong>
              Corrected on <time dateTime={correction.correctedAt}>{day(correction.correctedAt)}</time>:
            </strong>{" "}
            {correction.note}
          </p>
          <p className="claim-correction__earlier">
            Earlier verdict: <strong>{correction.previousVerdict}</strong>
            {correction.previousRationale && <>. Earlier rationale: {correction.previousRationale}</>}
          </p>
        </div>
      ))}
    </div>
  );
}

export function WithdrawnNotices({ withdrawn }: { withdrawn: ExportWithdrawal[] }) {
  if (withdrawn.length === 0) return null;
  return (
    <section className="doc-withdrawn" aria-labelledby="withdrawn-heading">
      <h2 id="withdrawn-heading">Withdrawn fact checks</h2>
      <ul className="withdrawn-entries">
        {withdrawn.map((item) => (
          <li key={item.id} id={`withdrawn-${item.id}`} className="withdrawn-entry">
            <p className="withdrawn-entry__notice">
              <strong>
                A fact check of this claim was withdrawn on <time dateTime={item.withdrawnAt}>{day(item.withdrawnAt)}</time>:
              </strong>{" "}
              {item.note}
            </p>
            <p className="withdrawn-entry__claim">
              <q>{withoutEnclosingQuotes(item.restatement)}</q> (published verdict: {item.previousVerdict})
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The public pages' links to the corrections log and the feed. */
export function CorrectionLinks({ appUrl }: { appUrl: string }) {
  return (
    <p className="doc-corrections-links">
      <a href={correctionsLogUrl(appUrl)}>Corrections log</a> · <a href={factCheckFeedUrl(appUrl)}>Atom feed of new and corrected fact checks</a>
    </p>
  );
}

/** The feed's alternate link, for a public page's head. */
export function FeedLink({ appUrl }: { appUrl: string }) {
  return <link rel="alternate" type="application/atom+xml" title="Verity fact checks" href={factCheckFeedUrl(appUrl)} />;
}
