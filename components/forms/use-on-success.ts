"use client";

import { useEffect, useRef } from "react";
import type { DoneState, FormState } from "@/lib/actions/form-state";

/** Calls `onSuccess` once each time an action returns a successful state. */
export function useOnSuccess<Data>(state: FormState<Data>, onSuccess: (state: DoneState<Data>) => void) {
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    if (state.status === "ok") onSuccess(state);
  }, [state, onSuccess]);
}
