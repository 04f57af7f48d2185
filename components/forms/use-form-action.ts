"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { initialFormState, type FormAction, type FormState } from "@/lib/actions/form-state";
import { useLive } from "@/components/live/live-updates";

/**
 * `useActionState` for a form whose input must survive an error: React resets a form
 * once its action has run, so after an error the fields are refilled (via
 * `state.values`, which `Field` reads) with what was submitted. Passwords are not kept.
 * The state carries the type of the action's data.
 *
 * The returned ref goes on the `<form>`: after an error the focus goes to its first field
 * with an error, else to its message (the submit button, disabled while the action ran,
 * has let the focus fall to the page's body).
 *
 * On a page with live updates the action runs as the page's own write, so its echo on the
 * live stream does not render the page again.
 */
export function useFormAction<Data>(serverAction: FormAction<Data>) {
  const { ownWrite } = useLive();
  const run = useMemo<FormAction<Data>>(
    () => (ownWrite ? (previous, formData) => ownWrite(() => serverAction(previous, formData)) : serverAction),
    [ownWrite, serverAction],
  );
  const [state, dispatch, pending] = useActionState<FormState<Data>, FormData>(run, initialFormState);
  const [submitted, setSubmitted] = useState<Record<string, string>>();
  const form = useRef<HTMLFormElement>(null);

  function action(formData: FormData) {
    const values: Record<string, string> = {};
    for (const [key, value] of formData) {
      if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
    }
    setSubmitted(values);
    dispatch(formData);
  }

  useEffect(() => {
    if (state.status !== "error" || !form.current) return;
    const target =
      form.current.querySelector<HTMLElement>("[aria-invalid=true]") ??
      form.current.querySelector<HTMLElement>(".form-message") ??
      form.current.querySelector<HTMLElement>("[type=submit]");
    target?.focus();
  }, [state]);

  return [state.status === "error" && submitted ? { ...state, values: submitted } : state, action, pending, form] as const;
}
