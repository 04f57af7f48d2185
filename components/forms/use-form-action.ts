"use client";

import { useActionState, useState } from "react";
import { initialFormState, type FormAction, type FormState } from "@/lib/actions/form-state";

/**
 * `useActionState` for a form whose input must survive an error: React resets a form
 * once its action has run, so after an error the fields are refilled (via
 * `state.values`, which `Field` reads) with what was submitted. Passwords are not kept.
 * The state carries the type of the action's data.
 */
export function useFormAction<Data>(serverAction: FormAction<Data>) {
  const [state, dispatch, pending] = useActionState<FormState<Data>, FormData>(serverAction, initialFormState);
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
