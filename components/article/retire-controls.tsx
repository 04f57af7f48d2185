"use client";

import { retireArticleAction, restoreArticleAction } from "@/lib/articles/actions";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";

/** Retiring and restoring an article (editors), each confirmed in a dialog that names what follows. */
export function RetireControls({ articleId, retired, published }: { articleId: string; retired: boolean; published: boolean }) {
  if (retired) {
    return (
      <ConfirmDialog
        key="retired"
        label="Restore article…"
        title="Restore this article?"
        confirmLabel="Restore"
        action={restoreArticleAction}
        fields={{ articleId }}
      >
        <p>Reviewers see it again in their lists, in search, in suggested evidence and in same-claim matches.</p>
        <p>It is not published again: if it should have a public page, publish it once more.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      key="in-use"
      label="Retire article…"
      title="Retire this article?"
      confirmLabel="Retire"
      danger
      action={retireArticleAction}
      fields={{ articleId }}
    >
      <ul>
        <li>Reviewers no longer see it: it leaves their lists, search, suggested evidence and same-claim matches.</li>
        {published ? (
          <li>Its public page is taken down: the address says the fact-check was withdrawn, and when.</li>
        ) : (
          <li>It has no public page, and cannot be published while retired.</li>
        )}
        <li>Its claims, evidence and history are kept for the record. Editors still find it under the “Retired” filter and can restore it.</li>
      </ul>
    </ConfirmDialog>
  );
}
