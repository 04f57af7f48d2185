import "server-only";
import { Client } from "pg";
import { prisma } from "@/lib/db/client";
import { concerns, EVENT_KEEP_MS, LIVE_CHANNEL, latestEventId, readEvents, readEventsAfter, toMessage, type LiveEventRow, type LiveMessage, type LiveTopics, type LiveViewer } from "@/lib/live/events";
import { expirePresence } from "@/lib/live/presence";

/**
 * The process's one listening connection (LISTEN verity_events) and the live streams open
 * on this server. A NOTIFY names an event; the hub reads it once (with its article, for the
 * visibility rule) and hands it to each stream it concerns. After its connection drops,
 * the hub reconnects and catches up from the last event it saw, so no stream misses one.
 */
export interface Subscriber {
  viewer: LiveViewer;
  topics: LiveTopics;
  send(id: string, message: LiveMessage): void;
}

const RECONNECT_MS = 1_000;
const HOUSEKEEPING_MS = 15_000;

class Hub {
  private readonly subscribers = new Set<Subscriber>();
  private client: Client | null = null;
  private starting: Promise<void> | null = null;
  private lastId = "0";
  private pending: string[] = [];
  private delivering: Promise<void> = Promise.resolve();
  private housekeeping: NodeJS.Timeout | null = null;

  /** Adds a stream; resolves once the hub listens, so no event after this call is missed. Returns its removal. */
  async subscribe(subscriber: Subscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    await this.start().catch((error: unknown) => {
      this.subscribers.delete(subscriber);
      throw error;
    });
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** How many streams this process holds open (the benchmark and tests read it). */
  get size() {
    return this.subscribers.size;
  }

  private start(): Promise<void> {
    this.starting ??= this.connect().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async connect() {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    client.on("notification", (notification) => {
      if (notification.channel === LIVE_CHANNEL && notification.payload) this.received([notification.payload]);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    // The first connection starts from now; a reconnection catches up from the last event seen.
    if (!this.housekeeping) this.lastId = await latestEventId();
    this.client = client;
    if (!this.housekeeping) {
      this.housekeeping = setInterval(() => void this.tidy(), HOUSEKEEPING_MS);
      this.housekeeping.unref();
    }
  }

  /** The listening connection went away: listen again, then deliver what was announced meanwhile. */
  private lost(client: Client) {
    if (this.client !== client) return;
    this.client = null;
    this.starting = null;
    client.end().catch(() => undefined);
    this.reconnect(this.lastId);
  }

  private reconnect(since: string) {
    setTimeout(() => {
      // Nobody is listening: nothing to catch up on, so the hub rests until the next stream
      // starts it afresh (and a test's dropped database is not dialled forever).
      if (this.subscribers.size === 0) return this.rest();
      this.start().then(
        () => this.deliver(() => readEventsAfter(since)),
        () => this.reconnect(since),
      );
    }, RECONNECT_MS).unref();
  }

  private received(ids: string[]) {
    this.pending.push(...ids);
    // Notifications that arrive together are read with one query.
    this.deliver(async () => readEvents(this.pending.splice(0)));
  }

  private deliver(read: () => Promise<LiveEventRow[]>) {
    this.delivering = this.delivering.then(async () => {
      const events = await read().catch(() => []);
      for (const event of events) {
        if (BigInt(event.id) > BigInt(this.lastId)) this.lastId = event.id;
        const message = toMessage(event);
        for (const subscriber of this.subscribers) {
          if (concerns(subscriber.viewer, subscriber.topics, event)) subscriber.send(event.id, message);
        }
      }
    });
  }

  /** Stops listening and forgets every stream: for a process, or a test file, that is ending. */
  async close() {
    this.subscribers.clear();
    this.rest();
    const client = this.client;
    this.client = null;
    this.starting = null;
    await client?.end().catch(() => undefined);
  }

  private rest() {
    if (this.housekeeping) clearInterval(this.housekeeping);
    this.housekeeping = null;
  }

  /** Drops events older than any page would replay, and presence whose server went away. */
  private async tidy() {
    await prisma.liveEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - EVENT_KEEP_MS) } } }).catch(() => undefined);
    await expirePresence().catch(() => undefined);
  }
}

// One hub per process (dev hot reloads would otherwise open a connection each time).
const holder = globalThis as unknown as { verityLiveHub?: Hub };
export const liveHub: Hub = (holder.verityLiveHub ??= new Hub());
