import type { FormAction, FormState } from "@/lib/actions/form-state";

export const FORM_NOT_SENT_MESSAGE = "The form could not be sent. Please check your connection and try again.";

/**
 * The browser's side of a form route (lib/http/form-route.ts): an action for
 * useActionState that posts the form's data to `url` and returns the FormState answered.
 */
export function formRequest<Data>(url: string): FormAction<Data> {
  return async (_previous, formData) => {
    try {
      const response = await fetch(url, { method: "POST", body: formData });
      const answer = (await response.json()) as FormState<Data> | { error?: unknown };
      if ("status" in answer) return answer;
      // A refusal before the form was read (a body too large) says `{ error }`.
      return { status: "error", message: typeof answer.error === "string" ? answer.error : FORM_NOT_SENT_MESSAGE };
    } catch {
      return { status: "error", message: FORM_NOT_SENT_MESSAGE };
    }
  };
}
