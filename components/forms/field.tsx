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
  children,
}: {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  /** A custom control (e.g. a select) instead of an input. */
  children?: React.ReactNode;
}) {
  const errors = state.fieldErrors?.[name];
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children ?? (
        <input
          id={name}
          name={name}
          type={type}
          // After an error, what the user typed (React resets the form once its action has run).
          defaultValue={state.values?.[name] ?? defaultValue}
          autoComplete={autoComplete}
          required={required}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? errorId : undefined}
        />
      )}
      {errors && (
        <p id={errorId} className="field-error">
          {errors[0]}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p role={state.status === "error" ? "alert" : "status"} className={`form-message form-message--${state.status === "ok" ? "ok" : "error"}`}>
      {state.message}
    </p>
  );
}
