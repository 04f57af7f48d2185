"use client";

import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

/**
 * `useActionState` for a form whose input must survive an error: React resets a form
 * once its action has run, so after an error the fields are refilled (via
 * `state.values`, which `Field` reads) with what was submitted. Passwords are not kept.
 */
export function useFormAction(serverAction: (previous: FormState, formData: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(serverAction, initialFormState);
  const [submitted, setSubmitted] = useState<Record<string, string>>();

  function action(formData: FormData) {
    const values: Record<string, string> = {};
    for (const [key, value] of formData) {
      if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
    }
    setSubmitted(values);
    dispatch(formData);
  }

  return [state.status === "error" && submitted ? { ...state, values: submitted } : state, action, pending] as const;
}
