"use client";

import { useState } from "react";
import type { ClaimDetail } from "@/lib/claims/types";
import { useJson } from "@/components/search/use-json";

/** JSON turns dates into strings; the panel only formats them, so it takes either. */
type Wire<T> = T extends Date ? string : T extends Array<infer U> ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
export type ClaimDetailData = Wire<ClaimDetail>;

/** Loads the open claim's panel data; `reload` after a change, `stamp` reloads when the claim changed elsewhere. */
export function useClaimDetail(claimId: string, stamp: string | undefined) {
  const { data, error, reload } = useJson<ClaimDetailData>(`/api/claims/${encodeURIComponent(claimId)}`);
  // A new stamp loads the claim again while the panel keeps showing the one it has.
  const [loadedStamp, setLoadedStamp] = useState(stamp);
  if (stamp !== loadedStamp) {
    setLoadedStamp(stamp);
    reload();
  }
  return { detail: data, error, reload };
}
