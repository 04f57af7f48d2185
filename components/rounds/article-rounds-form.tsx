"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { UserRef } from "@/lib/claims/types";
import { openArticleRoundsAction } from "@/lib/rounds/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";
import { PanelFields } from "@/components/rounds/rounds-section";

/** Editors: asks the same panel for independent verdicts on every claim of the article that can have a round. */
export function ArticleRoundsForm({ articleId, people }: { articleId: string; people: UserRef[] }) {
  const [state, action, pending, form] = useFormAction(openArticleRoundsAction);
  const [round, setRound] = useState(0);
  const router = useRouter();
  useOnSuccess(state, () => {
    setRound((n) => n + 1);
    router.refresh();
  });
  return (
    <details className="card details-form article-rounds">
      <summary>Ask for independent verdicts on every claim…</summary>
      <form ref={form} action={action} className="panel-form" noValidate aria-label="Ask for independent verdicts on every claim">
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <PanelFields key={round} state={state} people={people} idPrefix="article-round" />
        <button className="button button--small" type="submit" disabled={pending}>
          {pending ? "Asking…" : "Ask on every claim"}
        </button>
      </form>
    </details>
  );
}
