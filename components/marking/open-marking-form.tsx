"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { UserRef } from "@/lib/claims/types";
import { openMarkingAction } from "@/lib/marking/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";
import { PanelFields } from "@/components/rounds/rounds-section";

/** Editors: asks a panel to mark the article's claims blind, each without seeing the others' marks. */
export function OpenMarkingForm({ articleId, people }: { articleId: string; people: UserRef[] }) {
  const [state, action, pending, form] = useFormAction(openMarkingAction);
  const [round, setRound] = useState(0);
  const router = useRouter();
  useOnSuccess(state, () => {
    setRound((n) => n + 1);
    router.refresh();
  });
  return (
    <details className="card details-form article-rounds">
      <summary>Ask for blind marking…</summary>
      <form ref={form} action={action} className="panel-form" noValidate aria-label="Ask for blind marking">
        <p className="field-hint">Each reviewer marks the claims they find without seeing the others’ marks. When all have finished, you merge the marks into claims.</p>
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <PanelFields key={round} state={state} people={people} idPrefix="marking" />
        <button className="button button--small" type="submit" disabled={pending}>
          {pending ? "Asking…" : "Ask for blind marking"}
        </button>
      </form>
    </details>
  );
}
