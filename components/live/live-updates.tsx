"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { UserRef } from "@/lib/claims/types";
import type { LiveMessage } from "@/lib/live/events";

/** How long a burst of events is gathered into one refresh of the page. */
const REFRESH_DEBOUNCE_MS = 100;

interface Live {
  /** Tells the others which claim's edit form this page has open (null: none). */
  setEditing(claimId: string | null): void;
  /** Who last changed a claim while this page was open. */
  changedBy(claimId: string): string | null;
  /** The others who have the claim's edit form open. */
  editors(claimId: string): UserRef[];
}

const LiveContext = createContext<Live>({ setEditing: () => undefined, changedBy: () => null, editors: () => [] });

export const useLive = () => useContext(LiveContext);

/**
 * The page's one live stream (GET /api/live, Server-Sent Events). An event says only that
 * something the page shows changed: the page is rendered again (router.refresh) and reads
 * it through the same authorised reads as any request. Forms keep what the user typed:
 * React keeps their state and their fields across the refresh.
 */
export function LiveUpdates({
  follow,
  since,
  editing = {},
  children,
}: {
  follow: { article?: string; queue?: boolean; mywork?: boolean };
  /** The newest event when the page was rendered: the stream starts after it, so nothing in between is missed. */
  since: string;
  /** From the page's presence: who else edits which claim. */
  editing?: Record<string, UserRef[]>;
  children?: ReactNode;
}) {
  const router = useRouter();
  const lastId = useRef(since);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [editingClaim, setEditingClaim] = useState<string | null>(null);
  const [changes, setChanges] = useState<Record<string, string>>({});

  const query = new URLSearchParams();
  if (follow.article) query.set("article", follow.article);
  if (follow.queue) query.set("queue", "1");
  if (follow.mywork) query.set("mywork", "1");
  if (editingClaim) query.set("editing", editingClaim);
  const path = `/api/live?${query.toString()}`;

  useEffect(() => {
    // A new stream (the page opened, or started or stopped editing) starts after the last event seen;
    // EventSource itself sends Last-Event-ID when it reconnects the same stream.
    const source = new EventSource(`${path}&since=${encodeURIComponent(lastId.current)}`);
    source.onmessage = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId.current = event.lastEventId;
      const message = JSON.parse(event.data) as LiveMessage;
      if (message.claimId && message.kind !== "presence" && message.actorName) {
        const { claimId, actorName } = message;
        setChanges((current) => ({ ...current, [claimId]: actorName }));
      }
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), REFRESH_DEBOUNCE_MS);
    };
    return () => {
      source.close();
      clearTimeout(refreshTimer.current);
    };
  }, [path, router]);

  const changedBy = useCallback((claimId: string) => changes[claimId] ?? null, [changes]);
  const editors = useCallback((claimId: string) => editing[claimId] ?? [], [editing]);
  const live = useMemo(() => ({ setEditing: setEditingClaim, changedBy, editors }), [changedBy, editors]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
