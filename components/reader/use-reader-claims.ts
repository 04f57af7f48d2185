"use client";

import { useCallback, useMemo, useState } from "react";
import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";

/** A claim as an action answers it: its summary, and its evidence (to tell which passages it still cites). */
export type AnsweredClaim = ClaimSummary & { evidence: { id: string }[] };

/**
 * The claims and this article's evidence passages as the page was rendered, with the changes
 * made here since: a new, changed or deleted claim comes back from its action and is taken in
 * here, rather than the page being rendered again. A new rendering of the page (after other
 * changes) replaces both.
 */
export function useReaderClaims(pageClaims: ClaimSummary[], pagePassages: PassageSummary[]) {
  const [claims, setClaims] = useState(pageClaims);
  const [passages, setPassages] = useState(pagePassages);
  const [rendered, setRendered] = useState({ claims: pageClaims, passages: pagePassages });
  if (pageClaims !== rendered.claims || pagePassages !== rendered.passages) {
    setRendered({ claims: pageClaims, passages: pagePassages });
    setClaims(pageClaims);
    setPassages(pagePassages);
  }
  const anchored = useMemo(
    () => claims.filter((claim) => claim.anchorStatus === "ANCHORED").sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset),
    [claims],
  );
  const addClaim = useCallback((claim: ClaimSummary) => setClaims((current) => withClaimInTextOrder(current, claim)), []);
  // A claim as an action answered it replaces the listed one unless the list already has a newer version (a live update came first).
  const updateClaim = useCallback((claim: AnsweredClaim) => {
    setClaims((current) => current.map((other) => (other.id === claim.id && other.version <= claim.version ? claim : other)));
    setPassages((current) => withClaimInPassages(current, claim));
  }, []);
  const removeClaim = useCallback((id: string) => {
    setClaims((current) => current.filter((claim) => claim.id !== id));
    setPassages((current) => current.filter((passage) => passage.claim.id !== id));
  }, []);
  return { claims, anchored, passages, addClaim, updateClaim, removeClaim };
}

/**
 * This article's passages after a change to a claim: those it no longer cites are gone, the
 * others tell its new restatement, verdict and state. (A passage newly cited from this article
 * is added where it is chosen, the evidence bar, which renders the page again.)
 */
export function withClaimInPassages(passages: PassageSummary[], claim: AnsweredClaim): PassageSummary[] {
  if (!passages.some((passage) => passage.claim.id === claim.id)) return passages;
  const cited = new Set(claim.evidence.map((item) => item.id));
  return passages.flatMap((passage) => {
    if (passage.claim.id !== claim.id) return [passage];
    if (!cited.has(passage.id)) return [];
    return [{ ...passage, claim: { ...passage.claim, restatement: claim.restatement, verdict: claim.verdict, state: claim.state } }];
  });
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
