import type { FormState } from "@/lib/actions/form-state";

/** A labelled input with its error message wired up for screen readers. */
export function Field({
  name,
  label,
  state,
  type = "text",
  defaultValue,
  autoComplete,
  required,
  multiline,
  id = name,
  hint,
  list,
  children,
}: {
  name: string;
  /** The control's id, when the same field name appears in more than one form on a page. */
  id?: string;
  /** A textarea instead of an input. */
  multiline?: boolean;
  /** A short help text under the label. */
  hint?: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  /** The id of a <datalist> of suggestions for the input. */
  list?: string;
  /** A custom control (e.g. a select) instead of an input. */
  children?: React.ReactNode;
}) {
  const errors = state.fieldErrors?.[name];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const control = {
    id,
    name,
    // After an error, what the user typed (React resets the form once its action has run).
    defaultValue: state.values?.[name] ?? defaultValue,
    required,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": [hint && hintId, errors && errorId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children ?? (multiline ? <textarea rows={4} {...control} /> : <input type={type} autoComplete={autoComplete} list={list} {...control} />)}
      {errors && (
        <p id={errorId} className="field-error">
          {errors[0]}
        </p>
      )}
    </div>
  );
}

/** The ids a custom control's aria-describedby names: its hint, and its error when it has one. */
export function describedBy(state: FormState, name: string, hint?: string) {
  return [hint, state.fieldErrors?.[name] && `${name}-error`].filter(Boolean).join(" ") || undefined;
}

/** A custom control's aria-invalid. */
export function invalid(state: FormState, name: string) {
  return state.fieldErrors?.[name] ? true : undefined;
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    // Focusable, so a form can take a user to its error (components/forms/use-form-action.ts).
    <p role={state.status === "error" ? "alert" : "status"} tabIndex={-1} className={`form-message form-message--${state.status === "ok" ? "ok" : "error"}`}>
      {state.message}
    </p>
  );
}
