import type { VersionReview } from "@/lib/versions/data";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { WordParts } from "@/components/versions/word-parts";

type ReviewClaim = VersionReview["claims"][number];
type ReviewEvidence = VersionReview["evidence"][number];

/** What a new version does to the article's claims and evidence, for the editor to check before confirming. */
export function VersionReviewPanel({ review }: { review: VersionReview }) {
  const claims = (kinds: ReviewClaim["kind"][]) => review.claims.filter((c) => kinds.includes(c.kind));
  const changed = claims(["changed"]);
  const orphaned = claims(["orphaned"]);
  const moved = claims(["moved"]);
  const retyped = claims(["retyped"]);
  const unchanged = claims(["unchanged"]);
  const evidence = review.evidence.filter((e) => e.kind !== "unchanged");
  return (
    <div className="version-review">
      <h2>What version {review.number} does to the claims</h2>
      {review.claims.length === 0 && <p className="muted">The article has no claims yet.</p>}
      <ReviewSection title="Words changed: back to the reviewer" count={changed.length} id="changed">
        {changed.map((claim) => (
          <ClaimItem key={claim.id} claim={claim}>
            <SideBySide item={claim} />
          </ClaimItem>
        ))}
      </ReviewSection>
      <ReviewSection title="Not found in the new version: back to the reviewer" count={orphaned.length} id="orphaned">
        {orphaned.map((claim) => (
          <ClaimItem key={claim.id} claim={claim}>
            <p className="version-review__quote">
              <span className="sr-only">Quoted: </span>“{claim.oldExact}”
            </p>
            <p className="muted version-review__why">Why: {orphanReason(claim.reason)}</p>
          </ClaimItem>
        ))}
      </ReviewSection>
      <ReviewSection title="Moved elsewhere in the text" count={moved.length} id="moved">
        {moved.map((claim) => (
          <ClaimItem key={claim.id} claim={claim}>
            <p className="version-review__quote">“{claim.oldExact}”</p>
          </ClaimItem>
        ))}
      </ReviewSection>
      <ReviewSection title="Only typography changed (quotation marks, dashes, spaces)" count={retyped.length} id="retyped">
        {retyped.map((claim) => (
          <ClaimItem key={claim.id} claim={claim}>
            <SideBySide item={claim} />
          </ClaimItem>
        ))}
      </ReviewSection>
      {unchanged.length > 0 && (
        <p className="muted" data-testid="unchanged-claims">
          {unchanged.length === 1 ? "1 claim is" : `${unchanged.length} claims are`} unchanged.
        </p>
      )}
      {evidence.length > 0 && (
        <ReviewSection title="Evidence passages quoting this article" count={evidence.length} id="evidence">
          {evidence.map((item) => (
            <EvidenceItem key={item.id} item={item} />
          ))}
        </ReviewSection>
      )}
    </div>
  );
}

function ReviewSection({ title, count, id, children }: { title: string; count: number; id: string; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="version-review__section" aria-labelledby={`review-${id}`} data-testid={`review-${id}`}>
      <h3 id={`review-${id}`}>
        {title} <span className="muted">({count})</span>
      </h3>
      <ul className="version-review__list">{children}</ul>
    </section>
  );
}

function ClaimItem({ claim, children }: { claim: ReviewClaim; children: React.ReactNode }) {
  const stateChange =
    claim.stateAfter !== claim.stateBefore
      ? `${label(claim.stateBefore)} → ${label(claim.stateAfter)}`
      : claim.needsReview && claim.stateBefore === "APPROVED"
        ? "Stays approved; its reviewer and approving editor are told"
        : label(claim.stateBefore);
  return (
    <li className="version-review__item">
      <p className="version-review__claim">
        <strong>{claim.restatement}</strong> <span className="muted">· {claim.authorName} · {stateChange}</span>
      </p>
      {children}
    </li>
  );
}

function EvidenceItem({ item }: { item: ReviewEvidence }) {
  return (
    <li className="version-review__item">
      <p className="version-review__claim">
        Evidence for <strong>{item.claimRestatement}</strong> <span className="muted">· {EVIDENCE_KINDS[item.kind]}</span>
      </p>
      {item.parts ? <SideBySide item={item} /> : <p className="version-review__quote">“{item.oldExact}”</p>}
      {item.reason && <p className="muted version-review__why">Why: {orphanReason(item.reason)}</p>}
    </li>
  );
}

const EVIDENCE_KINDS: Record<ReviewEvidence["kind"], string> = {
  unchanged: "unchanged",
  moved: "moved elsewhere in the text",
  retyped: "only typography changed",
  changed: "words changed",
  orphaned: "not found in the new version",
};

function SideBySide({ item }: { item: { parts: ReviewClaim["parts"]; oldExact: string; newExact: string | null } }) {
  const parts = item.parts ?? [];
  return (
    <div className="version-review__sides">
      <div>
        <p className="version-review__side-label">Before</p>
        <p className="version-review__quote">
          <WordParts parts={parts} side="old" />
        </p>
      </div>
      <div>
        <p className="version-review__side-label">After</p>
        <p className="version-review__quote">
          <WordParts parts={parts} side="new" />
        </p>
      </div>
    </div>
  );
}

function label(state: string) {
  return STATE_LABELS[state as ClaimState] ?? state;
}

/** anchor()'s orphan reasons in words. */
function orphanReason(reason: string | null) {
  if (reason === "work spent") return "the search for it took too long to be sure";
  if (reason?.startsWith("ambiguous")) return `the quoted words now appear in several places (${reason.replace("ambiguous: ", "")}) and none is clearly the claim's`;
  return "its words are no longer in the article";
}
