"use client";

import { useId } from "react";
import { assignClaimsAction, tagClaimsAction } from "@/lib/claims/actions";
import type { UserRef } from "@/lib/claims/types";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

/** Who a claim is assigned to, in words (nothing when nobody is). */
export function AssigneeLabel({ assignee }: { assignee: UserRef | null }) {
  if (!assignee) return null;
  return <span className="assignee-label">Assigned to {assignee.name}</span>;
}

/** A claim's tags, each marked as a tag in words as well as in shape. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-list">
      <span className="sr-only">Tags: </span>
      {tags.map((tag) => (
        <span key={tag} className="tag">
          <span aria-hidden="true">#</span>
          {tag}
        </span>
      ))}
    </span>
  );
}

/** One claim's assignee and tags in its panel, changed there when the viewer may. */
export function OrganiseSection({ claim, assignees, viewerId, onChanged }: { claim: ClaimDetailData; assignees: UserRef[]; viewerId: string; onChanged: () => void }) {
  const [assignState, assign, assigning] = useFormAction(assignClaimsAction);
  const [tagState, tag, tagging] = useFormAction(tagClaimsAction);
  useOnSuccess(assignState, onChanged);
  useOnSuccess(tagState, onChanged);
  const id = useId();
  const refs = JSON.stringify([{ id: claim.id, version: claim.version }]);
  const { canAssign, canTag } = claim.permissions;
  // A reviewer chooses between themselves and nobody; the current assignee stays listed.
  const choices = [...assignees, ...(claim.assignee && !assignees.some((u) => u.id === claim.assignee!.id) ? [claim.assignee] : [])];
  const tagError = tagState.fieldErrors?.tags?.[0];

  return (
    <section className="panel-section organise" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Assignee and tags</h3>
      {canAssign === "nobody" ? (
        <p className="muted">{claim.assignee ? `Assigned to ${claim.assignee.name}.` : "Not assigned."}</p>
      ) : (
        <form action={assign} className="organise__row">
          <input type="hidden" name="claims" value={refs} />
          <label htmlFor={`${id}-assignee`}>Assigned to</label>
          <select id={`${id}-assignee`} name="assigneeId" defaultValue={claim.assignee?.id ?? ""} key={claim.version}>
            <option value="">Nobody</option>
            {choices.map((user) => (
              <option key={user.id} value={user.id}>
                {user.id === viewerId ? `${user.name} (me)` : user.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small" disabled={assigning}>
            {assigning ? "Saving…" : "Save assignee"}
          </button>
        </form>
      )}
      <FormMessage state={assignState} />
      {canTag ? (
        <form action={tag} className="organise__row">
          <input type="hidden" name="claims" value={refs} />
          <input type="hidden" name="mode" value="set" />
          <label htmlFor={`${id}-tags`}>Tags</label>
          <input
            id={`${id}-tags`}
            name="tags"
            key={claim.version}
            defaultValue={tagState.values?.tags ?? claim.tags.join(", ")}
            placeholder="economy, jobs"
            aria-invalid={tagError ? true : undefined}
            aria-describedby={`${id}-tags-hint${tagError ? ` ${id}-tags-error` : ""}`}
          />
          <button type="submit" className="button button--small" disabled={tagging}>
            {tagging ? "Saving…" : "Save tags"}
          </button>
          <p id={`${id}-tags-hint`} className="field-hint">
            Separate tags with commas.
          </p>
          {tagError && (
            <p id={`${id}-tags-error`} className="field-error">
              {tagError}
            </p>
          )}
        </form>
      ) : (
        <p className="muted">{claim.tags.length > 0 ? <TagList tags={claim.tags} /> : "No tags."}</p>
      )}
      <FormMessage state={tagState} />
    </section>
  );
}
