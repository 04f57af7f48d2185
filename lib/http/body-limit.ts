import { NextRequest } from "next/server";

/**
 * The most a request body may hold, by kind of route: every limit is here. Server Actions
 * have their own, Next's `serverActions.bodySizeLimit` in next.config.js.
 */
export const BODY_LIMITS = {
  /** Read routes take their input from the path and the query: no body. */
  read: 0,
  /** next-auth's sign-in and sign-out posts: a CSRF token, an email, a password, a callback URL. */
  auth: 16 * 1024,
  /** One W3C annotation posted to the Annotation Protocol server (lib/annotation-protocol). */
  annotation: 256 * 1024,
} as const;

export const BODY_TOO_LARGE_MESSAGE = "The request is too large.";

/**
 * A route handler that never sees a body larger than `limit` bytes: one that says it is
 * larger (Content-Length) is refused before a byte is read, and one sent without a length
 * (chunked) is read only up to the limit. Within it, the handler gets the request with the
 * body already read, so whatever it does with it holds no more than the limit in memory.
 */
export function limitBody<Context>(limit: number, handler: (request: NextRequest, context: Context) => Promise<Response>) {
  return async function limited(request: Request, context: Context): Promise<Response> {
    const bounded = await readWithin(request, limit);
    return bounded ? handler(bounded, context) : tooLarge();
  };
}

/** The request with its body read into memory, or null when the body is larger than `limit`. */
async function readWithin(request: Request, limit: number): Promise<NextRequest | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared <= limit)) return null;
  if (!request.body) return request instanceof NextRequest ? request : new NextRequest(request);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.byteLength), 0);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

function tooLarge(): Response {
  // The client may still be sending: it is told not to reuse the connection.
  return Response.json({ error: BODY_TOO_LARGE_MESSAGE }, { status: 413, headers: { "Cache-Control": "no-store", Connection: "close" } });
}
