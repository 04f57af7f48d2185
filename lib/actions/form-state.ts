/** What a form's Server Action returns to `useActionState`. */
export interface FormState<Data = unknown> {
  status: "idle" | "ok" | "error";
  message?: string;
  /** Messages per form field, shown beside the field. */
  fieldErrors?: Record<string, string[] | undefined>;
  /**
   * Set in the browser (components/forms/use-form-action.ts), never by an action: after
   * an error, what was submitted (passwords left out), to refill the form that React reset.
   */
  values?: Record<string, string>;
  /** What the action produced (e.g. the id of a new record), for the client to follow up. */
  data?: Data;
  /** On a conflicting edit: the record as it is now, so the user can compare and retry. */
  current?: unknown;
}

export const initialFormState: FormState = { status: "idle" };
