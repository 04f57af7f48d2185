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

it("reports an error to the connection that made it and keeps serving", async () => {
  const client = await connect();
  await expect(client.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  await client.query("BEGIN");
  await expect(client.query("INSERT INTO note (body) VALUES (NULL)")).rejects.toThrow(/null value/);
  await client.query("ROLLBACK");
  expect((await client.query("SELECT $1::int AS n", [7])).rows[0].n).toBe(7);
});
