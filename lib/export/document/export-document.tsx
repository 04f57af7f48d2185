import type { ExportModel } from "@/lib/export/model";
import { approvedOnly, exportVersionPhrase, isPending, MADE_WITH, organisationLinks } from "@/lib/export/model";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportPath } from "@/lib/export/formats";
import { publicPageUrl } from "@/lib/export/urls";
import { safeHref } from "@/lib/documents/links";
import { formatDate, formatDateTime } from "@/lib/format";
import { AnnotatedBody } from "@/lib/export/document/annotated-body";
import { ClaimEntries } from "@/lib/export/document/claim-entries";
import { VerdictKey, VerdictSummary } from "@/lib/export/document/verdict-summary";
import { EXPORT_CSS } from "@/lib/export/document/export-styles";
import { CorrectionLinks, FeedLink, WithdrawnNotices } from "@/lib/export/document/corrections";

/**
 * A whole HTML document of one article with its claims: the standalone HTML export
 * ("export": one file, inline CSS, no scripts) or the public page of a published article
 * ("public": the same, with the page's metadata, links to each claim's own page, which
 * carries its ClaimReview, and links to the downloads). Rendered to a string by lib/export/static-markup.ts.
 */
export function ExportDocument({ model: given, variant = "export" }: { model: ExportModel; variant?: "export" | "public" }) {
  const isPublic = variant === "public";
  // The public page shows approved verdicts only, whatever it is given.
  const model = isPublic ? approvedOnly(given) : given;
  const { article, claims, organisation } = model;
  const pending = claims.filter(isPending).length;
  const placed = claims.filter((claim) => claim.anchorStatus === "ANCHORED");
  const published = formatDate(article.publicationDate ? new Date(`${article.publicationDate}T00:00:00Z`) : null);
  const original = safeHref(article.url);
  const pageUrl = publicPageUrl(model.appUrl, article.id);
  const title = `Fact-check: ${article.title}`;
  const description = `${claims.length === 1 ? "1 claim" : `${claims.length} claims`} fact-checked in “${article.title}” (${article.outlet}).`;
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {model.includesPending && <meta name="robots" content="noindex" />}
        <title>{title}</title>
        {isPublic && (
          <PublicPageMeta title={title} description={description} pageUrl={pageUrl} siteName={organisation.name} appUrl={model.appUrl} />
        )}
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
      </head>
      <body>
        {isPublic && <PublicBar organisation={organisation} />}
        <div className="doc">
          {/* Inside <main>, the document's header is no banner landmark: the public page's bar is its one banner. */}
          <main>
            <header className="doc-header">
              <p className={`doc-kicker${model.includesPending ? " doc-kicker--internal" : ""}`}>
                Fact-check by {organisation.name}
                {model.includesPending ? " · internal, includes pending claims" : ""}
              </p>
              <h1>{article.title}</h1>
              <p className="doc-meta">
                {article.outlet}
                {published && <> · {published}</>}
                {" · "}
                {exportVersionPhrase(article.version)}
                {original && (
                  <>
                    {" · "}
                    <a href={original} rel="noopener noreferrer">
                      original article
                    </a>
                  </>
                )}
                {isPublic && article.publishedAt && <> · fact-check published {formatDate(new Date(article.publishedAt))}</>}
              </p>
              <p className="doc-summary">{summary(claims.length, pending)}</p>
              <VerdictSummary claims={claims} ratingKey={model.ratingKey} />
              <VerdictKey ratingKey={model.ratingKey} />
              {pending > 0 && (
                <p className="doc-warning">
                  For internal use: {pending === 1 ? "1 claim is" : `${pending} claims are`} pending and not approved (dashed
                  underline). Only approved verdicts may be published.
                </p>
              )}
            </header>
            <article className="doc-article" aria-label="The article with its claims highlighted">
              <AnnotatedBody doc={article.body} claims={placed} className="article-text" />
            </article>
            <section className="doc-claims" aria-labelledby="claims-heading">
              <h2 id="claims-heading">{isPublic ? "Claims checked" : "Claims"}</h2>
              {claims.length > 0 ? (
                <ClaimEntries claims={claims} appUrl={model.appUrl} claimPagesOf={isPublic ? article.id : undefined} />
              ) : (
                <p>No approved verdicts yet.</p>
              )}
            </section>
            <WithdrawnNotices withdrawn={model.withdrawn} />
          </main>
          <footer className="doc-footer">
            {isPublic ? (
              <>
                <p>Only verdicts approved by an editor are shown. The numbered markers in the text link to each claim’s entry.</p>
                <CorrectionLinks appUrl={model.appUrl} />
                <p className="doc-downloads">
                  Download:{" "}
                  {EXPORT_FORMAT_NAMES.map((format, i) => (
                    <span key={format}>
                      {i > 0 && " · "}
                      <a href={exportPath(article.id, format)} download>
                        {EXPORT_FORMATS[format].label}
                      </a>
                    </span>
                  ))}
                </p>
              </>
            ) : (
              <>
                <p>
                  Exported on {formatDateTime(model.generatedAt)}.{" "}
                  {model.includesPending ? "Includes pending claims: not for publication." : "Only approved verdicts are included."}
                </p>
                {article.publishedAt && (
                  <p>
                    Public page:{" "}
                    <a href={pageUrl} rel="noopener noreferrer">
                      {pageUrl}
                    </a>
                  </p>
                )}
              </>
            )}
            <OrganisationFooter organisation={organisation} />
          </footer>
        </div>
      </body>
    </html>
  );
}

