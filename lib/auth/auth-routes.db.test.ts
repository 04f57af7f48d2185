import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";

/**
 * next-auth's routes (/api/auth/…) as our options configure them, called through
 * next-auth's own request handler against a real database: signing in and out, where
 * they redirect, and the cookies they set.
 */

useTestDatabase();

const PASSWORD = "correct horse battery";
const BASE_URL = "http://localhost:3450";

let counter = 0;
async function makeUser() {
  counter += 1;
  return prisma.user.create({
    data: { name: `Route User ${counter}`, email: `route.user${counter}@example.test`, passwordHash: await hashPassword(PASSWORD) },
  });
}

type Jar = Record<string, string>;

interface Call {
  method?: "GET" | "POST";
  query?: Record<string, string>;
  body?: Record<string, string>;
  headers?: Record<string, string>;
}

interface Reply {
  status: number;
  location?: string;
  setCookies: string[];
  body: unknown;
}

/**
 * One request to /api/auth/<path> through next-auth's handler (its Pages-API form, which
 * takes plain objects: the App Router form needs Next's request scope). The cookies it
 * sets go into the jar.
 */
async function call(path: string, { method = "GET", query = {}, body, headers = {} }: Call = {}, jar: Jar = {}): Promise<Reply> {
  const reply: Reply = { status: 200, setCookies: [], body: undefined };
  const response = {
    status(code: number) {
      reply.status = code;
      return response;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? reply.setCookies : undefined),
    setHeader(name: string, value: string | string[]) {
      if (name.toLowerCase() === "set-cookie") reply.setCookies = [value].flat();
      if (name.toLowerCase() === "location") reply.location = String(value);
      return response;
    },
    end: () => undefined,
    json: (value: unknown) => void (reply.body = value),
    send: (value: unknown) => void (reply.body = value),
  };
  const request = { method, query: { ...query, nextauth: path.split("/") }, body, cookies: { ...jar }, headers: { host: "localhost:3450", ...headers } };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(request, response, authOptions);
  for (const cookie of reply.setCookies) {
    const [pair] = cookie.split(";");
    const at = pair.indexOf("=");
    jar[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  return reply;
}

async function csrfToken(jar: Jar): Promise<string> {
  return ((await call("csrf", {}, jar)).body as { csrfToken: string }).csrfToken;
}

/** Signs in as next-auth's client does; returns the response and the cookie jar. */
async function signIn(email: string, jar: Jar = {}) {
  const body = { email, password: PASSWORD, csrfToken: await csrfToken(jar), callbackUrl: `${BASE_URL}/login`, json: "true" };
  const response = await call("callback/credentials", { method: "POST", body }, jar);
  return { response, jar };
}

function sessionCookieName(jar: Jar) {
  return Object.keys(jar).find((name) => name.endsWith("next-auth.session-token"));
}

const savedUrl = process.env.NEXTAUTH_URL;
beforeEach(() => {
  process.env.NEXTAUTH_URL = BASE_URL;
});
afterAll(() => {
  process.env.NEXTAUTH_URL = savedUrl;
});

describe("signing out", () => {
  it("bumps the user's session version, so a copy of the old session token stops counting, and audits it", async () => {
    const user = await makeUser();
    const { jar } = await signIn(user.email);
    const copiedToken = jar[sessionCookieName(jar)!];
    expect(copiedToken).toBeTruthy();

    const signOut = await call("signout", { method: "POST", body: { csrfToken: await csrfToken(jar), json: "true" } }, jar);
    expect(signOut.body).toEqual({ url: expect.any(String) });

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.sessionVersion).toBe(user.sessionVersion + 1);
    // The copy carries the old version, which getCurrentUser no longer accepts.
    const copied = await decode({ token: copiedToken, secret: authOptions.secret! });
    expect(copied).toMatchObject({ uid: user.id, sv: user.sessionVersion });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(events).toEqual([expect.objectContaining({ actorId: user.id, action: "user.sign_out" })]);
  });

  it("needs the CSRF token: a sign-out posted without it changes nothing", async () => {
    const user = await makeUser();
    const { jar } = await signIn(user.email);
    await call("signout", { method: "POST", body: { csrfToken: "forged" } }, jar);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id } })).toBe(0);
  });
});

describe("next-auth's own pages", () => {
  // Its HTML pages would be served without the app's Content-Security-Policy (proxy.ts
  // leaves /api/ alone): each must send the browser to one of the app's pages instead.
  it.each(["signin", "signout", "error", "verify-request"])("GET /api/auth/%s redirects to an app page instead of writing HTML", async (page) => {
    const reply = await call(page);
    expect(reply.status).toBe(302);
    expect(reply.location).toMatch(new RegExp(`^(${BASE_URL})?/login([?#]|$)`));
    expect(reply.body).toBeUndefined();
  });
});

