"use client";

import { setDigestAction } from "@/lib/notifications/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormMessage } from "@/components/forms/field";
import { MAIL_NOT_SET_UP } from "@/lib/notifications/mail-messages";

const CHOICES = [
  { value: "OFF", label: "Off" },
  { value: "HOURLY", label: "Hourly" },
  { value: "DAILY", label: "Daily" },
] as const;

/** The account page's email digest choice; disabled, with the reason, when the server has no SMTP settings. */
export function DigestForm({ current, mailConfigured }: { current: "HOURLY" | "DAILY" | null; mailConfigured: boolean }) {
  const [state, action, pending, form] = useFormAction(setDigestAction);
  const chosen = state.values?.digest ?? current ?? "OFF";
  return (
    <form ref={form} action={action} noValidate>
      <fieldset className="choice-group" disabled={!mailConfigured} aria-describedby="digest-hint">
        <legend>Email me my unread notifications</legend>
        <p id="digest-hint" className="field-hint">
          {mailConfigured ? "A digest lists what arrived since the last one and is still unread; nothing is sent when there is nothing new." : MAIL_NOT_SET_UP}
        </p>
        {CHOICES.map((choice) => (
          <label key={choice.value}>
            <input type="radio" name="digest" value={choice.value} defaultChecked={chosen === choice.value} /> {choice.label}
          </label>
        ))}
        <button type="submit" className="button button--small" disabled={pending}>
          {pending ? "Saving…" : "Save digest"}
        </button>
      </fieldset>
      <FormMessage state={state} />
    </form>
  );
}
