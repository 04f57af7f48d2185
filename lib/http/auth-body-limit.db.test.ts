import { NextRequest } from "next/server";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { BODY_LIMITS } from "@/lib/http/body-limit";
import { countedBody, COUNTED_CHUNK as CHUNK } from "@/lib/http/counted-body";

/**
 * next-auth's route reads a POST's whole body before it looks at it (issue 22: an anonymous
 * 100 MB POST to the credentials callback grew the server by about 200 MB). Through the body
 * limit, an oversize body is refused with 413 having pulled at most the limit and one chunk,
 * whether it declares its length or comes chunked; a sign-in within the limit still works.
 */

// next-auth reads the request's cookies and headers through next/headers, which only a
// running Next server provides: these are the ones of the request being sent.
let sent: { cookies: Record<string, string>; headers: Headers } = { cookies: {}, headers: new Headers() };
jest.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => Object.entries(sent.cookies).map(([name, value]) => ({ name, value })) }),
  headers: async () => sent.headers,
}));

useTestDatabase();

const CALLBACK = "http://localhost/api/auth/callback/credentials";
const callbackContext = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const MB = 1024 * 1024;

function post(body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  const request = new NextRequest(CALLBACK, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  sent = { cookies: {}, headers: request.headers };
  return POST(request, callbackContext);
}

describe("the next-auth route's body limit", () => {
  it("refuses a 100 MB body that declares its length without reading any of it", async () => {
    const { stream, counted } = countedBody(100 * MB);
    const response = await post(stream, { "content-length": String(100 * MB) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/too large/i) });
    expect(counted.pulled).toBe(0);
  });

  it("cuts a chunked 100 MB body without a length off at the limit", async () => {
    const { stream, counted } = countedBody(100 * MB);
    const response = await post(stream, {});
    expect(response.status).toBe(413);
    expect(counted.pulled).toBeGreaterThan(BODY_LIMITS.auth);
    expect(counted.pulled).toBeLessThanOrEqual(BODY_LIMITS.auth + CHUNK);
  });

  it("still signs a user in with a body within the limit", async () => {
    const password = "a long password";
    await prisma.user.create({ data: { name: "Limit Tester", email: "limit@body.test", role: "REVIEWER", passwordHash: await hashPassword(password) } });

    sent = { cookies: {}, headers: new Headers() };
    const csrf = await GET(new NextRequest("http://localhost/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.csrf-token="))!.split(";")[0];
    const [cookieName, cookieValue] = csrfCookie.split("=");

    const form = new URLSearchParams({ csrfToken, email: "limit@body.test", password, json: "true" }).toString();
    const request = new NextRequest(CALLBACK, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: form,
    });
    sent = { cookies: { [cookieName]: decodeURIComponent(cookieValue) }, headers: request.headers };
    const response = await POST(request, callbackContext);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: expect.not.stringContaining("error") });
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("next-auth.session-token="))).toBe(true);
  });
});
