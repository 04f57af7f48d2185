"use client";

import { useEffect, useState } from "react";
import type { WorkProgressState } from "@/lib/progress/schemas";

/** How often a running piece of work is asked how far it has got. */
const POLL_MS = 400;

/**
 * A new id for a piece of work, as a random UUID. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); Verity opened over plain http on a network address is not one.
 */
function newProgressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id to send with a long piece of work (a hidden `progressId` field), and, while
 * `running`, how far the server says it has got. Each run gets a new id.
 */
export function useWorkProgress(running: boolean) {
  const [id, setId] = useState(newProgressId);
  const [progress, setProgress] = useState<WorkProgressState | null>(null);
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const ask = async () => {
      try {
        const response = await fetch(`/api/progress/${id}`, { cache: "no-store" });
        // Not found: not started yet, or just finished; the work's own answer follows.
        if (!stopped && response.ok) setProgress((await response.json()) as WorkProgressState);
      } catch {
        // A missed answer only leaves the bar where it was.
      }
    };
    const timer = setInterval(ask, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
      setId(newProgressId());
    };
  }, [running, id]);
  return { progressId: id, progress };
}

/**
 * A progress bar with counts ("Submitting claims: 120 of 1,000") while the server's figures
 * are known; before that, a bar without a value and `waiting`.
 */
export function WorkProgressBar({ progress, waiting, unit }: { progress: WorkProgressState | null; waiting: string; unit?: string }) {
  const text = progress ? `${progress.label}: ${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")}${unit ? ` ${unit}` : ""}` : waiting;
  return (
    <span className="work-progress">
      {progress ? <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={text} /> : <progress aria-label={text} />}
      <span>{text}</span>
    </span>
  );
}
