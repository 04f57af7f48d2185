import "server-only";
import { z } from "zod";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { ConflictError, FieldError, ForbiddenError, NotFoundError, UnauthenticatedError, UserFacingError } from "@/lib/errors";
import { isDatabaseUnavailable, isTransactionExpired, TRANSACTION_TOO_LONG_MESSAGE, unavailableResponse } from "@/lib/db/unavailable";
import { BODY_LIMITS, limitBody } from "@/lib/http/body-limit";
import { actorForToken } from "@/lib/api-tokens/data";
import { bearerToken } from "@/lib/api-tokens/secret";

/**
 * Every route handler under app/ goes through here (next-auth's through limitBody alone):
 * the body limit, the signed-in user, the path and query parsed with zod, errors mapped to
 * their status (only expected errors reach the browser; anything else is logged and
 * answered with one generic message), and cache headers. The handler returns a Response,
 * or a value to send as JSON.
 */

type UserMode = "required" | "optional" | "none";
type UserOf<Mode extends UserMode> = Mode extends "required" ? Actor : Mode extends "optional" ? Actor | null : null;

/** What Next hands a route handler besides the request (tests may leave it out where a route has no parameters). */
type RouteContext = { params: Promise<Record<string, string | string[]>> } | undefined;

export const UNEXPECTED_ROUTE_MESSAGE = "That could not be loaded. Please try again.";

const NO_INPUT = z.object({});

interface RouteOptions<Mode extends UserMode, Params extends z.ZodType, Query extends z.ZodType> {
  /** required: 401 without a signed-in user; optional: the user or null; none: a public route, the session is not read. */
  user: Mode;
  /** The 401's message, when not that the session has ended. */
  signedOut?: string;
  /** The path's parameters: a value that fails names nothing here, so 404 with the schema's message. */
  params?: Params;
  /** The query's parameters (one given twice counts once, with its first value): failing, 400 with field errors. */
  query?: Query;
  /** The 400's message for a query that fails, when not its first field's message. */
  invalidQuery?: string;
  /** The 404 for a NotFoundError, when not the error's own message: another message, or a response of its own. */
  notFound?: string | (() => Response);
  /** Errors as JSON `{ error }` (the default), or as plain text for a route that serves a page. */
  errors?: "json" | "text";
  /** Cache-Control of a successful response; errors are never stored. */
  cache?: string;
  /** Headers on every response of the route, errors included. */
  headers?: Record<string, string>;
  /** The kind of body the route takes (BODY_LIMITS). */
  body?: keyof typeof BODY_LIMITS;
  /**
   * For routes other programs call: a personal API token (`Authorization: Bearer …`) stands
   * for its user instead of a session; "write" routes need a read-write token.
   */
  token?: "read" | "write";
}

export const INVALID_TOKEN_MESSAGE = "This API token is not valid: it is unknown, revoked, or its user is disabled.";
export const READ_ONLY_TOKEN_MESSAGE = "This API token may only read: make a read-and-write token to change annotations.";

interface RouteInput<Mode extends UserMode, Params extends z.ZodType, Query extends z.ZodType> {
  request: Request;
  user: UserOf<Mode>;
  params: z.output<Params>;
  query: z.output<Query>;
}

export function route<Mode extends UserMode, Params extends z.ZodType = typeof NO_INPUT, Query extends z.ZodType = typeof NO_INPUT>(
  options: RouteOptions<Mode, Params, Query>,
  handler: (input: RouteInput<Mode, Params, Query>) => Promise<unknown>,
) {
  const fail = (status: number, message: string, extra: Record<string, unknown> = {}) => failure(options.errors ?? "json", status, message, extra);

  const answer = limitBody(BODY_LIMITS[options.body ?? "read"], async (request: Request, context: RouteContext): Promise<Response> => {
    let user: Actor | null = null;
    const token = options.token && options.user !== "none" ? bearerToken(request.headers.get("authorization")) : null;
    if (token) {
      const found = await actorForToken(token);
      if (!found) return fail(401, INVALID_TOKEN_MESSAGE);
      if (options.token === "write" && found.scope !== "READ_WRITE") return fail(403, READ_ONLY_TOKEN_MESSAGE);
      user = found.actor;
    } else if (options.user !== "none") {
      user = await getCurrentUser();
      if (!user && options.user === "required") return fail(401, options.signedOut ?? new UnauthenticatedError().message);
    }
    // Without a schema, a route takes no parameters (its default types say so).
    const params = ((options.params ?? NO_INPUT) as Params).safeParse((await context?.params) ?? {});
    if (!params.success) return fail(404, params.error.issues[0].message);
    const query = ((options.query ?? NO_INPUT) as Query).safeParse(firstValues(new URL(request.url).searchParams));
    if (!query.success) {
      const { fieldErrors } = z.flattenError(query.error);
      return fail(400, options.invalidQuery ?? query.error.issues[0].message, { fieldErrors });
    }
    const result = await handler({ request, user: user as UserOf<Mode>, params: params.data, query: query.data });
    const response = result instanceof Response ? result : Response.json(result);
    response.headers.set("Cache-Control", options.cache ?? "no-store");
    return response;
  });

  return async function handle(request: Request, context?: RouteContext): Promise<Response> {
    let response: Response;
    try {
      response = await answer(request, context);
    } catch (error) {
      response = errorResponse(error);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) response.headers.set(name, value);
    return response;

    function errorResponse(error: unknown): Response {
      // Not a bug in this request: the user is asked to retry.
      if (isDatabaseUnavailable(error)) return unavailableResponse(options.errors ?? "json");
      if (isTransactionExpired(error)) return fail(503, TRANSACTION_TOO_LONG_MESSAGE);
      if (error instanceof NotFoundError) {
        if (typeof options.notFound === "function") return noStore(options.notFound());
        return fail(404, options.notFound ?? error.message);
      }
      if (error instanceof UnauthenticatedError) return fail(401, error.message);
      if (error instanceof ForbiddenError) return fail(403, error.message);
      if (error instanceof ConflictError) return fail(409, error.message, { current: error.current });
      if (error instanceof FieldError) return fail(400, error.message, { fieldErrors: { [error.field]: [error.message] } });
      if (error instanceof UserFacingError) return fail(400, error.message);
      console.error(`Unexpected error in ${request.method} ${new URL(request.url).pathname}`, error);
      return fail(500, UNEXPECTED_ROUTE_MESSAGE);
    }
  };
}

/** The query as an object of text values: a parameter given twice counts once, with its first value. */
function firstValues(searchParams: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...new Set(searchParams.keys())].map((key) => [key, searchParams.get(key)!]));
}

function failure(format: "json" | "text", status: number, message: string, extra: Record<string, unknown>): Response {
  if (format === "text") return noStore(new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } }));
  return noStore(Response.json({ error: message, ...extra }, { status }));
}

function noStore(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  return response;
}
