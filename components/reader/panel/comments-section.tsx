"use client";

import { useEffect, useRef, useState } from "react";
import { addCommentAction } from "@/lib/claims/actions";
import { formatDateTime } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { describedBy, Field, FormMessage, invalid } from "@/components/forms/field";
import { MentionTextarea } from "@/components/notifications/mention-textarea";
import type { ClaimComment } from "@/lib/claims/types";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

const MENTION_HINT = "Type @ and a name to notify someone.";

/** The claim's comments, each with its replies indented under it, a Reply button per thread, and a form to start one. */
export function CommentsSection({ claim, onChanged }: { claim: ClaimDetailData; onChanged: (claim: ClaimDetailData) => void }) {
  // After posting, the focus goes to the heading, which tells the new count.
  const heading = useRef<HTMLHeadingElement>(null);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const posted = (next: ClaimDetailData) => {
    setReplyingTo(null);
    onChanged(next);
    heading.current?.focus();
  };
  const threads = claim.comments.filter((comment) => comment.parentId === null);
  const repliesTo = (id: string) => claim.comments.filter((comment) => comment.parentId === id);
  useScrollToLinkedComment(claim.comments.length);
  return (
    <section aria-labelledby="comments-heading" className="panel-section">
      <h3 id="comments-heading" tabIndex={-1} ref={heading}>
        Comments ({claim.comments.length})
      </h3>
      <ol className="comment-list">
        {threads.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} tabIndex={-1}>
            <CommentContent comment={comment} />
            {repliesTo(comment.id).length > 0 && (
              <ol className="comment-replies" aria-label={`Replies to ${comment.author.name}`}>
                {repliesTo(comment.id).map((reply) => (
                  <li key={reply.id} id={`comment-${reply.id}`} tabIndex={-1}>
                    <CommentContent comment={reply} />
                  </li>
                ))}
              </ol>
            )}
            {claim.permissions.canComment &&
              (replyingTo === comment.id ? (
                <CommentForm claimId={claim.id} parent={comment} onPosted={posted} onCancel={() => setReplyingTo(null)} />
              ) : (
                <button type="button" className="link-button" onClick={() => setReplyingTo(comment.id)} aria-label={`Reply to ${comment.author.name}`}>
                  Reply
                </button>
              ))}
          </li>
        ))}
      </ol>
      {claim.permissions.canComment && <CommentForm claimId={claim.id} parent={null} onPosted={posted} />}
    </section>
  );
}

/** A new comment, or (with `parent`) a reply in its thread. */
function CommentForm({
  claimId,
  parent,
  onPosted,
  onCancel,
}: {
  claimId: string;
  parent: { id: string; author: { name: string } } | null;
  /** The claim with the new comment. */
  onPosted: (claim: ClaimDetailData) => void;
  onCancel?: () => void;
}) {
  const [state, action, pending, form] = useFormAction(addCommentAction);
  useOnSuccess(state, (done) => onPosted(done.data.claim));
  const id = parent ? `reply-${parent.id}` : "comment-body";
  const hintId = `${id}-hint`;
  return (
    <form ref={form} action={action} className={`panel-form${parent ? " comment-reply-form" : ""}`} noValidate key={state.status === "ok" ? state.message : "form"}>
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="claimId" value={claimId} />
      {parent && <input type="hidden" name="parentId" value={parent.id} />}
      <Field name="body" id={id} label={parent ? `Reply to ${parent.author.name}` : "Add a comment"} hint={MENTION_HINT} state={state}>
        <MentionTextarea
          id={id}
          name="body"
          rows={parent ? 2 : 4}
          autoFocus={parent !== null}
          defaultValue={state.values?.body}
          aria-invalid={invalid(state, "body")}
          aria-describedby={[hintId, describedBy(state, "body")].filter(Boolean).join(" ")}
        />
      </Field>
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Posting…" : parent ? "Post reply" : "Comment"}
      </button>
      {onCancel && (
        <button className="button button--quiet button--small" type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

/** A notification's link ends in #comment-<id>: once the comments are there, that comment is scrolled to and focused. */
function useScrollToLinkedComment(count: number) {
  useEffect(() => {
    const hash = window.location.hash;
    if (!hash.startsWith("#comment-")) return;
    const target = document.getElementById(hash.slice(1));
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus();
  }, [count]);
}

/** One comment as it reads: its author, when, and what it says (the panel and the queue). */
export function CommentContent({ comment }: { comment: Omit<ClaimComment, "createdAt" | "parentId"> & { createdAt: Date | string } }) {
  return (
    <>
      <p className="comment__meta">
        <strong>{comment.author.name}</strong> <span className="muted">{formatDateTime(comment.createdAt)}</span>
      </p>
      <p className="comment__body">{comment.body}</p>
    </>
  );
}