describe("the session cookie", () => {
  it("is Secure, with the __Secure- prefix, when the public URL is https", async () => {
    process.env.NEXTAUTH_URL = "https://verity.example";
    const user = await makeUser();
    const { response, jar } = await signIn(user.email);
    expect(sessionCookieName(jar)).toBe("__Secure-next-auth.session-token");
    const cookie = response.setCookies.find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(cookie?.split(/;\s*/).map((part) => part.toLowerCase())).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax"]));
  });

  it("is a plain cookie on an http public URL (development on localhost)", async () => {
    const user = await makeUser();
    const { response, jar } = await signIn(user.email);
    expect(sessionCookieName(jar)).toBe("next-auth.session-token");
    const cookie = response.setCookies.find((line) => line.startsWith("next-auth.session-token="));
    expect(cookie?.toLowerCase()).not.toContain("secure");
  });
});

/** Off-site, protocol-relative, script and malformed addresses a link or form could carry. */
const HOSTILE_CALLBACK_URLS = [
  "http://localhost:3450.evil.example/",
  "https://evil.example/",
  "//evil.example/articles",
  "/\\evil.example",
  "javascript:alert(1)",
  "http://[::1",
  "http://localhost:3450@evil.example/",
  "%",
];

describe("callback URLs", () => {
  it.each(HOSTILE_CALLBACK_URLS)("a sign-in posted with callbackUrl %j goes to the home page", async (hostile) => {
    const user = await makeUser();
    const jar: Jar = {};
    const body = { email: user.email, password: PASSWORD, csrfToken: await csrfToken(jar), callbackUrl: hostile, json: "true" };
    const reply = await call("callback/credentials", { method: "POST", body }, jar);
    expect(reply.body).toEqual({ url: BASE_URL });
  });

  it("keeps a callbackUrl on the app itself", async () => {
    const user = await makeUser();
    const jar: Jar = {};
    for (const [callbackUrl, url] of [
      ["/articles?view=mine", `${BASE_URL}/articles?view=mine`],
      [`${BASE_URL}/login`, `${BASE_URL}/login`],
    ]) {
      const body = { email: user.email, password: PASSWORD, csrfToken: await csrfToken(jar), callbackUrl, json: "true" };
      expect((await call("callback/credentials", { method: "POST", body }, jar)).body).toEqual({ url });
    }
  });
});

describe("the address a sign-in is throttled by", () => {
  async function failFrom(headers: Record<string, string>) {
    const user = await makeUser();
    const jar: Jar = {};
    const body = { email: user.email, password: "wrong password", csrfToken: await csrfToken(jar), json: "true" };
    await call("callback/credentials", { method: "POST", body, headers }, jar);
    const rows = await prisma.loginThrottle.findMany({ where: { key: { startsWith: "address:" } } });
    await prisma.loginThrottle.deleteMany();
    return rows.map((row) => row.key);
  }

  const saved = { ...process.env };
  beforeEach(() => {
    // What scripts/next-server.mjs sets in its process: the header it writes the peer address into.
    process.env.VERITY_PEER_ADDRESS_HEADER = "x-verity-peer-address";
    delete process.env.VERITY_TRUSTED_PROXIES;
  });
  afterAll(() => {
    process.env.VERITY_PEER_ADDRESS_HEADER = saved.VERITY_PEER_ADDRESS_HEADER;
    process.env.VERITY_TRUSTED_PROXIES = saved.VERITY_TRUSTED_PROXIES;
  });

  it("is the connection's address: an X-Forwarded-For from the client is ignored", async () => {
    const keys = await failFrom({ "x-forwarded-for": "203.0.113.9", "x-verity-peer-address": "192.0.2.10" });
    expect(keys).toEqual(["address:192.0.2.10"]);
  });

  it("is the forwarded address when the connection comes from a trusted proxy", async () => {
    process.env.VERITY_TRUSTED_PROXIES = "192.0.2.0/24";
    const keys = await failFrom({ "x-forwarded-for": "203.0.113.9, 192.0.2.11", "x-verity-peer-address": "192.0.2.10" });
    expect(keys).toEqual(["address:203.0.113.9"]);
  });

  it("is unknown (no per-address count) when the server does not say who connected", async () => {
    delete process.env.VERITY_PEER_ADDRESS_HEADER;
    const keys = await failFrom({ "x-forwarded-for": "203.0.113.9", "x-verity-peer-address": "192.0.2.10" });
    expect(keys).toEqual([]);
  });
});
