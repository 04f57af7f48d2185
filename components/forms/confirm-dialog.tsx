"use client";

import { useId, useRef, type ReactNode } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

/**
 * A button that asks before it acts: it opens a modal dialog (the browser's <dialog>: focus
 * moves in, Escape cancels, the page behind is inert) naming the consequences, whose form
 * runs the Server Action. The outcome is announced next to the button.
 */
export function ConfirmDialog<Data>({
  label,
  title,
  confirmLabel,
  danger = false,
  action,
  fields,
  children,
}: {
  label: string;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  action: FormAction<Data>;
  /** The form's hidden fields. */
  fields: Record<string, string>;
  /** What will happen, in words. */
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending, form] = useFormAction(action);
  const id = useId();
  useOnSuccess(state, () => dialog.current?.close());
  return (
    <div className="confirm-action">
      <button type="button" className={`button button--small ${danger ? "button--danger" : ""}`} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      {state.status === "ok" && <FormMessage state={state} />}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <form ref={form} action={formAction}>
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`} className="confirm-dialog__body">
            {children}
          </div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {state.status === "error" && <FormMessage state={state} />}
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={`button ${danger ? "button--danger" : ""}`} disabled={pending}>
              {pending ? "Saving…" : confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
