/**
 * The production web server `npm start` runs: Next.js's own request handler behind a plain
 * Node HTTP server, which tells the app who is connected. `next start` cannot: it keeps
 * an X-Forwarded-For the client sent and fills it from the socket only when there is
 * none, so the login throttle could not tell a real address from a made-up one.
 * Here the socket's address goes into a header of our own on every request, written over
 * whatever a client sent in it, and VERITY_PEER_ADDRESS_HEADER names that header for
 * lib/auth/client-address.ts (Next runs the app in this process).
 */
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-verity-peer-address";
process.env.VERITY_PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
}).listen(port, () => console.log(`✓ Ready on port ${port}`));
