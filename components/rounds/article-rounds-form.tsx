"use client";

import type { UserRef } from "@/lib/claims/types";
import { openArticleRoundsAction } from "@/lib/rounds/actions";
import { PanelRequestForm } from "@/components/rounds/panel-request-form";

/** Editors: asks the same panel for independent verdicts on every claim of the article that can have a round. */
export function ArticleRoundsForm({ articleId, people }: { articleId: string; people: UserRef[] }) {
  return (
    <PanelRequestForm
      articleId={articleId}
      people={people}
      action={openArticleRoundsAction}
      summary="Ask for independent verdicts on every claim…"
      label="Ask for independent verdicts on every claim"
      submit={{ idle: "Ask on every claim", pending: "Asking…" }}
      idPrefix="article-round"
    />
  );
}
