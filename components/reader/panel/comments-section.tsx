"use client";

import { useRef } from "react";
import { addCommentAction } from "@/lib/claims/actions";
import { formatDateTime } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import type { ClaimComment } from "@/lib/claims/types";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

/** The claim's comments, and a form to add one. */
export function CommentsSection({ claim, onChanged }: { claim: ClaimDetailData; onChanged: () => void }) {
  const [state, action, pending, form] = useFormAction(addCommentAction);
  // After posting, the focus goes to the heading, which tells the new count.
  const heading = useRef<HTMLHeadingElement>(null);
  useOnSuccess(state, () => {
    onChanged();
    heading.current?.focus();
  });
  return (
    <section aria-labelledby="comments-heading" className="panel-section">
      <h3 id="comments-heading" tabIndex={-1} ref={heading}>
        Comments ({claim.comments.length})
      </h3>
      <ol className="comment-list">
        {claim.comments.map((comment) => (
          <li key={comment.id}>
            <CommentContent comment={comment} />
          </li>
        ))}
      </ol>
      {claim.permissions.canComment && (
        <form ref={form} action={action} className="panel-form" noValidate key={state.status === "ok" ? state.message : "form"}>
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <input type="hidden" name="claimId" value={claim.id} />
          <Field name="body" id="comment-body" label="Add a comment" multiline state={state} />
          <button className="button button--small" type="submit" disabled={pending}>
            {pending ? "Posting…" : "Comment"}
          </button>
        </form>
      )}
    </section>
  );
}

/** One comment as it reads: its author, when, and what it says (the panel and the queue). */
export function CommentContent({ comment }: { comment: Omit<ClaimComment, "createdAt"> & { createdAt: Date | string } }) {
  return (
    <>
      <p className="comment__meta">
        <strong>{comment.author.name}</strong> <span className="muted">{formatDateTime(comment.createdAt)}</span>
      </p>
      <p className="comment__body">{comment.body}</p>
    </>
  );
}
