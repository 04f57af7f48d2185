"use client";

import { useRouter } from "next/navigation";
import { assignArticleAction } from "@/lib/assignments/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { describedBy, Field, FormMessage, invalid } from "@/components/forms/field";

/** An editor's form on an article: whom it is assigned to (all its claims to mark and check), and by when. */
export function AssignArticleForm({ articleId, assignee, dueOn, people }: { articleId: string; assignee: { id: string; name: string } | null; dueOn: string; people: { id: string; name: string }[] }) {
  const router = useRouter();
  const [state, action, pending, form] = useFormAction(assignArticleAction);
  useOnSuccess(state, () => router.refresh());
  const choices = assignee && !people.some((p) => p.id === assignee.id) ? [...people, assignee] : people;
  return (
    <details className="details-form article-assign">
      <summary>{assignee ? `Assigned to ${assignee.name}` : "Assign this article"}</summary>
      <form ref={form} action={action} className="assign-form" noValidate>
        <input type="hidden" name="articleId" value={articleId} />
        <Field name="assigneeId" id="article-assignee" label="Assign to" state={state}>
          <select
            id="article-assignee"
            name="assigneeId"
            defaultValue={state.values?.assigneeId ?? assignee?.id ?? ""}
            aria-invalid={invalid(state, "assigneeId")}
            aria-describedby={describedBy(state, "assigneeId")}
          >
            <option value="">Nobody</option>
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="dueOn" id="dueOn" label="Due date (optional)" type="date" defaultValue={dueOn} state={state} />
        <button type="submit" className="button button--small" disabled={pending}>
          {pending ? "Saving…" : "Save assignment"}
        </button>
      </form>
      <FormMessage state={state} />
    </details>
  );
}
