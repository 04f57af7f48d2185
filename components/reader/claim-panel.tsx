"use client";

import { useCallback, useRef } from "react";
import type { ClaimSummary, UserRef } from "@/lib/claims/types";
import { formatDateTime } from "@/lib/format";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { useClaimDetail, type ClaimDetailData } from "@/components/reader/use-claim-detail";
import type { AnsweredClaim } from "@/components/reader/use-reader-claims";
import { ClaimHeader } from "@/components/reader/panel/claim-header";
import { RationaleSection } from "@/components/reader/panel/rationale-section";
import { EvidenceSection } from "@/components/reader/panel/evidence-section";
import type { ArticleChoice } from "@/components/reader/panel/add-evidence";
import { CommentsSection } from "@/components/reader/panel/comments-section";
import { HistorySection } from "@/components/reader/panel/history-section";
import { DeleteClaimForm } from "@/components/reader/panel/delete-claim-form";
import { WorkflowControls } from "@/components/workflow/workflow-controls";
import { SameClaim } from "@/components/search/same-claim";
import { OrganiseSection } from "@/components/reader/claim-organisation";
import { RoundsSection } from "@/components/rounds/rounds-section";
import { hasRole } from "@/lib/auth/roles";
import { useLive } from "@/components/live/live-updates";

/** The side panel of the open claim: what it says, its verdict, evidence, comments and history. */
export function ClaimPanel({
  summary,
  othersHere,
  articles,
  onOpenClaim,
  onShowInText,
  onClose,
  onChanged,
  onDeleted,
  viewer,
  assignees,
  quote,
}: {
  /** Whom the viewer may assign the claim to. */
  assignees: UserRef[];
  summary: ClaimSummary;
  /** The claim's text in the article, when it is anchored (else the panel shows the stored quote). */
  quote: string | null;
  /** The signed-in user, for the workflow steps offered (the server decides again). */
  viewer: WorkflowActor;
  /** Other claims covering the same spot (overlapping or nested). */
  othersHere: ClaimSummary[];
  articles: ArticleChoice[];
  onOpenClaim: (id: string) => void;
  onShowInText: (id: string) => void;
  onClose: () => void;
  /** The claim as an action here answered it: the reader's list and highlights take it in. */
  onChanged: (claim: AnsweredClaim) => void;
  onDeleted: (id: string) => void;
}) {
  const { detail: claim, error, reload, replace } = useClaimDetail(summary.id, summary);
  // The panel shows the claim an action answered with, and the reader's list takes it too.
  const show = useCallback(
    (next: ClaimDetailData) => {
      replace(next);
      onChanged(next);
    },
    [replace, onChanged],
  );
  // After a change to the claim itself the focus returns to its title, not to the page's body.
  const title = useRef<HTMLHeadingElement>(null);
  const changed = useCallback(() => {
    reload();
    title.current?.focus();
  }, [reload]);
  const changedTo = useCallback(
    (next: ClaimDetailData) => {
      show(next);
      title.current?.focus();
    },
    [show],
  );
  const editors = useLive().editors(summary.id);

  return (
    <section className="claim-panel" aria-labelledby="claim-panel-title" data-testid="claim-panel" data-claim-id={summary.id}>
      <ClaimHeader
        summary={summary}
        claim={claim}
        quote={quote}
        othersHere={othersHere}
        onOpenClaim={onOpenClaim}
        onShowInText={onShowInText}
        onClose={onClose}
        titleRef={title}
      />
      {editors.length > 0 && (
        <p className="live-editing" role="status" data-testid="live-editing">
          {editors.map((editor) => editor.name).join(", ")} {editors.length === 1 ? "is" : "are"} editing this claim
        </p>
      )}
      {error && <p className="form-message form-message--error">{error}</p>}
      {!claim && !error && <p className="muted">Loading…</p>}
      {claim && (
        <>
          <p className="claim-meta muted">
            Marked by {claim.author.name} · {formatDateTime(claim.createdAt)}
            {claim.verdictProposedBy && <> · verdict by {claim.verdictProposedBy.name}</>}
          </p>
          {claim.reviewNote && (
            <div className="review-note">
              <strong>Editor&rsquo;s note:</strong> {claim.reviewNote}
            </div>
          )}
          <RationaleSection claim={claim} onSaved={changedTo} onReload={changed} />
          <WorkflowControls
            claimId={claim.id}
            version={claim.version}
            viewer={viewer}
            claim={{
              state: claim.state,
              authorId: claim.author.id,
              verdictProposedById: claim.verdictProposedBy?.id ?? null,
              contentChangedById: claim.contentChangedBy?.id ?? null,
              verdict: claim.verdict,
              rationale: claim.rationale,
              evidenceCount: claim.evidence.length,
              articlePublic: claim.articlePublic,
            }}
            onChanged={(done) => changedTo(done.claim)}
          />
          <RoundsSection claim={claim} isEditor={hasRole(viewer, "EDITOR")} people={assignees} onChanged={changed} />
          <OrganiseSection claim={claim} assignees={assignees} viewerId={viewer.id} onChanged={changed} />
          <SameClaim claimId={claim.id} version={claim.version} verdict={claim.verdict} canEdit={claim.permissions.canEdit} onChanged={changed} />
          <EvidenceSection claim={claim} articles={articles} onChanged={show} />
          <CommentsSection claim={claim} onChanged={show} />
          <HistorySection claim={claim} />
          {claim.permissions.canDelete && <DeleteClaimForm claim={claim} onDeleted={() => onDeleted(claim.id)} />}
        </>
      )}
    </section>
  );
}
