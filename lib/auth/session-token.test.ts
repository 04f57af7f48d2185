import { encode } from "next-auth/jwt";
import { sessionOf } from "@/lib/auth/session-token";
import { authOptions } from "@/lib/auth/options";

jest.mock("@/lib/db/client", () => ({ prisma: {} }));

const COOKIE = "next-auth.session-token";
const cookieFor = (claims: Record<string, unknown>, maxAge = 3600) => encode({ token: claims, secret: authOptions.secret!, maxAge });

describe("sessionOf", () => {
  it("reads the user and session version from a valid session cookie, the same on every request", async () => {
    const cookies = { [COOKIE]: await cookieFor({ uid: "user-1", sv: 3 }), other: "x" };
    expect(await sessionOf(cookies)).toEqual({ uid: "user-1", sv: 3 });
    expect(await sessionOf({ ...cookies, other: "y" })).toEqual({ uid: "user-1", sv: 3 });
  });

  it("tells two sessions apart", async () => {
    const first = await cookieFor({ uid: "user-1", sv: 1 });
    const second = await cookieFor({ uid: "user-2", sv: 1 });
    expect(await sessionOf({ [COOKIE]: first })).toEqual({ uid: "user-1", sv: 1 });
    expect(await sessionOf({ [COOKIE]: second })).toEqual({ uid: "user-2", sv: 1 });
  });

  it("has no session without a cookie, or with one that was not signed with the secret or has expired", async () => {
    expect(await sessionOf({})).toBeNull();
    expect(await sessionOf({ [COOKIE]: "not-a-token" })).toBeNull();
    const forged = await encode({ token: { uid: "user-1", sv: 1 }, secret: "another secret" });
    expect(await sessionOf({ [COOKIE]: forged })).toBeNull();
    // next-auth allows 15 s of clock skew.
    expect(await sessionOf({ [COOKIE]: await cookieFor({ uid: "user-1", sv: 1 }, -60) })).toBeNull();
  });

  it("drops a session from memory when it expires", async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const cookies = { [COOKIE]: await cookieFor({ uid: "user-3", sv: 1 }, 30) };
      expect(await sessionOf(cookies)).toEqual({ uid: "user-3", sv: 1 });
      jest.advanceTimersByTime(60_000);
      expect(await sessionOf(cookies)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
