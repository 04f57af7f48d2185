"use client";

import { useRouter } from "next/navigation";
import { closeMarkingAction } from "@/lib/marking/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { FormMessage } from "@/components/forms/field";

/** Editors: closes a blind marking before everyone has finished, revealing the marks made. */
export function CloseMarkingForm({ roundId }: { roundId: string }) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(closeMarkingAction);
  useOnSuccess(state, () => router.refresh());
  return (
    <form action={action} className="panel-form">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <button className="button button--quiet button--small" type="submit" disabled={pending}>
        Close now and reveal the marks made
      </button>
    </form>
  );
}
