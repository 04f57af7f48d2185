import net from "node:net";
import { Client } from "pg";
import { parse, serialize } from "pg-protocol";
import type { BackendMessage } from "pg-protocol/dist/messages";
import { PGlite } from "@electric-sql/pglite";
import { serveOverWire, type WireServer } from "@/lib/db/wire-server";

// Many `pg` connections on one PGlite session, as the app's pool uses the embedded database.
let db: PGlite;
let server: WireServer;
const clients: Client[] = [];

async function connect() {
  const client = new Client({ connectionString: `postgresql://postgres@${server.address}/postgres` });
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  db = await PGlite.create();
  server = await serveOverWire(db, { host: "127.0.0.1", port: 0 });
  await db.exec("CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL)");
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  await db.exec("TRUNCATE note");
});

afterAll(async () => {
  await server.close();
  await db.close();
});

/** A connection speaking the protocol by hand, to send an exchange in two halves. */
async function rawConnection() {
  const [host, port] = server.address.split(":");
  const socket = net.connect(Number(port), host);
  const messages: BackendMessage[] = [];
  let waiter: (() => void) | undefined;
  void parse(socket, (message) => {
    messages.push(message);
    if (message.name === "readyForQuery") waiter?.();
  });
  const readyForQuery = () => new Promise<void>((resolve) => (waiter = resolve));
  const ready = readyForQuery();
  socket.write(serialize.startup({ user: "postgres", database: "postgres" }));
  await ready;
  return { socket, messages, readyForQuery };
}

it("runs a connection's Parse/Bind/Execute as one exchange, whatever another connection sends in between", async () => {
  const a = await rawConnection();
  const b = await connect();
  // A sends half of its exchange (Parse, Bind) and stops; B runs a whole query; A sends the rest.
  a.socket.write(Buffer.concat([serialize.parse({ text: "SELECT $1::text AS v" }), serialize.bind({ values: ["from A"] })]));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await b.query("SELECT $1::text AS v, 2 AS n", ["from B"])).rows).toEqual([{ v: "from B", n: 2 }]);
  const done = a.readyForQuery();
  a.socket.write(Buffer.concat([serialize.execute(), serialize.sync()]));
  await done;
  a.socket.end(serialize.end());
  const rows = a.messages.filter((m) => m.name === "dataRow").map((m) => (m as unknown as { fields: string[] }).fields);
  expect(a.messages.filter((m) => m.name === "error")).toEqual([]);
  expect(rows).toEqual([["from A"]]);
});

it("answers every connection's parameterised queries with its own rows while all run at once", async () => {
  const connections = await Promise.all(Array.from({ length: 12 }, connect));
  const answers = await Promise.all(
    connections.map(async (client, c) => {
      const wrong: string[] = [];
      for (let i = 0; i < 25; i++) {
        const value = `connection ${c}, query ${i}`;
        // Different shapes, so an interleaved Bind would fail or return another query's rows.
        const { rows } = i % 2 ? await client.query("SELECT $1::text AS v", [value]) : await client.query("SELECT $1::text AS v, $2::int AS n", [value, i]);
        if (rows[0].v !== value) wrong.push(`${value} got ${rows[0].v}`);
      }
      return wrong;
    }),
  );
  expect(answers.flat()).toEqual([]);
});

it("gives an open transaction the session until it commits: others wait, then see its rows", async () => {
  const [writer, reader] = await Promise.all([connect(), connect()]);
  await writer.query("BEGIN");
  await writer.query("INSERT INTO note (body) VALUES ($1)", ["inside the transaction"]);
  let counted: number | undefined;
  const count = reader.query("SELECT count(*)::int AS n FROM note").then(({ rows }) => (counted = rows[0].n));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(counted).toBeUndefined();
  await writer.query("INSERT INTO note (body) VALUES ($1)", ["still inside"]);
  await writer.query("COMMIT");
  await count;
  expect(counted).toBe(2);
});

