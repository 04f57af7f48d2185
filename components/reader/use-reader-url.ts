"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import type { Span } from "@/components/reader/highlight-specs";

/*
 * What the reader has open (?claim=, ?passage=, ?at=) is kept in the address without telling
 * Next.js's router. Told (history.replaceState with a state of our own), the router takes each
 * change for a navigation and fetches the page for its new search; a refresh already on its way
 * for the old search (a live update, a Server Action) then no longer matches, and the router
 * reloads the whole page, losing what was typed or selected. Not told, the router writes its
 * own address back whenever its state changes: useReaderUrl puts the reader's back.
 */
let readerUrl: string | null = null;

function writeReaderUrl() {
  if (readerUrl === null || window.location.href === readerUrl) return;
  // With Next.js's mark on the state, its patched replaceState passes the change through.
  window.history.replaceState({ ...window.history.state, __NA: true }, "", readerUrl);
}

/** Sets (or, for null, removes) query parameters of the page's URL without a navigation. */
export function replaceUrlParams(params: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  readerUrl = url.href;
  writeReaderUrl();
}

/** Keeps the reader's address after the router's renders, until the router navigates for real. */
export function useReaderUrl() {
  const routerUrl = `${usePathname()}?${useSearchParams().toString()}`;
  const seen = useRef(routerUrl);
  useLayoutEffect(() => {
    if (seen.current === routerUrl) return writeReaderUrl();
    // A link to another claim of this article: the router's address is the one wanted now.
    seen.current = routerUrl;
    readerUrl = null;
  });
  useLayoutEffect(() => () => void (readerUrl = null), []);
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
