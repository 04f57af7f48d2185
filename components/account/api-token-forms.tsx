"use client";

import { useId } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { Field, FormMessage } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";

export function CreateApiTokenForm() {
  const [state, action, pending] = useFormAction(createApiTokenAction);
  const scope = state.values?.scope ?? "READ";
  return (
    <form action={action} key={state.status === "ok" ? state.data.id : "form"} noValidate>
      <FormMessage state={state} />
      {state.status === "ok" && (
        <div className="token-secret">
          <label htmlFor="new-token">Your new token</label>
          <input id="new-token" className="token-secret__value" readOnly value={state.data.secret} onFocus={(event) => event.currentTarget.select()} data-testid="new-token" />
        </div>
      )}
      <Field name="name" label="Name" hint="The tool that will use it, e.g. “Hypothesis sync”." state={state} autoComplete="off" required />
      <fieldset className="choice-group">
        <legend>It may</legend>
        <label>
          <input type="radio" name="scope" value="READ" defaultChecked={scope === "READ"} /> read annotations
        </label>
        <label>
          <input type="radio" name="scope" value="READ_WRITE" defaultChecked={scope === "READ_WRITE"} /> read, create, change and delete annotations
        </label>
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Making…" : "Make token"}
      </button>
    </form>
  );
}

export function RevokeApiTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useFormAction(revokeApiTokenAction);
  const id = useId();
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${name}”? Tools using it stop working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button className="button button--quiet button--small" type="submit" disabled={pending} aria-describedby={`${id}-status`}>
        Revoke<span className="sr-only"> {name}</span>
      </button>
      {state.status === "error" && (
        <p id={`${id}-status`} role="alert" className="form-status form-status--error">
          {state.message}
        </p>
      )}
    </form>
  );
}
