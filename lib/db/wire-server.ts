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
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connection = new Connection(db, session, socket);
    socket.on("data", (chunk) => connection.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      sockets.delete(socket);
      void connection.closed();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as net.AddressInfo;
  return {
    address: `${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
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

/** Messages to run together; `keepsTurn` when they end with a Flush, whose exchange goes on. */
interface Batch {
  bytes: Buffer;
  keepsTurn: boolean;
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private exchange: Buffer[] = [];
  private work = Promise.resolve();
  private gone = false;

  constructor(
    private readonly db: PGlite,
    private readonly session: SessionTurns,
    private readonly socket: net.Socket,
  ) {}

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

  /** Ends the connection's turns: once its batches are done, a transaction it left open is rolled back. */
  async closed() {
    this.gone = true;
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
    return { bytes: message, keepsTurn: false }; // PGlite answers the startup message itself
  }

  private async run(batch: Batch) {
    await this.session.take(this);
    if (this.gone) return;
    const reply = await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array(batch.bytes)));
    if (reply.length > 0 && !this.socket.destroyed) this.socket.write(reply);
    if (!batch.keepsTurn && !this.db.isInTransaction()) this.session.release(this);
  }
}
