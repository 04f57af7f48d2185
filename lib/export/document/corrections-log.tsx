import type { CorrectionLogEntry } from "@/lib/corrections/log";
import { EXPORT_CSS } from "@/lib/export/document/export-styles";
import { CorrectionLinks, FeedLink } from "@/lib/export/document/corrections";
import { day } from "@/lib/export/document/claim-entries";
import { correctionsLogUrl } from "@/lib/export/urls";
import { withoutEnclosingQuotes } from "@/lib/export/quotes";

/** The public corrections log: every correction and withdrawn fact check, newest first, each linked to where it is read. */
export function CorrectionsLogDocument({ entries, appUrl }: { entries: CorrectionLogEntry[]; appUrl: string }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Corrections · Verity fact-checks</title>
        <meta name="description" content="Every correction and withdrawn fact check, newest first." />
        <link rel="canonical" href={correctionsLogUrl(appUrl)} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <FeedLink appUrl={appUrl} />
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
      </head>
      <body>
        <div className="doc">
          <header className="doc-header">
            <p className="doc-kicker">Verity fact-check</p>
            <h1>Corrections</h1>
            <p className="doc-summary">
              When a published verdict changes, or a fact check is withdrawn, it is listed here with the editors’ note, newest first.
            </p>
            <CorrectionLinks appUrl={appUrl} />
          </header>
          <main>
            {entries.length === 0 ? (
              <p>No corrections yet.</p>
            ) : (
              <ol className="corrections-log">
                {entries.map((entry) => (
                  <li key={entry.id} className="corrections-log__entry" id={`correction-${entry.id}`}>
                    <p className={`corrections-log__kind corrections-log__kind--${entry.kind}`}>
                      {entry.kind === "corrected" ? "Corrected" : "Withdrawn"} on <time dateTime={entry.at}>{day(entry.at)}</time>
                    </p>
                    <p>
                      <a href={entry.href}>
                        <q>{withoutEnclosingQuotes(entry.restatement)}</q>
                      </a>
                    </p>
                    <p>{entry.note}</p>
                    <p className="corrections-log__meta">
                      {entry.currentVerdict ? `Verdict: ${entry.previousVerdict} → ${entry.currentVerdict}` : `Published verdict: ${entry.previousVerdict}`}
                      {" · "}
                      <cite>{entry.article.title}</cite>, {entry.article.outlet}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </main>
        </div>
      </body>
    </html>
  );
}