it("rolls back the transaction of a connection that goes away, and lets the others go on", async () => {
  const [quitter, other] = await Promise.all([connect(), connect()]);
  await quitter.query("BEGIN");
  await quitter.query("INSERT INTO note (body) VALUES ('never committed')");
  const waiting = other.query("SELECT count(*)::int AS n FROM note");
  quitter.on("error", () => undefined); // its connection is cut below, on purpose
  (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  expect((await waiting).rows[0].n).toBe(0);
  expect((await other.query("SELECT 1 AS ok")).rows[0].ok).toBe(1);
});

// A Ctrl-C of the embedded database closes the server, then PGlite: a connection still holding a
// transaction must have rolled it back first, not after PGlite is gone (which crashed the process).
it("rolls back every connection's open transaction before close() resolves, so the database can close after it", async () => {
  const ownDb = await PGlite.create();
  const own = await serveOverWire(ownDb, { host: "127.0.0.1", port: 0 });
  const client = new Client({ connectionString: `postgresql://postgres@${own.address}/postgres` });
  client.on("error", () => undefined); // its connection is cut by the close, on purpose
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT 1");
  await own.close();
  expect(ownDb.isInTransaction()).toBe(false);
  await ownDb.close();
});

it("reports an error to the connection that made it and keeps serving", async () => {
  const client = await connect();
  await expect(client.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  await client.query("BEGIN");
  await expect(client.query("INSERT INTO note (body) VALUES (NULL)")).rejects.toThrow(/null value/);
  await client.query("ROLLBACK");
  expect((await client.query("SELECT $1::int AS n", [7])).rows[0].n).toBe(7);
});

// LISTEN/NOTIFY as live updates use it (lib/live/hub.ts): the same expectations on the wire
// server and, when one is configured, on a real PostgreSQL server.
const databases: Array<[string, () => string]> = [["the wire server", () => `postgresql://postgres@${server.address}/postgres`]];
if (process.env.TEST_DATABASE_URL) databases.push(["PostgreSQL", () => process.env.TEST_DATABASE_URL!]);
describe.each(databases)("LISTEN/NOTIFY on %s", (_name, url) => {
  async function open() {
    const client = new Client({ connectionString: url() });
    await client.connect();
    clients.push(client);
    return client;
  }

  function received(client: Client) {
    const payloads: string[] = [];
    client.on("notification", (message) => payloads.push(`${message.channel}:${message.payload}`));
    return payloads;
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  const channel = `live_${Math.random().toString(36).slice(2, 8)}`;

  it("delivers a notification to every connection that listens on its channel, and to no other", async () => {
    const [first, second, deaf, writer] = await Promise.all([open(), open(), open(), open()]);
    const [toFirst, toSecond, toDeaf, toWriter] = [received(first), received(second), received(deaf), received(writer)];
    await first.query(`LISTEN ${channel}`);
    await second.query(`LISTEN ${channel}`);
    await deaf.query(`LISTEN ${channel}_other`);
    await writer.query("SELECT pg_notify($1, $2)", [channel, "7"]);
    await settle();
    expect(toFirst).toEqual([`${channel}:7`]);
    expect(toSecond).toEqual([`${channel}:7`]);
    expect(toDeaf).toEqual([]);
    expect(toWriter).toEqual([]);
  });

  it("delivers a transaction's notifications on commit, and none of a rolled-back one", async () => {
    const [listener, writer] = await Promise.all([open(), open()]);
    const payloads = received(listener);
    await listener.query(`LISTEN ${channel}`);
    await writer.query("BEGIN");
    await writer.query("SELECT pg_notify($1, 'committed')", [channel]);
    await settle();
    expect(payloads).toEqual([]);
    await writer.query("COMMIT");
    await writer.query("BEGIN");
    await writer.query("SELECT pg_notify($1, 'rolled back')", [channel]);
    await writer.query("ROLLBACK");
    await settle();
    expect(payloads).toEqual([`${channel}:committed`]);
  });

  it("stops delivering after UNLISTEN, and the listener's own queries still get their answers", async () => {
    const [listener, writer] = await Promise.all([open(), open()]);
    const payloads = received(listener);
    await listener.query(`LISTEN ${channel}`);
    await writer.query("SELECT pg_notify($1, 'before')", [channel]);
    await settle();
    expect((await listener.query("SELECT 41 + 1 AS n")).rows).toEqual([{ n: 42 }]);
    await listener.query(`UNLISTEN ${channel}`);
    await writer.query("SELECT pg_notify($1, 'after')", [channel]);
    await settle();
    expect(payloads).toEqual([`${channel}:before`]);
  });
});
