"use client";

import { useCallback, useMemo, useState } from "react";
import type { ClaimSummary } from "@/lib/claims/types";

/**
 * The claims as the page was rendered, plus those marked here since: a new claim comes back
 * from its action and is added here, rather than the page being rendered again. A new
 * rendering of the page (after other changes) replaces the list.
 */
export function useReaderClaims(pageClaims: ClaimSummary[]) {
  const [claims, setClaims] = useState(pageClaims);
  const [renderedClaims, setRenderedClaims] = useState(pageClaims);
  if (pageClaims !== renderedClaims) {
    setRenderedClaims(pageClaims);
    setClaims(pageClaims);
  }
  const anchored = useMemo(
    () => claims.filter((claim) => claim.anchorStatus === "ANCHORED").sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset),
    [claims],
  );
  const addClaim = useCallback((claim: ClaimSummary) => setClaims((current) => withClaimInTextOrder(current, claim)), []);
  return { claims, anchored, addClaim };
}

/**
 * The claims with a new one where the page lists it: by start, then by id (a new claim's id
 * sorts after those of the claims already there), once.
 */
function withClaimInTextOrder(list: ClaimSummary[], claim: ClaimSummary): ClaimSummary[] {
  // A live update may have rendered the page with the new claim before its action answered.
  const claims = list.filter((other) => other.id !== claim.id);
  const at = claims.findIndex((other) => other.startOffset > claim.startOffset);
  return at === -1 ? [...claims, claim] : [...claims.slice(0, at), claim, ...claims.slice(at)];
}
