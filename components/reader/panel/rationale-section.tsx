"use client";

import { useState } from "react";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { EditClaimForm, type KeptEdits } from "@/components/reader/panel/edit-claim-form";

/** The claim's rationale, or the form that edits the claim. */
export function RationaleSection({ claim, onChanged }: { claim: ClaimDetailData; onChanged: () => void }) {
  // While editing: the user's changes kept across "Load the current version", and a key that
  // starts the form afresh (without the conflict) each time it is loaded.
  const [editing, setEditing] = useState<{ kept: KeptEdits; generation: number } | null>(null);
  return editing ? (
    <EditClaimForm
      key={editing.generation}
      claim={claim}
      kept={editing.kept}
      onDone={() => {
        setEditing(null);
        onChanged();
      }}
      onReload={(kept) => {
        setEditing({ kept, generation: editing.generation + 1 });
        onChanged();
      }}
    />
  ) : (
    <>
      <h3>Rationale</h3>
      {claim.rationale ? <p className="rationale">{claim.rationale}</p> : <p className="muted">No rationale yet.</p>}
      {claim.permissions.canEdit && (
        <button type="button" className="button button--quiet button--small" onClick={() => setEditing({ kept: {}, generation: 0 })}>
          Edit claim
        </button>
      )}
    </>
  );
}
