import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { COMPRESS_FROM, holdActionAnswer, isActionCall } from "./action-answers.mjs";

// Next's own compression middleware, which it puts on every response after ours.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nextCompression = require("next/dist/compiled/compression") as () => (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

// A stand-in for Next behind scripts/next-server.mjs: its compression middleware, then an
// action's answer streamed as Next streams it (headers flushed first, then chunk by chunk,
// each flushed), recording the headers Next was given.
let server: Server;
let seenByNext: IncomingHttpHeaders;
let answer: string[];

beforeAll(async () => {
  const compress = nextCompression();
  server = createServer((request, response) => {
    if (isActionCall(request)) holdActionAnswer(request, response);
    compress(request, response, () => {
      seenByNext = { ...request.headers };
      response.setHeader("Content-Type", "text/x-component");
      response.setHeader("Vary", "rsc, next-router-state-tree");
      response.flushHeaders();
      for (const chunk of answer) {
        response.write(new TextEncoder().encode(chunk));
        (response as ServerResponse & { flush?: () => void }).flush?.();
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function call(method: string, headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const sent = httpRequest({ host: "127.0.0.1", port, path: "/articles/a1", method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

const action = { "Next-Action": "7f00", "Accept-Encoding": "gzip, deflate, br" };

test("a Server Action's short answer goes out whole and uncompressed, in one response with its length", async () => {
  answer = ['0:{"a":"$@1"}\n', '1:{"status":"ok","message":"Claim marked."}\n'];
  const { headers, body } = await call("POST", action);
  expect(seenByNext["accept-encoding"]).toBeUndefined();
  expect(headers["content-encoding"]).toBeUndefined();
  expect(headers["transfer-encoding"]).toBeUndefined();
  expect(Number(headers["content-length"])).toBe(body.length);
  expect(body.toString()).toBe(answer.join(""));
  expect(headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
});

test("a Server Action's long answer (a revalidated page with it) is gzipped", async () => {
  const row = `2:["$","li",null,{"children":"A claim on the page"}]\n`;
  answer = Array.from({ length: Math.ceil(COMPRESS_FROM / row.length) + 1 }, () => row);
  const { headers, body } = await call("POST", action);
  expect(headers["content-encoding"]).toBe("gzip");
  expect(Number(headers["content-length"])).toBe(body.length);
  expect(body.length).toBeLessThan(COMPRESS_FROM);
  expect(gunzipSync(body).toString()).toBe(answer.join(""));
});

test("a long answer stays uncompressed for a client that does not take gzip", async () => {
  answer = ["x".repeat(COMPRESS_FROM * 2)];
  const { headers, body } = await call("POST", { "Next-Action": "7f00", "Accept-Encoding": "identity" });
  expect(headers["content-encoding"]).toBeUndefined();
  expect(body.toString()).toBe(answer[0]);
});

test("pages and posts that are not Server Action calls are left to Next: it sees the client's Accept-Encoding", async () => {
  answer = ["<!DOCTYPE html>"];
  for (const [method, headers] of [
    ["GET", { "Accept-Encoding": "gzip" }],
    ["POST", { "Accept-Encoding": "gzip" }],
  ] as const) {
    const sent = await call(method, headers);
    expect(seenByNext["accept-encoding"]).toBe("gzip");
    expect(sent.headers["transfer-encoding"]).toBe("chunked");
  }
});
