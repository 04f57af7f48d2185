"use client";

import { useActionState, useId } from "react";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "@/lib/users/actions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { ROLE_LABELS } from "@/lib/auth/roles";

const ROLE_OPTIONS = Object.entries(ROLE_LABELS);

// The role selects are keyed by their default: React does not pass a new defaultValue on to
// a select it has drawn, and resets the form to the select's first default once an action has
// run. A new key draws it anew with the value to keep (what was chosen, after an error).

export function CreateUserForm() {
  const [state, action, pending] = useFormAction(createUserAction);
  const errors = state.fieldErrors?.role;
  const role = state.values?.role ?? "REVIEWER";
  return (
    // A successful create resets the form (its key changes with the message).
    <form action={action} key={state.status === "ok" ? state.message : "form"} noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Name" state={state} autoComplete="off" required />
      <Field name="email" label="Email" type="email" state={state} autoComplete="off" required />
      <Field name="role" label="Role" state={state}>
        <select id="role" name="role" key={role} defaultValue={role} aria-invalid={errors ? true : undefined} aria-describedby={errors ? "role-error" : undefined}>
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="password" label="Initial password (at least 10 characters)" type="password" state={state} autoComplete="new-password" required />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}

function InlineStatus({ state, id }: { state: FormState; id: string }) {
  const message = Object.values(state.fieldErrors ?? {})[0]?.[0] ?? state.message;
  if (!message) return null;
  return (
    <p id={id} role={state.status === "error" ? "alert" : "status"} className={`form-status form-status--${state.status === "ok" ? "ok" : "error"}`}>
      {message}
    </p>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, action, pending] = useFormAction(changeRoleAction);
  const chosen = state.values?.role ?? role;
  const id = useId();
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`${id}-role`}>
        Role
      </label>
      <select id={`${id}-role`} name="role" key={chosen} defaultValue={chosen} aria-describedby={`${id}-status`}>
        {ROLE_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button className="button button--quiet button--small" type="submit" disabled={pending}>
        Change role
      </button>
      <InlineStatus state={state} id={`${id}-status`} />
    </form>
  );
}

export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="inline-form" key={state.status === "ok" ? state.message : "form"}>
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`${id}-password`}>
        New password for {name}
      </label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        placeholder="New password"
        autoComplete="new-password"
        aria-invalid={state.fieldErrors?.password ? true : undefined}
        aria-describedby={`${id}-status`}
      />
      <button className="button button--quiet button--small" type="submit" disabled={pending}>
        Reset password
      </button>
      <InlineStatus state={state} id={`${id}-status`} />
    </form>
  );
}

export function DisableUserForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(setDisabledAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <button className={`button button--small ${disabled ? "button--quiet" : "button--danger"}`} type="submit" disabled={pending} aria-describedby={`${id}-status`}>
        {disabled ? "Enable" : "Disable"}
      </button>
      <InlineStatus state={state} id={`${id}-status`} />
    </form>
  );
}
