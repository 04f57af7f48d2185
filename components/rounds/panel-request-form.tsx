"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { FormAction } from "@/lib/actions/form-state";
import type { UserRef } from "@/lib/claims/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";
import { PanelFields } from "@/components/rounds/rounds-section";

/**
 * Editors: asks a panel of reviewers to work blind on an article (independent verdicts on
 * every claim, or blind marking), as a folded form on the article's page.
 */
export function PanelRequestForm({
  articleId,
  people,
  action: serverAction,
  summary,
  label,
  hint,
  submit,
  idPrefix,
}: {
  articleId: string;
  people: UserRef[];
  action: FormAction<undefined>;
  /** The folded form's summary line. */
  summary: string;
  /** The form's accessible name. */
  label: string;
  hint?: string;
  submit: { idle: string; pending: string };
  idPrefix: string;
}) {
  const [state, action, pending, form] = useFormAction(serverAction);
  const [round, setRound] = useState(0);
  const router = useRouter();
  useOnSuccess(state, () => {
    setRound((n) => n + 1);
    router.refresh();
  });
  return (
    <details className="card details-form article-rounds">
      <summary>{summary}</summary>
      <form ref={form} action={action} className="panel-form" noValidate aria-label={label}>
        {hint && <p className="field-hint">{hint}</p>}
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <PanelFields key={round} state={state} people={people} idPrefix={idPrefix} />
        <button className="button button--small" type="submit" disabled={pending}>
          {pending ? submit.pending : submit.idle}
        </button>
      </form>
    </details>
  );
}
