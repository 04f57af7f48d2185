"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

/** Where the reader's side panel becomes a sheet over the text (the width `.reader` drops its second column at). */
const NARROW = "(max-width: 1000px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the screen is narrow enough for the sheet (false on the server). */
function useNarrowScreen() {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

/**
 * The reader's side panel as a sheet on a narrow screen: open while it shows a claim (or a form,
 * passages, suggestions), or the claim list once asked for. When it opens the focus moves into
 * it, and when it closes the focus goes back where it was (the text, or the Claims button).
 */
export function useClaimsSheet(showingDetail: boolean) {
  const narrow = useNarrowScreen();
  const [listOpen, setListOpen] = useState(false);
  const open = showingDetail || listOpen;
  const sheetRef = useRef<HTMLElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    const opened = open && !wasOpen.current;
    const closed = !open && wasOpen.current;
    wasOpen.current = open;
    if (!narrow) return;
    const sheet = sheetRef.current;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (opened && sheet && !sheet.contains(active)) {
      returnTo.current = active;
      sheet.focus();
    } else if (closed && returnTo.current?.isConnected) {
      returnTo.current.focus();
    }
  }, [open, narrow]);

  const showList = useCallback(() => setListOpen(true), []);
  const hideList = useCallback(() => setListOpen(false), []);
  return { narrow, open, sheetRef, showList, hideList };
}
