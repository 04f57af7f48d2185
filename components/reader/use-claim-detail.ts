"use client";

import { useState } from "react";
import type { ClaimDetail, ClaimSummary } from "@/lib/claims/types";
import { useJson } from "@/components/search/use-json";

/**
 * JSON turns dates into strings, an action's answer keeps them dates (React's encoding); the
 * panel only formats them, so it takes either.
 */
type Wire<T> = T extends Date ? Date | string : T extends Array<infer U> ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
export type ClaimDetailData = Wire<ClaimDetail>;

/** What tells whether the panel's claim is the list's: the version, and the comments, which leave it. */
const stampOf = (claim: Pick<ClaimSummary, "version" | "commentCount">) => `${claim.version}:${claim.commentCount}`;

/**
 * Loads the open claim's panel data; `reload` after a change, `replace` with the claim an
 * action answered with. When `listed` (the claim as the reader's list has it) changes to
 * something other than the panel's claim, someone else changed it: it is loaded again.
 */
export function useClaimDetail(claimId: string, listed: Pick<ClaimSummary, "version" | "commentCount">) {
  const { data, error, reload, replace } = useJson<ClaimDetailData>(`/api/claims/${encodeURIComponent(claimId)}`);
  const stamp = stampOf(listed);
  // A new stamp loads the claim again while the panel keeps showing the one it has.
  const [loadedStamp, setLoadedStamp] = useState(stamp);
  if (stamp !== loadedStamp) {
    setLoadedStamp(stamp);
    if (!data || stampOf(data) !== stamp) reload();
  }
  return { detail: data, error, reload, replace };
}
