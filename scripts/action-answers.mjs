/**
 * Server Action answers, compressed only when that is worth it.
 *
 * Next compresses every answer as a stream (one gzip stream per response, flushed after each
 * chunk). A Server Action usually answers with its return value alone: a few hundred bytes,
 * which gzip barely shrinks but which cost the write benchmark's server about a sixth of its
 * CPU per claim (bench/README.md). So an action's answer is held until it is complete and
 * then sent in one write: as it is below COMPRESS_FROM bytes, gzipped at or above it (an
 * action that revalidates a page answers with the page too, which compresses well).
 * Pages, routes and the live stream keep Next's own compression.
 */
import { gzip } from "node:zlib";

export const COMPRESS_FROM = 2048;

/** Whether `request` calls a Server Action (Next's `Next-Action` header on a POST). */
export function isActionCall(request) {
  return request.method === "POST" && typeof request.headers["next-action"] === "string";
}

/**
 * Takes over compression of `response` from Next: call before Next handles `request`.
 * Next then answers uncompressed and this decides once the answer is whole.
 */
export function holdActionAnswer(request, response) {
  const acceptsGzip = /\bgzip\b/i.test(request.headers["accept-encoding"] ?? "");
  delete request.headers["accept-encoding"];
  const chunks = [];
  let ended = false;
  const end = response.end.bind(response);
  const writeHead = response.writeHead.bind(response);
  // Headers go out with the body, once it is known whether it is compressed: until then a
  // status and headers given to writeHead (Next's compression middleware calls it on the
  // first write) are only kept on the response.
  response.flushHeaders = () => {};
  response.writeHead = (statusCode, reason, headers) => {
    if (ended) return writeHead(statusCode, reason, headers);
    if (typeof reason !== "string") [reason, headers] = [undefined, reason];
    response.statusCode = statusCode;
    if (reason !== undefined) response.statusMessage = reason;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(headers[i], headers[i + 1]);
    else for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    return response;
  };
  response.write = (chunk, encoding, callback) => {
    chunks.push(toBuffer(chunk, encoding));
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  response.end = (chunk, encoding, callback) => {
    if (ended) return response;
    ended = true;
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(chunks);
    const send = (sent, encoding) => {
      if (!response.headersSent) {
        if (!/\baccept-encoding\b/i.test(String(response.getHeader("Vary") ?? ""))) response.appendHeader("Vary", "Accept-Encoding");
        if (encoding) response.setHeader("Content-Encoding", encoding);
        response.setHeader("Content-Length", sent.length);
      }
      end(sent, callback);
    };
    const compress = acceptsGzip && body.length >= COMPRESS_FROM && !response.headersSent && !response.hasHeader("Content-Encoding");
    // Off the event loop (a revalidated page may be large); should gzip fail, the answer goes as it is.
    if (compress) gzip(body, (error, zipped) => (error ? send(body) : send(zipped, "gzip")));
    else send(body);
    return response;
  };
}

function toBuffer(chunk, encoding) {
  return typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
}
