import { UserFacingError } from "@/lib/errors";

/**
 * The database being down, restarting or out of reach is not a bug in a request: the user
 * is told to retry (a form's message, a 503 from a route, the error page), and the request
 * is not logged as an unexpected error. No server-only imports: the error page uses this too.
 */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not available right now. Please try again in a moment.";

/** Next keeps an error's own digest, so the error page (which sees only the digest in production) can tell this one. */
export const DATABASE_UNAVAILABLE_DIGEST = "VERITY_DATABASE_UNAVAILABLE";

export class DatabaseUnavailableError extends UserFacingError {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
  }
}

// Prisma: can't reach the server, timed out, server closed the connection. (Its P2028 names both
// a transaction that could not start, the pool waiting on a database that is not there, found by
// its message below, and one that ran past its own time limit: isTransactionExpired.)
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
// The driver adapter's kinds for socket errors.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01-57P03), too many connections.
const SQLSTATES = /^(08\d{3}|08P01|57P0[123]|53300)$/;
// Node's socket errors.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// What pg and pg-pool say when a connection ends or cannot be made.
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Can't reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Unable to start a transaction in the given time/i,
];

/** What the user is told when their change ran past its transaction's time limit (lib/db/transaction-limits.ts). */
export const TRANSACTION_TOO_LONG_MESSAGE = "This took longer than the server allows, so nothing was saved. Please try again; if it happens again, try a smaller piece of work.";

/** An error and everything in its causes (and Prisma's meta, where the driver adapter's error is), each once. */
function* errorsWithin(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const fields = current as Record<string, unknown>;
    yield fields;
    pending.push(fields.cause, fields.meta, (fields.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
}

/** Whether an error (or its cause) is Prisma's transaction that ran past its time limit (P2028 with the limit and the time taken). */
export function isTransactionExpired(error: unknown): boolean {
  for (const { code, message, meta } of errorsWithin(error)) {
    if (code !== "P2028") continue;
    if (typeof (meta as { timeout?: unknown } | undefined)?.timeout === "number" || (typeof message === "string" && /expired transaction/i.test(message))) return true;
  }
  return false;
}

/** Whether an error (or anything in its causes) means the database could not be reached or went away. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, kind, originalCode, message, digest } of errorsWithin(error)) {
    // By digest, not instanceof: a route's bundle may hold another copy of this module than the shared Prisma client's.
    if (digest === DATABASE_UNAVAILABLE_DIGEST) return true;
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof originalCode === "string" && SQLSTATES.test(originalCode)) return true;
    if (typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** Throws a DatabaseUnavailableError for a database that went away, the error itself otherwise. */
export function rethrowUnavailable(error: unknown): never {
  const converted = isDatabaseUnavailable(error) && (error as { digest?: unknown }).digest !== DATABASE_UNAVAILABLE_DIGEST;
  throw converted ? new DatabaseUnavailableError(error) : error;
}

/** A route's answer while the database is unavailable: 503, try again shortly (JSON, or plain text for pages). */
export function unavailableResponse(format: "json" | "text" = "json"): Response {
  const init = { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } };
  if (format === "text") return new Response(DATABASE_UNAVAILABLE_MESSAGE, { ...init, headers: { ...init.headers, "Content-Type": "text/plain; charset=utf-8" } });
  return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, init);
}
