/**
 * The benchmarks' HTTP client for the app, speaking to it as a browser does: a cookie jar,
 * next-auth's credentials sign-in (GET /api/auth/csrf, POST /api/auth/callback/credentials),
 * plain GETs, and Server Action calls (POST to the page with `Next-Action: <id>`, the
 * arguments encoded as React's `encodeReply` encodes them, the RSC answer decoded to the
 * action's return value). Node's fetch keeps connections alive.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FormState } from "@/lib/actions/form-state";
import { DEMO_USERS } from "@/lib/seed/seed";

export interface Timed<T> {
  status: number;
  ms: number;
  value: T;
}

/** What a Server Action call came back with: its FormState, or the error Next sent instead. */
export type ActionReply = { state: FormState; error?: undefined } | { state?: undefined; error: string };

export class AppClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** A fetch with this client's cookies (and the browser's Origin header), keeping the cookies it is sent. */
  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Origin", this.baseUrl);
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(`${this.baseUrl}${pathname}`, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0\b/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** next-auth's credentials flow, as its `signIn()` does it; throws if the account is refused. */
  async signIn(email: string, password: string) {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: `${this.baseUrl}/articles`, json: "true" }),
    });
    const { url } = (await response.json()) as { url: string };
    const error = new URL(url, this.baseUrl).searchParams.get("error");
    if (error || !this.cookies.has("next-auth.session-token")) throw new Error(`Signing in as ${email} failed: ${error ?? response.status}`);
  }

  /** A client of another server of the same app (several servers on one database) sharing this one's cookies. */
  on(baseUrl: string): AppClient {
    const other = new AppClient(baseUrl);
    other.cookies = this.cookies;
    return other;
  }

  /** The session cookie header, for callers with clients of their own. */
  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** A GET, read to its end, timed. */
  async get(pathname: string, headers?: HeadersInit): Promise<Timed<string>> {
    const started = performance.now();
    const response = await this.fetch(pathname, { headers });
    const value = await response.text();
    return { status: response.status, ms: performance.now() - started, value };
  }

  /**
   * Calls a form's Server Action from the page at `pagePath`, as `useActionState` does:
   * the arguments are the previous state and the form's data. Returns the action's
   * FormState (or the error Next answered with), the HTTP status and the time to the
   * end of the answer (which carries the re-rendered page when the action revalidated it).
   */
  async action(pagePath: string, actionId: string, fields: Record<string, string | number | File>, previous: FormState = { status: "idle" }): Promise<Timed<ActionReply>> {
    const started = performance.now();
    const body = new FormData();
    // React's encodeReply([previous, formData]): the FormData's entries under "_1_", the arguments as row 0.
    for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value instanceof File ? value : String(value));
    body.append("0", JSON.stringify([escapeFlightStrings(previous), "$K1"]));
    const response = await this.fetch(pagePath, {
      method: "POST",
      // The browser also sends its router state (Next-Router-State-Tree); Next reads it only on
      // requests with an `RSC` header, which actions have not: it renders the page from the root.
      headers: { Accept: "text/x-component", "Next-Action": actionId },
      body,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = performance.now() - started;
    return { status: response.status, ms, value: actionReply(response, bytes) };
  }
}

/** Signs in a client as a demo account (lib/seed) of this role. */
export async function signedInAs(baseUrl: string, role: "REVIEWER" | "EDITOR" | "ADMIN" = "REVIEWER") {
  const account = DEMO_USERS.find((user) => user.role === role)!;
  const client = new AppClient(baseUrl);
  await client.signIn(account.email, account.password);
  return client;
}

/** The build's Server Action ids by module and exported name (`lib/claims/actions.ts#createClaimAction`). */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, { filename, exportedName }]) => [`${filename}#${exportedName}`, id]));
}

function actionReply(response: Response, bytes: Uint8Array): ActionReply {
  if (!response.headers.get("content-type")?.startsWith("text/x-component")) {
    return { error: `${response.status} ${response.headers.get("content-type")}: ${new TextDecoder().decode(bytes).slice(0, 200)}` };
  }
  try {
    const rows = new FlightRows(bytes);
    const root = rows.value(0) as { a?: unknown };
    return { state: rows.resolve(root.a) as FormState };
  } catch (error) {
    return { error: `${response.status}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** React's reply encoding writes strings starting with "$" as "$$". */
function escapeFlightStrings(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeFlightStrings);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeFlightStrings(v)]));
  return value;
}

// Row tags whose data is length-prefixed (text and typed arrays); other tagged rows end at a newline.
const LENGTH_PREFIXED = new Set("TAOoUSsLlGgMmVb".split(""));

/**
 * The rows of a React Flight (RSC) stream, `<hex id>:<tag?><data>`, and the decoding of the
 * plain values in them: what an action returns (objects, arrays, strings, numbers, dates).
 */
export class FlightRows {
  private readonly raw = new Map<number, { tag: string; data: string }>();
  private readonly parsed = new Map<number, unknown>();

  constructor(bytes: Uint8Array) {
    const decoder = new TextDecoder();
    let at = 0;
    while (at < bytes.length) {
      const colon = bytes.indexOf(0x3a, at);
      if (colon === -1) break;
      const id = parseInt(decoder.decode(bytes.subarray(at, colon)), 16);
      let tag = String.fromCharCode(bytes[colon + 1]);
      let start = colon + 1;
      let end: number;
      if (LENGTH_PREFIXED.has(tag)) {
        const comma = bytes.indexOf(0x2c, start);
        const length = parseInt(decoder.decode(bytes.subarray(start + 1, comma)), 16);
        start = comma + 1;
        end = start + length;
        at = end;
      } else {
        if (/[A-Z#rx]/.test(tag)) start++;
        else tag = "";
        end = bytes.indexOf(0x0a, start);
        if (end === -1) end = bytes.length;
        at = end + 1;
      }
      this.raw.set(id, { tag, data: decoder.decode(bytes.subarray(start, end)) });
    }
  }

  /** Row `id` as a value; an error row throws. */
  value(id: number): unknown {
    if (this.parsed.has(id)) return this.parsed.get(id);
    const row = this.raw.get(id);
    if (!row) throw new Error(`The RSC answer has no row ${id.toString(16)}`);
    if (row.tag === "E") {
      const { digest, message } = JSON.parse(row.data) as { digest?: string; message?: string };
      throw new Error(`the server answered with an error (digest ${digest ?? "none"}${message ? `: ${message}` : ""})`);
    }
    const value = row.tag === "T" ? row.data : JSON.parse(row.data);
    this.parsed.set(id, value);
    return value;
  }

  /** A value with its references ("$1", "$@1", "$1:a:b") followed and special strings decoded. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    const rest = value.slice(1);
    if (rest.startsWith("$")) return rest;
    if (rest === "undefined") return undefined;
    if (rest === "Infinity" || rest === "-Infinity" || rest === "NaN") return Number(rest);
    if (rest === "-0") return -0;
    if (rest.startsWith("D")) return new Date(rest.slice(1));
    if (rest.startsWith("n")) return BigInt(rest.slice(1));
    const reference = /^@?([0-9a-f]+)((?::[^:]+)*)$/.exec(rest);
    if (!reference) return value; // a kind of value an action's state never holds
    let target = this.value(parseInt(reference[1], 16));
    for (const key of reference[2].split(":").slice(1)) target = (target as Record<string, unknown>)[key];
    return this.resolve(target);
  }
}
