import type { ExportClaim, ExportModel } from "@/lib/export/model";
import { ratingLabel } from "@/lib/ratings/types";
import { publicClaimUrl, publicPageUrl } from "@/lib/export/urls";
import { formatDate } from "@/lib/format";
import { EXPORT_CSS } from "@/lib/export/document/export-styles";
import { ClaimEntry } from "@/lib/export/document/claim-entries";
import { CorrectionLinks } from "@/lib/export/document/corrections";
import { OrganisationFooter, PublicBar, PublicPageMeta } from "@/lib/export/document/export-document";

/**
 * One approved claim's public page: the claim as its heading, its verdict, rationale,
 * evidence and corrections (the same entry as on the article's page), a link to its place
 * in the article, and its one ClaimReview JSON-LD in the head. `model` is the public model
 * (approved claims only, numbered among themselves).
 */
export function ClaimPageDocument({ model, claim, claimReviewJson }: { model: ExportModel; claim: ExportClaim; claimReviewJson: string }) {
  const { article, organisation } = model;
  const pageUrl = publicClaimUrl(model.appUrl, article.id, claim.number);
  const articlePage = publicPageUrl(model.appUrl, article.id);
  const title = `Fact-check: ${claim.restatement}`;
  const description = `${ratingLabel(claim.rating)}: “${claim.restatement}”, fact-checked by ${organisation.name}.`;
  const published = formatDate(article.publicationDate ? new Date(`${article.publicationDate}T00:00:00Z`) : null);
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <PublicPageMeta title={title} description={description} pageUrl={pageUrl} siteName={organisation.name} appUrl={model.appUrl} />
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
        <script id="claim-review" type="application/ld+json" dangerouslySetInnerHTML={{ __html: claimReviewJson }} />
      </head>
      <body>
        <PublicBar organisation={organisation} />
        <div className="doc">
          <main>
            <header className="doc-header">
              <p className="doc-kicker">Fact-check by {organisation.name}</p>
              <h1>{claim.restatement}</h1>
              <p className="doc-meta">
                Claim {claim.number} in <a href={articlePage}>{article.title}</a> ({article.outlet}
                {published && <>, {published}</>})
              </p>
            </header>
            <ol className="claim-entries" start={claim.number} aria-label="The claim and its fact-check">
              <ClaimEntry claim={claim} appUrl={model.appUrl} textHref={`${articlePage}#claim-${claim.number}-text`} restated={false} />
            </ol>
          </main>
          <footer className="doc-footer">
            <p>
              <a href={articlePage}>All claims checked in this article</a>
            </p>
            <CorrectionLinks appUrl={model.appUrl} />
            <OrganisationFooter organisation={organisation} />
          </footer>
        </div>
      </body>
    </html>
  );
}
