"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * Loads JSON from one of the search module's read routes; `reload` after a change, or
 * `replace` with data already in hand.
 * `url` null loads nothing (the panel is closed).
 */
export function useJson<T>(url: string | null) {
  const [data, setData] = useState<{ url: string; value: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        // A request given up while its body arrives fails here too: it is not an answer.
        const body = await response.json().catch((failure: Error) => {
          throw failure.name === "AbortError" ? failure : new Error("The server's answer could not be read.");
        });
        if (!response.ok) throw new Error(body.error ?? "That could not be loaded.");
        setData({ url, value: body as T });
        setError(null);
      })
      .catch((failure: Error) => {
        if (failure.name !== "AbortError") setError(failure.message);
      });
    return () => controller.abort();
  }, [url, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  /** Shows `value` as the URL's data without loading it (an action's answer already carried it). */
  const replace = useCallback((value: T) => {
    if (url) setData({ url, value });
    setError(null);
  }, [url]);
  // Data for another URL (another claim) is never shown while the new one loads.
  return { data: data && data.url === url ? data.value : null, error, reload, replace };
}
