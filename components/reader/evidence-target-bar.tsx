"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type Ref } from "react";
import { addEvidenceAction } from "@/lib/claims/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import type { SelectedSpan } from "@/components/reader/mark-claim-form";
import { StanceOptions } from "@/components/reader/verdict";

/** The claim a reviewer is gathering evidence for while reading another article (?evidenceFor=…). */
export interface EvidenceTarget {
  claimId: string;
  restatement: string;
  version: number;
  articleId: string;
}

/**
 * Shown above the text while gathering evidence: select a passage, then "Use as
 * evidence" (or press E) adds it to the claim, checked on the server against this
 * article's text.
 */
export function EvidenceTargetBar({
  ref,
  target,
  articleId,
  selection,
}: {
  ref: Ref<HTMLFormElement>;
  target: EvidenceTarget;
  articleId: string;
  selection: SelectedSpan | null;
}) {
  const [state, action, pending] = useFormAction(addEvidenceAction);
  const router = useRouter();
  // Each added passage bumps the claim's version; the next one must name the new one. The
  // passage is this article's: the page is rendered again to highlight it (the answer is the claim's).
  const [version, setVersion] = useState(target.version);
  useOnSuccess(state, (done) => {
    setVersion(done.data.claim.version);
    router.refresh();
  });
  const backToClaim = `/articles/${target.articleId}?claim=${target.claimId}`;

  return (
    <form ref={ref} action={action} className="evidence-bar" aria-label="Add evidence" noValidate>
      <p className="evidence-bar__intro">
        Gathering evidence for <Link href={backToClaim}>“{target.restatement}”</Link>. Select a passage, then use it.
      </p>
      <input type="hidden" name="kind" value="PASSAGE" />
      <input type="hidden" name="claimId" value={target.claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="sourceArticleId" value={articleId} />
      <input type="hidden" name="start" value={selection?.start ?? ""} />
      <input type="hidden" name="end" value={selection?.end ?? ""} />
      <input type="hidden" name="exact" value={selection?.exact ?? ""} />
      <div className="inline-form">
        <label htmlFor="evidence-stance">The passage</label>
        <select id="evidence-stance" name="stance" defaultValue="SUPPORTS">
          <StanceOptions />
        </select>
        <button type="submit" className="button button--small" disabled={pending || !selection}>
          {pending ? "Adding…" : "Use as evidence"}
        </button>
        <Link href={backToClaim} className="button button--quiet button--small">
          Back to the claim
        </Link>
      </div>
      {state.message && (
        <p role={state.status === "error" ? "alert" : "status"} className={`form-status form-status--${state.status === "ok" ? "ok" : "error"}`}>
          {state.status === "error" && state.fieldErrors ? Object.values(state.fieldErrors)[0]?.[0] ?? state.message : state.message}
        </p>
      )}
    </form>
  );
}
