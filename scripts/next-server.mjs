/**
 * The production web server `npm start` runs: Next.js's own request handler behind a plain
 * Node HTTP server, which tells the app who is connected. `next start` cannot: it keeps
 * an X-Forwarded-For the client sent and fills it from the socket only when there is
 * none, so the login throttle could not tell a real address from a made-up one.
 * Here the socket's address goes into a header of our own on every request, written over
 * whatever a client sent in it, and VERITY_PEER_ADDRESS_HEADER names that header for
 * lib/auth/client-address.ts (Next runs the app in this process).
 *
 * With VERITY_WORKERS=N (N > 1) it runs N such servers on one port with Node's cluster
 * module, which hands connections to the workers in turn. Nothing is kept in a worker's
 * memory between requests (sessions are signed cookies; throttles, locks and data live in
 * the database), so any worker can answer any request. A worker that dies is replaced.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { holdActionAnswer, isActionCall } from "./action-answers.mjs";

const PEER_ADDRESS_HEADER = "x-verity-peer-address";
process.env.VERITY_PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number.parseInt(process.env.VERITY_WORKERS ?? "1", 10) || 1);

if (cluster.isPrimary && workers > 1) superviseWorkers();
else await serve();

async function serve() {
  const app = next({ dev: false, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    if (isActionCall(request)) holdActionAnswer(request, response);
    void handle(request, response);
  }).listen(port, () => {
    if (cluster.isWorker) process.send?.("listening");
    else console.log(`✓ Ready on port ${port}`);
  });
}

function superviseWorkers() {
  let stopping = false;
  let listening = 0;
  cluster.on("message", (_worker, message) => {
    if (message === "listening" && ++listening === workers) console.log(`✓ Ready on port ${port} (${workers} server processes)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    });
  }
  for (let i = 0; i < workers; i++) cluster.fork();
}
