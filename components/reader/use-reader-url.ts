"use client";

import { useState } from "react";
import { useSearchParams } from "next/navigation";
import type { Span } from "@/components/reader/highlight-specs";

/** Sets (or, for null, removes) query parameters of the page's URL without a navigation. */
export function replaceUrlParams(params: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  // Not window.history.state: Next.js ignores history entries carrying its own state, so its
  // router would not learn the new URL and would drop ?claim= on its next refresh.
  window.history.replaceState(null, "", url);
}

/** ?at=<start>-<end>: a span of the text to scroll to and highlight (a search result, a suggested passage). */
function spanParam(value: string | null, text: string): Span | null {
  const match = /^(\d{1,10})-(\d{1,10})$/.exec(value ?? "");
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < end && end <= text.length ? { start, end } : null;
}

/**
 * The span named by the link that opened the page (?at=…, from search) until it is let go,
 * and the search's words (?q=…).
 */
export function useFoundSpan(text: string) {
  const searchParams = useSearchParams();
  const [found, setFound] = useState<Span | null>(() => spanParam(searchParams.get("at"), text));
  return { found, foundBy: searchParams.get("q"), setFound };
}
