import type { ExportClaim, ExportEvidence, ExportSameClaim } from "@/lib/export/model";
import { claimantSentence, credit, isPending, WITHHELD_PASSAGE } from "@/lib/export/model";
import { STANCES, STATE_LABELS } from "@/lib/claims/verdicts";
import { ratingClass, ratingStyle } from "@/lib/ratings/types";
import { RatingBadge } from "@/lib/ratings/rating-badge";
import { claimUrl, publicClaimUrl, publicPageUrl } from "@/lib/export/urls";
import { webHref } from "@/lib/documents/links";
import { formatDate } from "@/lib/format";
import { withoutEnclosingQuotes } from "@/lib/export/quotes";
import { ClaimCorrections } from "@/lib/export/document/corrections";

/**
 * The numbered list of an article's claims: verdict, the claim restated and as quoted,
 * rationale, evidence (passages quoted with their article's title, sources as links), the
 * same claim in other articles, and who approved it when. Shared by the standalone HTML export and the public pages; each
 * entry's id (claim-N) is what the markers in the text point at. On the article's public page
 * (`claimPagesOf` its id) each entry links to the claim's own page, which carries its ClaimReview.
 */
export function ClaimEntries({ claims, appUrl, claimPagesOf }: { claims: ExportClaim[]; appUrl: string; claimPagesOf?: string }) {
  return (
    <ol className="claim-entries">
      {claims.map((claim) => (
        <ClaimEntry key={claim.id} claim={claim} appUrl={appUrl} pageHref={claimPagesOf ? publicClaimUrl(appUrl, claimPagesOf, claim.number) : undefined} />
      ))}
    </ol>
  );
}

/**
 * One claim's entry. `textHref`: where its number leads, to its place in the text (on the
 * same page unless given); `restated` false when the page's heading already restates it.
 */
export function ClaimEntry({
  claim,
  appUrl,
  pageHref,
  textHref = `#claim-${claim.number}-text`,
  restated = true,
}: {
  claim: ExportClaim;
  appUrl: string;
  pageHref?: string;
  textHref?: string;
  restated?: boolean;
}) {
  const pending = isPending(claim);
  const placed = claim.anchorStatus === "ANCHORED";
  const colours = { className: ratingClass(claim.rating), style: ratingStyle(claim.rating) };
  return (
    <li id={`claim-${claim.number}`} className={`claim-entry ${colours.className}${pending ? " claim-entry--pending" : ""}`} style={colours.style}>
      <div className="claim-entry__head">
        {placed ? (
          <a className={`claim-entry__number ${colours.className}`} style={colours.style} href={textHref} aria-label={`Claim ${claim.number}, show it in the text`}>
            {claim.number}
          </a>
        ) : (
          <span className={`claim-entry__number ${colours.className}`} style={colours.style}>
            {claim.number}
          </span>
        )}
        <RatingBadge rating={claim.rating} />
        {pending && <span className="pending-badge">Pending: {STATE_LABELS[claim.state].toLowerCase()}, not approved</span>}
      </div>
      <ClaimCorrections corrections={claim.corrections} />
      {restated && <p className="claim-entry__claim">{claim.restatement}</p>}
      <blockquote className="claim-entry__quote">
        <p>{claim.exact}</p>
      </blockquote>
      {!placed && <p className="claim-entry__note">This passage is no longer found in the article’s current text.</p>}
      <Claimant claim={claim} />
      {claim.rationale && (
        <div className="claim-entry__section">
          <h3>Rationale</h3>
          <p className="claim-entry__rationale">{claim.rationale}</p>
        </div>
      )}
      {claim.evidence.length > 0 && (
        <div className="claim-entry__section">
          <h3>Evidence</h3>
          <ul className="evidence-entries">
            {claim.evidence.map((item) => (
              <EvidenceEntry key={item.id} item={item} appUrl={appUrl} />
            ))}
          </ul>
        </div>
      )}
      {claim.sameClaim.length > 0 && (
        <div className="claim-entry__section">
          <h3>Same claim elsewhere</h3>
          <ul className="elsewhere-entries">
            {claim.sameClaim.map((other) => (
              <SameClaimEntry key={other.id} other={other} appUrl={appUrl} />
            ))}
          </ul>
        </div>
      )}
      <p className="claim-entry__approval">
        {credit(claim)}{" "}
        {claim.approvedAt ? (
          <>
            Approved{claim.approvedBy ? ` by ${claim.approvedBy.name}` : ""} on <time dateTime={claim.approvedAt}>{day(claim.approvedAt)}</time>.
          </>
        ) : (
          `Not approved yet (${STATE_LABELS[claim.state].toLowerCase()}).`
        )}
      </p>
      {pageHref && (
        <p className="claim-entry__page">
          <a href={pageHref}>Claim {claim.number}’s fact-check page</a>
        </p>
      )}
    </li>
  );
}

