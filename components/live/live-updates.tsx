"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { UserRef } from "@/lib/claims/types";
import type { LiveMessage } from "@/lib/live/events";

/** How long a burst of events is gathered into one refresh of the page. */
const REFRESH_DEBOUNCE_MS = 100;
/** How long after its answer a write's own events may still arrive (they travel by NOTIFY and a read). */
const OWN_ECHO_MS = 5_000;

/** Runs a write this page makes (a form's Server Action). */
type OwnWrite = <T>(write: () => Promise<T>) => Promise<T>;

interface Live {
  /** Tells the others which claim's edit form this page has open (null: none). */
  setEditing(claimId: string | null): void;
  /** Who last changed a claim while this page was open. */
  changedBy(claimId: string): string | null;
  /** The others who have the claim's edit form open. */
  editors(claimId: string): UserRef[];
  /** Runs a write of this page: the viewer's events meanwhile, and shortly after, are its own echo. Null: no live stream. */
  ownWrite: OwnWrite | null;
}

const LiveContext = createContext<Live>({ setEditing: () => undefined, changedBy: () => null, editors: () => [], ownWrite: null });

export const useLive = () => useContext(LiveContext);

/**
 * The page's one live stream (GET /api/live, Server-Sent Events). An event says only that
 * something the page shows changed: the page is rendered again (router.refresh) and reads
 * it through the same authorised reads as any request. Forms keep what the user typed:
 * React keeps their state and their fields across the refresh. The viewer's own changes,
 * made by this page's forms, are not refreshed for: each action's answer brought its change
 * (the claim it changed, or the page rendered again).
 */
export function LiveUpdates({
  follow,
  since,
  viewerId,
  editing = {},
  children,
}: {
  follow: { article?: string; queue?: boolean; mywork?: boolean };
  /** The newest event when the page was rendered: the stream starts after it, so nothing in between is missed. */
  since: string;
  /** The signed-in user, when the page's forms write (children): their own events are not refreshed for. */
  viewerId?: string;
  /** From the page's presence: who else edits which claim. */
  editing?: Record<string, UserRef[]>;
  children?: ReactNode;
}) {
  const router = useRouter();
  const lastId = useRef(since);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [editingClaim, setEditingClaim] = useState<string | null>(null);
  const [changes, setChanges] = useState<Record<string, string>>({});
  // Writes on their way, and when the last one answered.
  const writes = useRef({ pending: 0, answeredAt: -Infinity });
  const ownWrite = useCallback<OwnWrite>(async (write) => {
    writes.current.pending++;
    try {
      return await write();
    } finally {
      writes.current.pending--;
      writes.current.answeredAt = performance.now();
    }
  }, []);

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
      const { pending, answeredAt } = writes.current;
      if (message.actorId === viewerId && (pending > 0 || performance.now() - answeredAt < OWN_ECHO_MS)) return;
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
  }, [path, router, viewerId]);

  const changedBy = useCallback((claimId: string) => changes[claimId] ?? null, [changes]);
  const editors = useCallback((claimId: string) => editing[claimId] ?? [], [editing]);
  const live = useMemo(() => ({ setEditing: setEditingClaim, changedBy, editors, ownWrite: viewerId ? ownWrite : null }), [changedBy, editors, ownWrite, viewerId]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
