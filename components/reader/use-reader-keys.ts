"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/** What the reader's keys do; a key whose action is null is left to the page. */
export interface ReaderKeys {
  /** M: mark the selected text as a claim; false when nothing is selected. */
  mark: () => boolean;
  /** E: use the selected text as evidence for the claim being gathered for. */
  addEvidence: (() => void) | null;
  /** J/N and K/P: the next and the previous claim of the list. */
  step: (direction: 1 | -1) => void;
  /** Escape: back to the claim list. */
  close: (() => void) | null;
}

/** The reader's single-letter keys, anywhere on the page but in a form field. */
export function useReaderKeys(keys: ReaderKeys) {
  // One listener for the page's life, reading the latest actions.
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      // ProseMirror marks Escape as handled in the (read-only) text without doing anything with
      // it, so Escape after clicking a highlight still goes back to the list.
      const swallowedEscape = event.key === "Escape" && target.closest(".ProseMirror") !== null;
      if ((event.defaultPrevented && !swallowedEscape) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target.closest("input, textarea, select")) return;
      const { mark, addEvidence, step, close } = latest.current;
      const key = event.key.toLowerCase();
      const handled =
        (key === "m" && mark()) ||
        (key === "e" && addEvidence !== null && (addEvidence(), true)) ||
        ((key === "j" || key === "n") && (step(1), true)) ||
        ((key === "k" || key === "p") && (step(-1), true)) ||
        (key === "escape" && close !== null && (close(), true));
      if (handled) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
