/** What a form's Server Action returns to `useActionState`. */
export interface FormState {
  status: "idle" | "ok" | "error";
  message?: string;
  /** Messages per form field, shown beside the field. */
  fieldErrors?: Record<string, string[] | undefined>;
  /**
   * Set in the browser (components/forms/use-form-action.ts), never by an action: after
   * an error, what was submitted (passwords left out), to refill the form that React reset.
   */
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle" };
