import type { ClaimConflict } from "@/lib/claims/types";
import type { ClaimRefusal, ExistingArticle } from "@/lib/errors";

interface FormStateFields {
  message?: string;
  /** Messages per form field, shown beside the field. */
  fieldErrors?: Record<string, string[] | undefined>;
  /**
   * Set in the browser (components/forms/use-form-action.ts), never by an action: after
   * an error, what was submitted (passwords left out), to refill the form that React reset.
   */
  values?: Record<string, string>;
  /** On a conflicting edit: the record as it is now, so the user can compare and retry. */
  current?: ClaimConflict;
  /** On a refused bulk action: each claim that could not be changed, and why (nothing was). */
  refusals?: ClaimRefusal[];
  /** On an import of an article Verity already has: the articles it would copy. */
  duplicates?: ExistingArticle[];
}

/**
 * What a form's Server Action returns to `useActionState`. A successful state carries
 * what the action produced (`Data`, e.g. the new record), for the client to follow up.
 */
export type FormState<Data = unknown> = FormStateFields &
  ({ status: "idle" | "error"; data?: undefined } | { status: "ok"; data: Data });

/** A successful state of an action whose result is `Data`. */
export type DoneState<Data> = Extract<FormState<Data>, { status: "ok" }>;

/** A form's Server Action, as `useActionState` calls it. */
export type FormAction<Data> = (previous: FormState, formData: FormData) => Promise<FormState<Data>>;

export const initialFormState: FormState<never> = { status: "idle" };
