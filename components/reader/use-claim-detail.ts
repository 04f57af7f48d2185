"use client";

import { useCallback, useEffect, useState } from "react";
import type { ClaimDetail } from "@/lib/claims/types";

/** JSON turns dates into strings; the panel only formats them, so it takes either. */
type Wire<T> = T extends Date ? string : T extends Array<infer U> ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
export type ClaimDetailData = Wire<ClaimDetail>;

/** Loads the open claim's panel data; `reload` after a change, `stamp` reloads when the claim changed elsewhere. */
export function useClaimDetail(claimId: string, stamp: string | undefined) {
  const [detail, setDetail] = useState<ClaimDetailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/claims/${encodeURIComponent(claimId)}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ?? "The claim could not be loaded.");
        setDetail(body as ClaimDetailData);
        setError(null);
      })
      .catch((failure: Error) => {
        if (failure.name !== "AbortError") setError(failure.message);
      });
    return () => controller.abort();
  }, [claimId, stamp, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // A detail of another claim is never shown while the new one loads.
  return { detail: detail?.id === claimId ? detail : null, error, reload };
}
