"use client";

import { useState } from "react";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { EditClaimForm, type KeptEdits } from "@/components/reader/panel/edit-claim-form";
import { webHref } from "@/lib/documents/links";
import { formatDate } from "@/lib/format";

/** The claim's rationale, or the form that edits the claim. */
export function RationaleSection({
  claim,
  onSaved,
  onReload,
}: {
  claim: ClaimDetailData;
  /** The claim as saved. */
  onSaved: (claim: ClaimDetailData) => void;
  /** Loads the claim again (its current version, for "Load…"). */
  onReload: () => void;
}) {
  // While editing: the claim as the form was started from (a change by someone else does not
  // reset the form under the user's hands), the user's changes kept across "Load the current
  // version", and a key that starts the form afresh (without the conflict) each time it is loaded.
  const [editing, setEditing] = useState<{ base: ClaimDetailData; kept: KeptEdits; generation: number; wants?: number } | null>(null);
  // After "Load…", the form starts again from the claim once the version asked for has loaded.
  if (editing?.wants !== undefined && claim.version >= editing.wants) {
    setEditing({ base: claim, kept: editing.kept, generation: editing.generation + 1 });
  }
  return editing ? (
    <EditClaimForm
      key={editing.generation}
      claim={editing.base}
      current={claim}
      kept={editing.kept}
      onSaved={(saved) => {
        setEditing(null);
        onSaved(saved);
      }}
      onCancel={() => setEditing(null)}
      onReload={(kept, version) => {
        setEditing({ ...editing, kept, wants: version });
        onReload();
      }}
    />
  ) : (
    <>
      <ClaimantLine claim={claim} />
      <h3>Rationale</h3>
      {claim.rationale ? <p className="rationale">{claim.rationale}</p> : <p className="muted">No rationale yet.</p>}
      {claim.permissions.canEdit && (
        <button type="button" className="button button--quiet button--small" onClick={() => setEditing({ base: claim, kept: {}, generation: 0 })}>
          Edit claim
        </button>
      )}
    </>
  );
}

/** Who made the claim, when and where it first appeared, when recorded. */
function ClaimantLine({ claim }: { claim: ClaimDetailData }) {
  const where = webHref(claim.appearanceUrl);
  if (!claim.claimant && !claim.claimDate && !where) return null;
  const kind = claim.claimantKind === "ORGANIZATION" ? "organisation" : "person";
  return (
    <p className="claimant-line" data-testid="claimant">
      {claim.claimant ? (
        <>
          Made by <strong>{claim.claimant}</strong> ({kind})
        </>
      ) : (
        "Made"
      )}
      {claim.claimDate && <> on {formatDate(new Date(`${claim.claimDate}T00:00:00Z`))}</>}
      {where && (
        <>
          {" · "}
          <a href={where} rel="noopener noreferrer nofollow" target="_blank">
            where it first appeared
          </a>
        </>
      )}
    </p>
  );
}