/** The public pages' bar: the organisation that publishes the fact-check, its logo and name. */
export function PublicBar({ organisation }: { organisation: ExportModel["organisation"] }) {
  return (
    <header className="public-bar">
      <div className="public-bar__inner">
        <span className="public-bar__brand">
          {organisation.logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a standalone document: the logo is inline, nothing is loaded
            <img className="public-bar__logo" src={organisation.logo.dataUri} alt="" />
          ) : (
            <span className="public-bar__mark" aria-hidden="true">
              ✓
            </span>
          )}
          {organisation.url ? <a href={organisation.url}>{organisation.name}</a> : organisation.name}
        </span>
        <span className="public-bar__label">Published fact-check</span>
      </div>
    </header>
  );
}

/** Who publishes the fact-check, with its links, and the one mention of the software. */
export function OrganisationFooter({ organisation }: { organisation: ExportModel["organisation"] }) {
  const links = organisationLinks(organisation);
  return (
    <>
      <p className="doc-publisher">
        Published by {organisation.url ? <a href={organisation.url}>{organisation.name}</a> : organisation.name}
        {links.map((link) => (
          <span key={link.href}>
            {" · "}
            <a href={link.href} rel="noopener noreferrer">
              {link.label}
            </a>
          </span>
        ))}
      </p>
      <p className="doc-made-with">{MADE_WITH}</p>
    </>
  );
}

function summary(total: number, pending: number) {
  if (total === 0) return "No claims checked yet.";
  const claims = total === 1 ? "1 claim checked" : `${total} claims checked`;
  return pending > 0 ? `${claims}, ${total - pending} approved and ${pending} pending.` : `${claims}.`;
}

/** The public page's answer for an article whose page was taken down (unpublished or retired): 410, with when. */
export function WithdrawnDocument({ withdrawnAt, appUrl }: { withdrawnAt: string; appUrl: string }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Withdrawn · Verity</title>
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
      </head>
      <body>
        <div className="doc doc--not-found">
          <p className="doc-kicker">Verity fact-check</p>
          <h1>This fact-check was withdrawn</h1>
          <p>
            The fact-check published at this address was withdrawn on <time dateTime={withdrawnAt}>{formatDate(new Date(withdrawnAt))}</time>.
          </p>
          <CorrectionLinks appUrl={appUrl} />
        </div>
      </body>
    </html>
  );
}

/** The public page's answer for an article that is not (or no longer) published. */
export function NotPublishedDocument() {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Fact-check not found</title>
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
      </head>
      <body>
        <div className="doc doc--not-found">
          <p className="doc-kicker">Fact-check</p>
          <h1>This fact-check is not published</h1>
          <p>It may have been taken down, or the address may be wrong.</p>
        </div>
      </body>
    </html>
  );
}

/** A public page's description, address, icon, Open Graph card and feed link (the article's page and each claim's). */
export function PublicPageMeta({ title, description, pageUrl, siteName, appUrl }: { title: string; description: string; pageUrl: string; siteName: string; appUrl: string }) {
  return (
    <>
      <meta name="description" content={description} />
      <link rel="canonical" href={pageUrl} />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={pageUrl} />
      <meta property="og:site_name" content={siteName} />
      <FeedLink appUrl={appUrl} />
    </>
  );
}
