import { z } from "zod";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { ConflictError, FieldError, ForbiddenError, NotFoundError, UnauthenticatedError, UserFacingError } from "@/lib/errors";
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailableError, TRANSACTION_TOO_LONG_MESSAGE } from "@/lib/db/unavailable";
import { BODY_LIMITS, BODY_TOO_LARGE_MESSAGE } from "@/lib/http/body-limit";
import { route, UNEXPECTED_ROUTE_MESSAGE } from "@/lib/http/route";
import { countedBody, COUNTED_CHUNK as CHUNK } from "@/lib/http/counted-body";

/** The route wrapper on its own: the session is a mock, the handlers are made up for each case. */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn() }));

const reviewer: Actor = { id: "u1", name: "Rita Reviewer", email: "rita@route.test", role: "REVIEWER" };
const URL_ = "http://localhost/things/t1";
const get = (url = URL_) => new Request(url);
const withParams = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

let consoleError: jest.SpyInstance;
beforeEach(() => {
  jest.mocked(getCurrentUser).mockReset().mockResolvedValue(reviewer);
  consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => consoleError.mockRestore());

async function answer(response: Response) {
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.startsWith("application/json") ? await response.json() : await response.text(), cache: response.headers.get("cache-control") };
}

describe("the signed-in user", () => {
  it("is handed to the handler of a route that requires one", async () => {
    const handler = jest.fn(async ({ user }: { user: Actor }) => ({ name: user.name }));
    expect(await answer(await route({ user: "required" }, handler)(get()))).toEqual({ status: 200, body: { name: "Rita Reviewer" }, cache: "no-store" });
  });

  it("is a 401 when a route requires one and there is none, with the route's message if it has one; the handler is not run", async () => {
    jest.mocked(getCurrentUser).mockResolvedValue(null);
    const handler = jest.fn(async () => "never");
    expect(await answer(await route({ user: "required" }, handler)(get()))).toEqual({
      status: 401,
      body: { error: new UnauthenticatedError().message },
      cache: "no-store",
    });
    expect((await answer(await route({ user: "required", signedOut: "Sign in to see things." }, handler)(get()))).body).toEqual({ error: "Sign in to see things." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("may be absent for an optional route, and is not read at all for a public one", async () => {
    jest.mocked(getCurrentUser).mockResolvedValue(null);
    expect((await answer(await route({ user: "optional" }, async ({ user }) => ({ user }))(get()))).body).toEqual({ user: null });
    jest.mocked(getCurrentUser).mockClear();
    expect((await answer(await route({ user: "none" }, async ({ user }) => ({ user }))(get()))).body).toEqual({ user: null });
    expect(getCurrentUser).not.toHaveBeenCalled();
  });
});

describe("path and query", () => {
  const params = z.object({ id: z.string(), kind: z.enum(["a", "b"], { error: (issue) => `There is no kind “${String(issue.input)}”.` }) });
  const query = z.object({
    page: z.coerce.number({ error: "page must be a number." }).int({ error: "page must be a number." }).default(1),
    size: z.coerce.number({ error: "size must be a number." }).max(10, { error: "size is at most 10." }).optional(),
  });

  it("hands the parsed parameters to the handler", async () => {
    const handler = route({ user: "none", params, query }, async (input) => ({ params: input.params, query: input.query }));
    expect((await answer(await handler(get(`${URL_}?page=3&junk=1`), withParams({ id: "t1", kind: "b" })))).body).toEqual({
      params: { id: "t1", kind: "b" },
      query: { page: 3 },
    });
  });

  it("answers a path parameter that fails its schema with 404 and the schema's message: the path names nothing", async () => {
    const handler = jest.fn(async () => "never");
    expect(await answer(await route({ user: "none", params }, handler)(get(), withParams({ id: "t1", kind: "pdf" })))).toEqual({
      status: 404,
      body: { error: "There is no kind “pdf”." },
      cache: "no-store",
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a query that fails its schema with 400 and an error per field, the first as the message unless the route has its own", async () => {
    const handler = jest.fn(async () => "never");
    expect(await answer(await route({ user: "none", query }, handler)(get(`${URL_}?page=x&size=11`)))).toEqual({
      status: 400,
      body: { error: "page must be a number.", fieldErrors: { page: ["page must be a number."], size: ["size is at most 10."] } },
      cache: "no-store",
    });
    expect((await answer(await route({ user: "none", query, invalidQuery: "Invalid query." }, handler)(get(`${URL_}?size=11`)))).body).toEqual({
      error: "Invalid query.",
      fieldErrors: { size: ["size is at most 10."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("reads a query parameter given twice once, with its first value", async () => {
    const handler = route({ user: "none", query }, async (input) => input.query);
    expect((await answer(await handler(get(`${URL_}?page=2&page=x`)))).body).toEqual({ page: 2 });
  });

  it("asks for the user before it looks at the input: a signed-out caller gets 401, not 400", async () => {
    jest.mocked(getCurrentUser).mockResolvedValue(null);
    expect((await route({ user: "required", query }, async () => "never")(get(`${URL_}?page=x`))).status).toBe(401);
  });
});

describe("errors", () => {
  const throwing = (error: unknown, options: Partial<Parameters<typeof route>[0]> = {}) =>
    route({ user: "required", ...options }, async () => {
      throw error;
    })(get());

  it.each([
    ["NotFoundError", new NotFoundError("That thing"), 404, { error: "That thing was not found." }],
    ["UnauthenticatedError", new UnauthenticatedError(), 401, { error: "Your session has ended. Sign in again." }],
    ["ForbiddenError", new ForbiddenError("Only editors may do that."), 403, { error: "Only editors may do that." }],
    ["ConflictError", new ConflictError("Someone else changed this.", { version: 2 }), 409, { error: "Someone else changed this.", current: { version: 2 } }],
    ["FieldError", new FieldError("start", "That is not a sentence."), 400, { error: "That is not a sentence.", fieldErrors: { start: ["That is not a sentence."] } }],
    ["another UserFacingError", new UserFacingError("Not like that."), 400, { error: "Not like that." }],
  ])("maps %s to its status and message", async (_name, error, status, body) => {
    expect(await answer(await throwing(error))).toEqual({ status, body, cache: "no-store" });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("answers a database that is away with 503 and Retry-After, whether the data layer converted the error or not", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    for (const error of [new DatabaseUnavailableError(refused), refused]) {
      const response = await throwing(error);
      expect(await answer(response)).toEqual({ status: 503, body: { error: DATABASE_UNAVAILABLE_MESSAGE }, cache: "no-store" });
      expect(response.headers.get("retry-after")).toBe("5");
    }
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("answers a transaction that ran past its time limit with 503 and what happened, not as the database being away", async () => {
    const expired = Object.assign(new Error("Transaction API error: A query cannot be executed on an expired transaction."), { code: "P2028", meta: { timeout: 100, timeTaken: 312 } });
    const response = await throwing(expired);
    expect(await answer(response)).toEqual({ status: 503, body: { error: TRANSACTION_TOO_LONG_MESSAGE }, cache: "no-store" });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("answers anything else with one generic message, no stack or SQL, and logs it", async () => {
    const error = new Error('insert or update on table "AuditEvent" violates foreign key constraint');
    const response = await throwing(error);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: UNEXPECTED_ROUTE_MESSAGE });
    expect(text).not.toMatch(/AuditEvent|constraint|\bat\s/);
    expect(consoleError).toHaveBeenCalledWith("Unexpected error in GET /things/t1", error);
  });

  it("gives a NotFoundError the route's own message, or the route's own response", async () => {
    expect((await answer(await throwing(new NotFoundError("That article"), { notFound: "Not found, or not published." }))).body).toEqual({
      error: "Not found, or not published.",
    });
    const page = await throwing(new NotFoundError("That article"), { notFound: () => new Response("<h1>Not published</h1>", { status: 404, headers: { "Content-Type": "text/html" } }) });
    expect(await answer(page)).toEqual({ status: 404, body: "<h1>Not published</h1>", cache: "no-store" });
  });

  it("answers in plain text for a route that serves a page", async () => {
    const response = await throwing(new Error("boom"), { errors: "text" });
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await answer(response)).toEqual({ status: 500, body: UNEXPECTED_ROUTE_MESSAGE, cache: "no-store" });
    const away = await throwing(new DatabaseUnavailableError(), { errors: "text" });
    expect(await answer(away)).toEqual({ status: 503, body: DATABASE_UNAVAILABLE_MESSAGE, cache: "no-store" });
  });
});

describe("headers", () => {
  it("sends a value as JSON and a Response as it is, with the route's Cache-Control on success and no-store on errors", async () => {
    const options = { user: "none", cache: "private, no-store", headers: { "Content-Security-Policy": "default-src 'none'" } } as const;
    const file = await route(options, async () => new Response("# Title", { headers: { "Content-Type": "text/markdown" } }))(get());
    expect([file.status, await file.text(), file.headers.get("content-type"), file.headers.get("cache-control")]).toEqual([200, "# Title", "text/markdown", "private, no-store"]);
    const failed = await route(options, async () => {
      throw new NotFoundError();
    })(get());
    expect([failed.status, failed.headers.get("cache-control")]).toEqual([404, "no-store"]);
    for (const response of [file, failed]) expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
  });
});

describe("the body limit", () => {
  const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
    new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const echo = (body: "read" | "auth") => route({ user: "none", body }, async ({ request }) => ({ length: (await request.text()).length }));

  it("is one constant per kind of route: none for read routes, 16 KB for next-auth's posts, 256 KB for an annotation posted to the protocol server", () => {
    expect(BODY_LIMITS).toEqual({ read: 0, auth: 16 * 1024, annotation: 256 * 1024 });
  });

  it("hands a body within the limit to the handler whole", async () => {
    const { stream, counted } = countedBody(BODY_LIMITS.auth);
    expect((await answer(await echo("auth")(post(stream)))).body).toEqual({ length: BODY_LIMITS.auth });
    expect(counted.pulled).toBe(BODY_LIMITS.auth);
  });

  it("refuses a body whose Content-Length is over the limit with 413, reading none of it", async () => {
    const { stream, counted } = countedBody(BODY_LIMITS.auth + 1);
    const response = await echo("auth")(post(stream, { "content-length": String(BODY_LIMITS.auth + 1) }));
    expect(await answer(response)).toEqual({ status: 413, body: { error: BODY_TOO_LARGE_MESSAGE }, cache: "no-store" });
    expect(response.headers.get("connection")).toBe("close");
    expect(counted.pulled).toBe(0);
  });

  it("cuts a chunked body without a length off once it passes the limit, and refuses it with 413", async () => {
    const { stream, counted } = countedBody(10 * 1024 * 1024);
    expect((await echo("auth")(post(stream))).status).toBe(413);
    expect(counted.pulled).toBeLessThanOrEqual(BODY_LIMITS.auth + CHUNK);
  });

  it("takes no body on a read route", async () => {
    expect((await echo("read")(post("x"))).status).toBe(413);
    expect((await echo("read")(new Request(URL_, { headers: { "content-length": "5" } }))).status).toBe(413);
    expect((await echo("read")(get())).status).toBe(200);
  });
});
