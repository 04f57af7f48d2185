import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import { NotFoundError } from "@/lib/errors";
import { liveHub } from "@/lib/live/hub";
import { concerns, readEventsAfter, toMessage, type LiveMessage, type LiveTopics } from "@/lib/live/events";
import { enterPresence, leavePresence, refreshPresence } from "@/lib/live/presence";
import type { LiveQuery } from "@/lib/live/schemas";

/** How often an idle stream says it is alive (proxies close silent connections; presence is refreshed). */
export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/**
 * A live stream (Server-Sent Events) for a signed-in user: the events of what the page
 * shows that the user may see, starting after `since` when the page is reconnecting. On an
 * article's page the stream is the user's presence there. Closing the page (the request's
 * abort) frees everything the stream held: its place in the hub, its timer, its presence.
 */
export async function openLiveStream(actor: Actor, query: LiveQuery, since: string | null, signal: AbortSignal): Promise<Response> {
  const topics: LiveTopics = { article: query.article, queue: query.queue === "1", mywork: query.mywork === "1" };
  if (query.article) {
    const article = await prisma.article.findFirst({ where: { id: query.article, ...visibleArticleWhere(actor) }, select: { id: true } });
    if (!article) throw new NotFoundError("That article");
  }
  let editing: string | null = null;
  if (query.editing) {
    const claim = await prisma.claim.findFirst({ where: { id: query.editing, articleId: query.article, ...visibleClaimWhere(actor) }, select: { id: true } });
    if (!claim) throw new NotFoundError("That claim");
    editing = claim.id;
  }

  const encoder = new TextEncoder();
  const streamId = randomUUID();
  const viewer = { id: actor.id, role: actor.role };
  let closed = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // start runs at once, so the controller is there for everything below.
  const body = new ReadableStream<Uint8Array>({
    start: (given) => void (controller = given),
    cancel: () => close(),
  });
  const write = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  const send = (id: string, message: LiveMessage) => write(`id: ${id}\ndata: ${JSON.stringify(message)}\n\n`);
  let unsubscribe = () => {};
  const heartbeat = setInterval(() => {
    write(": heartbeat\n\n");
    if (topics.article) void refreshPresence(streamId).catch(() => undefined);
  }, HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (topics.article) void leavePresence(streamId).catch(() => undefined);
    try {
      controller.close();
    } catch {
      // The browser already went away.
    }
  };

  try {
    write(`retry: ${RETRY_MS}\n\n`);
    // Listening before anything is replayed, so no event falls in between; what arrives live
    // during the replay waits, and is sent after it unless the replay had it.
    let arrived: Map<string, LiveMessage> | null = since ? new Map() : null;
    unsubscribe = await liveHub.subscribe({ viewer, topics, send: (id, message) => (arrived ? arrived.set(id, message) : send(id, message)) });
    if (topics.article) await enterPresence(streamId, viewer, topics.article, editing);
    if (since) {
      const replayed = new Set<string>();
      for (const event of await readEventsAfter(since)) {
        if (!concerns(viewer, topics, event)) continue;
        replayed.add(event.id);
        send(event.id, toMessage(event));
      }
      for (const [id, message] of arrived ?? []) if (!replayed.has(id)) send(id, message);
      arrived = null;
    }
  } catch (error) {
    close();
    throw error;
  }
  signal.addEventListener("abort", close, { once: true });
  if (signal.aborted) close();
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "X-Accel-Buffering": "no", Connection: "keep-alive" },
  });
}
