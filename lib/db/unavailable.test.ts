import {
  DATABASE_UNAVAILABLE_DIGEST,
  DATABASE_UNAVAILABLE_MESSAGE,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  isTransactionExpired,
  rethrowUnavailable,
  unavailableResponse,
} from "@/lib/db/unavailable";
import { UserFacingError } from "@/lib/errors";

// Shaped like what Node, pg, the Prisma driver adapter and Prisma throw.
const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
const adminShutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" });
const startingUp = Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" });
const terminated = new Error("Connection terminated unexpectedly");
const poolTimeout = new Error("timeout exceeded when trying to connect");
function prismaError(code: string, cause: object) {
  const driverAdapterError = Object.assign(new Error("DriverAdapterError"), { name: "DriverAdapterError", cause });
  return Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), { code, meta: { driverAdapterError } });
}
const unreachable = prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 });
const shutdownViaPrisma = prismaError("P2010", { kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection" });
const transactionNotStarted = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
// As Prisma words a transaction that outlived its timeout (lib/db/transaction-limits.ts).
const transactionExpired = Object.assign(
  new Error("Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 100 ms, however 312 ms passed since the start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction."),
  { code: "P2028", meta: { operation: "query", timeout: 100, timeTaken: 312 } },
);

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", refused],
    ["an administrator shutdown (57P01)", adminShutdown],
    ["a server starting up (57P03)", startingUp],
    ["a connection terminated under a query", terminated],
    ["the pool's connection timeout", poolTimeout],
    ["Prisma's P1001 with the adapter's DatabaseNotReachable", unreachable],
    ["Prisma wrapping a 57P01 from the adapter", shutdownViaPrisma],
    ["a transaction that could not start (P2028)", transactionNotStarted],
    ["a cause several levels down", new Error("outer", { cause: new Error("middle", { cause: refused }) })],
    ["its own error", new DatabaseUnavailableError()],
    ["its own error from another copy of the module (by digest)", Object.assign(new Error("unavailable"), { digest: DATABASE_UNAVAILABLE_DIGEST })],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } })],
    ["another SQL error", prismaError("P2010", { kind: "postgres", code: "22P02", severity: "ERROR", message: "invalid input syntax" })],
    ["a plain error", new Error("boom")],
    ["a user-facing error", new UserFacingError("That was not allowed.")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("leaves %s alone", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("leaves a transaction that ran past its own time limit to isTransactionExpired: the database is there", () => {
    expect(isDatabaseUnavailable(transactionExpired)).toBe(false);
    expect(isTransactionExpired(transactionExpired)).toBe(true);
    expect(isTransactionExpired(new Error("outer", { cause: transactionExpired }))).toBe(true);
    expect(isTransactionExpired(transactionNotStarted)).toBe(false);
    expect(isTransactionExpired(refused)).toBe(false);
  });

  it("does not loop on an error that is its own cause", () => {
    const looped = new Error("loop") as Error & { cause?: unknown };
    looped.cause = looped;
    expect(isDatabaseUnavailable(looped)).toBe(false);
  });
});

describe("DatabaseUnavailableError", () => {
  it("is user-facing, keeps its cause, and carries the digest the error page knows", () => {
    const error = new DatabaseUnavailableError(refused);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    expect(error.cause).toBe(refused);
    expect(error.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
  });

  it("is what rethrowUnavailable throws for a database that went away; other errors pass unchanged", () => {
    expect(() => rethrowUnavailable(unreachable)).toThrow(DatabaseUnavailableError);
    const other = new Error("boom");
    expect(() => rethrowUnavailable(other)).toThrow(other);
    const own = new DatabaseUnavailableError();
    expect(() => rethrowUnavailable(own)).toThrow(own);
    const copy = Object.assign(new Error("unavailable"), { digest: DATABASE_UNAVAILABLE_DIGEST });
    expect(() => rethrowUnavailable(copy)).toThrow(copy);
  });
});

describe("unavailableResponse", () => {
  it("answers 503 with the message, asking to retry in 5 seconds, never cached", async () => {
    const response = unavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("answers in plain text for pages", async () => {
    const response = unavailableResponse("text");
    expect(response.status).toBe(503);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  });
});