/** Who made the claim, when, and where it first appeared (when that is not this article). */
function Claimant({ claim }: { claim: ExportClaim }) {
  const made = claimantSentence(claim, day);
  const where = webHref(claim.appearanceUrl);
  if (!made && !where) return null;
  return (
    <p className="claim-entry__claimant">
      {made}
      {made && where && " "}
      {where && (
        <a href={where} rel="noopener noreferrer">
          Where it appeared
        </a>
      )}
    </p>
  );
}

function EvidenceEntry({ item, appUrl }: { item: ExportEvidence; appUrl: string }) {
  const stance = <span className={`stance stance--${item.stance}`}>{STANCES[item.stance].label}</span>;
  if (item.kind === "PASSAGE") {
    const { passage } = item;
    const title = <cite>{passage.articleTitle}</cite>;
    return (
      <li className="evidence-entry">
        {stance}
        <q className="evidence-entry__quote">{withoutEnclosingQuotes(passage.exact)}</q>
        <span className="evidence-entry__source">
          {" "}
          from{" "}
          {passage.articlePublished ? (
            <a href={publicPageUrl(appUrl, passage.articleId)} rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
          {passage.outlet ? `, ${passage.outlet}` : ""}
        </span>
      </li>
    );
  }
  if (item.kind === "WITHHELD") {
    return (
      <li className="evidence-entry">
        {stance} <span className="evidence-entry__source">{WITHHELD_PASSAGE}</span>
      </li>
    );
  }
  const { external } = item;
  const href = webHref(external.url);
  const accessed = external.accessedAt ? day(external.accessedAt) : null;
  const host = href ? hostOf(href) : "";
  return (
    <li className="evidence-entry">
      {stance}
      {href ? (
        <a className="evidence-entry__link" href={href} rel="noopener noreferrer">
          {external.title || href}
        </a>
      ) : (
        <span className="evidence-entry__link">{external.title}</span>
      )}
      {host && <span className="evidence-entry__host"> ({host})</span>}
      {external.excerpt && (
        <>
          {" "}
          <q className="evidence-entry__quote">{withoutEnclosingQuotes(external.excerpt)}</q>
        </>
      )}
      {accessed && <span className="evidence-entry__date"> Accessed {accessed}.</span>}
    </li>
  );
}

function SameClaimEntry({ other, appUrl }: { other: ExportSameClaim; appUrl: string }) {
  return (
    <li className="elsewhere-entry">
      <RatingBadge rating={other.rating} />
      <q>{withoutEnclosingQuotes(other.restatement)}</q> in{" "}
      <a href={claimUrl(appUrl, other.article, other.id, other.publicNumber)} rel="noopener noreferrer">
        <cite>{other.article.title}</cite>
      </a>
      {other.article.outlet ? `, ${other.article.outlet}` : ""}
      {isPending(other) && <span className="elsewhere-entry__state"> (pending: {STATE_LABELS[other.state].toLowerCase()})</span>}
    </li>
  );
}

// A thousand claims approved on a handful of days: each day is formatted once.
const days = new Map<string, string>();

/** "10 Mar 2025" for an ISO date or timestamp (its UTC day). */
export function day(iso: string) {
  const key = iso.slice(0, 10);
  let label = days.get(key);
  if (label === undefined) {
    label = formatDate(new Date(`${key}T00:00:00Z`))!;
    days.set(key, label);
  }
  return label;
}

function hostOf(url: string) {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return "";
  }
}
