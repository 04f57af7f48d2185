"use client";

import type { UserRef } from "@/lib/claims/types";
import { openMarkingAction } from "@/lib/marking/actions";
import { PanelRequestForm } from "@/components/rounds/panel-request-form";

/** Editors: asks a panel to mark the article's claims blind, each without seeing the others' marks. */
export function OpenMarkingForm({ articleId, people }: { articleId: string; people: UserRef[] }) {
  return (
    <PanelRequestForm
      articleId={articleId}
      people={people}
      action={openMarkingAction}
      summary="Ask for blind marking…"
      label="Ask for blind marking"
      hint="Each reviewer marks the claims they find without seeing the others’ marks. When all have finished, you merge the marks into claims."
      submit={{ idle: "Ask for blind marking", pending: "Asking…" }}
      idPrefix="marking"
    />
  );
}
