"use client";

import Link from "next/link";
import { useRef } from "react";
import { removeEvidenceAction } from "@/lib/claims/actions";
import { STANCES } from "@/lib/claims/verdicts";
import { webHref } from "@/lib/documents/links";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import type { EvidenceItem } from "@/lib/claims/types";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { AddExternalSource, AddPassage, type ArticleChoice } from "@/components/reader/panel/add-evidence";
import { SuggestEvidence } from "@/components/search/suggest-evidence";

/** The claim's evidence, each item with its source, and the ways to add more. */
export function EvidenceSection({
  claim,
  articles,
  onChanged: show,
}: {
  claim: ClaimDetailData;
  articles: ArticleChoice[];
  /** The claim with its evidence as changed. */
  onChanged: (claim: ClaimDetailData) => void;
}) {
  // After evidence is added or removed the focus goes to the heading, which tells the new count.
  const heading = useRef<HTMLHeadingElement>(null);
  const onChanged = (next: ClaimDetailData) => {
    show(next);
    heading.current?.focus();
  };
  return (
    <section aria-labelledby="evidence-heading" className="panel-section">
      <h3 id="evidence-heading" tabIndex={-1} ref={heading}>
        Evidence ({claim.evidence.length})
      </h3>
      {claim.evidence.length === 0 && <p className="muted">No evidence yet.</p>}
      <ul className="evidence-list">
        {claim.evidence.map((item) => (
          <li key={item.id} className={`evidence evidence--${item.stance}`} data-testid="evidence-item">
            <EvidenceContent item={item} />
            {claim.permissions.canAddEvidence && <RemoveEvidenceButton evidenceId={item.id} version={claim.version} onRemoved={onChanged} />}
          </li>
        ))}
      </ul>
      {claim.permissions.canAddEvidence && (
        <>
          <SuggestEvidence claimId={claim.id} version={claim.version} onAdded={onChanged} />
          <AddPassage claimId={claim.id} articles={articles} />
          <AddExternalSource claim={claim} onAdded={onChanged} />
        </>
      )}
    </section>
  );
}

/** One evidence item as it reads: its stance, the passage or source, and the excerpt (the panel and the queue). */
export function EvidenceContent({ item }: { item: Omit<EvidenceItem, "createdAt"> }) {
  return (
    <>
      <span className={`stance stance--${item.stance}`}>{STANCES[item.stance].label}</span>
      {item.passage && (
        <>
          <blockquote className="quote quote--small">{item.passage.exact}</blockquote>
          <Link href={`/articles/${item.passage.articleId}?passage=${item.id}`} className="evidence__source">
            in “{item.passage.articleTitle}”
          </Link>
        </>
      )}
      {item.external && (
        <>
          <ExternalSourceLink url={item.external.url} title={item.external.title} />
          {item.external.excerpt && <blockquote className="quote quote--small">{item.external.excerpt}</blockquote>}
          {item.external.accessedAt && <span className="muted evidence__date"> accessed {item.external.accessedAt}</span>}
        </>
      )}
    </>
  );
}

/** A web source opens in a new tab; anything but an http(s) address is shown as text, not as a link. */
function ExternalSourceLink({ url, title }: { url: string; title: string }) {
  const href = webHref(url);
  if (!href) return <span className="evidence__source">{title}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="evidence__source">
      {title}
    </a>
  );
}

function RemoveEvidenceButton({ evidenceId, version, onRemoved }: { evidenceId: string; version: number; onRemoved: (claim: ClaimDetailData) => void }) {
  const [state, action, pending, form] = useFormAction(removeEvidenceAction);
  useOnSuccess(state, (done) => onRemoved(done.data.claim));
  return (
    <form ref={form} action={action} className="inline-form">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="link-button link-button--danger" disabled={pending}>
        Remove
      </button>
      {state.status === "error" && <p className="form-status form-status--error">{state.message}</p>}
    </form>
  );
}
