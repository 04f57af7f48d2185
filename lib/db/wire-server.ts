import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite database over the PostgreSQL wire protocol to any number of connections.
 *
 * PGlite is a single session, so connections take turns on it: everything a connection sends
 * up to a Sync or a simple Query (one Parse/Bind/Describe/Execute/Sync exchange) runs as one
 * batch, and a connection that leaves a transaction open keeps the session until it ends the
 * transaction or disconnects (which rolls it back). pglite-socket, used before, took turns per
 * message and only kept a session during transactions, so two connections' Parse/Bind/Execute
 * interleaved: "unnamed prepared statement does not exist", "portal does not exist", or one
 * connection's query answered with another's rows (electric-sql/pglite issue 1046).
 *
 * LISTEN/NOTIFY: on the one session, a notification comes back in the reply of whichever
 * connection's batch committed it. The server takes it out of that reply and sends it to
 * every connection that issued LISTEN on its channel, as PostgreSQL does.
 */
export interface WireServer {
  /** "127.0.0.1:PORT" */
  address: string;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
// Extended-protocol messages that wait for the Sync that ends their exchange.
const PART_OF_EXCHANGE = new Set(["P", "B", "D", "E", "C"]);

export async function serveOverWire(db: PGlite, options: { host: string; port: number }): Promise<WireServer> {
  const session = new SessionTurns();
  const listeners = new Listeners();
  const connections = new Map<net.Socket, Connection>();
  // Each gone connection's rollback and release, which close() waits for, so the database closes after them.
  const closings = new Set<Promise<void>>();
  const finish = (connection: Connection) => {
    const closing = connection.closed();
    closings.add(closing);
    void closing.finally(() => closings.delete(closing));
  };
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const connection = new Connection(db, session, listeners, socket);
    connections.set(socket, connection);
    socket.on("data", (chunk) => connection.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      connections.delete(socket);
      finish(connection);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as net.AddressInfo;
  return {
    address: `${address}:${port}`,
    close: async () => {
      // Finished here too: a socket's "close" may come only after the server's.
      for (const [socket, connection] of connections) {
        finish(connection);
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(closings);
    },
  };
}

/** Whose turn it is on the one session; the others wait in order. */
class SessionTurns {
  private owner: object | null = null;
  private waiting: Array<{ who: object; start: () => void }> = [];

  async take(who: object) {
    if (this.owner === who) return;
    if (this.owner === null) {
      this.owner = who;
      return;
    }
    await new Promise<void>((start) => this.waiting.push({ who, start }));
  }

  holds(who: object) {
    return this.owner === who;
  }

  release(who: object) {
    if (this.owner !== who) return;
    const next = this.waiting.shift();
    this.owner = next?.who ?? null;
    next?.start();
  }
}

/** Which connections listen on which channels, and the notifications they are sent. */
class Listeners {
  private readonly channels = new Map<string, Set<Connection>>();
  /** Whether any connection ever listened (until then, replies are not searched for notifications). */
  everUsed = false;

  /** Notes the LISTEN and UNLISTEN commands among a batch's simple queries and Parse messages. */
  noteCommands(connection: Connection, bytes: Buffer) {
    for (const { type, body } of messages(bytes)) {
      if (type !== "Q" && type !== "P") continue;
      // A Parse message starts with the statement's name; a Query with its text.
      const text = type === "Q" ? cString(body, 0) : cString(body, body.indexOf(0) + 1);
      for (const match of text.matchAll(/(?:^|;)\s*(UN)?LISTEN\s+("[^"]+"|[^\s;]+)/gi)) {
        const channel = match[2].startsWith('"') ? match[2].slice(1, -1) : match[2].toLowerCase();
        if (match[1]) this.remove(connection, channel === "*" ? null : channel);
        else this.add(connection, channel);
      }
    }
  }

  add(connection: Connection, channel: string) {
    this.everUsed = true;
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(connection);
  }

  /** Stops a connection listening on a channel, or on all (null). */
  remove(connection: Connection, channel: string | null) {
    for (const [name, set] of this.channels) if (channel === null || name === channel) set.delete(connection);
  }

  /** Takes the notifications out of a reply, sends them to their listeners, and returns the rest. */
  deliver(reply: Uint8Array): Uint8Array {
    if (!this.everUsed) return reply;
    const bytes = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
    const found = messages(bytes).filter(({ type }) => type === "A");
    if (found.length === 0) return reply;
    for (const notification of found) {
      const channel = cString(notification.body, 4);
      for (const connection of this.channels.get(channel) ?? []) connection.send(notification.bytes);
    }
    return Buffer.concat(messages(bytes).flatMap(({ type, bytes: message }) => (type === "A" ? [] : [message])));
  }
}

/** The protocol messages in a buffer of whole messages (type byte, length, body). */
function messages(bytes: Buffer): Array<{ type: string; body: Buffer; bytes: Buffer }> {
  const found = [];
  for (let at = 0; at + 5 <= bytes.length; ) {
    const end = at + 1 + bytes.readInt32BE(at + 1);
    found.push({ type: String.fromCharCode(bytes[at]), body: bytes.subarray(at + 5, end), bytes: bytes.subarray(at, end) });
    at = end;
  }
  return found;
}

function cString(bytes: Buffer, start: number): string {
  const end = bytes.indexOf(0, start);
  return bytes.toString("utf8", start, end === -1 ? bytes.length : end);
}

/** Messages to run together; `keepsTurn` when they end with a Flush, whose exchange goes on. */
interface Batch {
  bytes: Buffer;
  keepsTurn: boolean;
  /** The startup message, which has no type byte. */
  startup?: boolean;
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private exchange: Buffer[] = [];
  private work = Promise.resolve();
  /** Set once the connection has gone (closed() was called): its queued batches are not run. */
  private closing: Promise<void> | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly session: SessionTurns,
    private readonly listeners: Listeners,
    private readonly socket: net.Socket,
  ) {}

  /** Sends a message that did not answer this connection's query (a notification). */
  send(message: Buffer) {
    if (!this.socket.destroyed) this.socket.write(message);
  }

  receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let batch = this.next(); batch !== null; batch = this.next()) {
      if (batch === "wait") continue;
      const ready = batch;
      this.work = this.work
        .then(() => this.run(ready))
        .catch(() => {
          this.socket.destroy();
        });
    }
  }

  /** Ends the connection's turns (once, however often it is called): once its batches are done, a transaction it left open is rolled back. */
  closed(): Promise<void> {
    return (this.closing ??= this.finishTurns());
  }

  private async finishTurns() {
    this.listeners.remove(this, null);
    await this.work;
    if (this.session.holds(this) && this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => undefined);
    this.session.release(this);
  }

  /** The next batch to run; "wait" when a message was handled or waits for the rest of its exchange; null for more input. */
  private next(): Batch | "wait" | null {
    if (!this.started) return this.startup();
    if (this.buffer.length < 5) return null;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return null;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    const type = String.fromCharCode(message[0]);
    if (type === "X") {
      this.socket.end();
      return "wait";
    }
    this.exchange.push(message);
    if (PART_OF_EXCHANGE.has(type)) return "wait";
    const bytes = Buffer.concat(this.exchange);
    this.exchange = [];
    return { bytes, keepsTurn: type === "H" };
  }

  /** Before the startup message: encryption requests (refused) and cancel requests (not supported). */
  private startup(): Batch | "wait" | null {
    if (this.buffer.length < 8) return null;
    const length = this.buffer.readInt32BE(0);
    const code = this.buffer.readInt32BE(4);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.buffer = this.buffer.subarray(8);
      this.socket.write("N"); // the server listens on 127.0.0.1 only
      return "wait";
    }
    if (this.buffer.length < length) return null;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (code === CANCEL_REQUEST) {
      this.socket.end(); // a query always runs to its end
      return "wait";
    }
    this.started = true;
    return { bytes: message, keepsTurn: false, startup: true }; // PGlite answers the startup message itself
  }

  private async run(batch: Batch) {
    await this.session.take(this);
    if (this.closing) return;
    if (!batch.startup) this.listeners.noteCommands(this, batch.bytes);
    const reply = this.listeners.deliver(await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array(batch.bytes))));
    if (reply.length > 0 && !this.socket.destroyed) this.socket.write(reply);
    if (!batch.keepsTurn && !this.db.isInTransaction()) this.session.release(this);
  }
}
