/**
 * A Server-Sent Events client for the live stream (GET /api/live), as a browser's
 * EventSource reads it, for the benchmark and the two-server test: each event with the time
 * it arrived.
 */
export interface StreamEvent {
  id: string;
  kind: string;
  claimId: string | null;
  actorName: string | null;
  /** performance.now() when it arrived. */
  at: number;
}

export interface EventStream {
  events: StreamEvent[];
  /** Resolves with the first event (already received or to come) that `match` accepts. */
  waitFor(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

export async function openEventStream(url: string, cookieHeader: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Cookie: cookieHeader, Accept: "text/event-stream" }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`The live stream answered ${response.status}: ${await response.text()}`);
  const events: StreamEvent[] = [];
  const waiters = new Set<{ match: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let text = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += value;
      const frames = text.split("\n\n");
      text = frames.pop()!;
      for (const frame of frames) {
        const id = /^id: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!id || !data) continue;
        const event = { id, ...(JSON.parse(data) as Omit<StreamEvent, "id" | "at">), at: performance.now() };
        events.push(event);
        for (const waiter of waiters) if (waiter.match(event)) waiter.resolve(event);
      }
    }
  })();
  return {
    events,
    waitFor(match, timeoutMs = 10_000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (event: StreamEvent) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(event);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching live event within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => abort.abort(),
  };
}
