/** What a form's Server Action returns to `useActionState`. */
export interface FormState {
  status: "idle" | "ok" | "error";
  message?: string;
  /** Messages per form field, shown beside the field. */
  fieldErrors?: Record<string, string[] | undefined>;
}

export const initialFormState: FormState = { status: "idle" };
