import "server-only";
import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";

export interface SessionClaims {
  uid?: string;
  sv?: number;
}

/**
 * The session a request's cookies carry, decoded once per session cookie for as long as it
 * is valid. Decoding one (next-auth's getToken: a key derived with HKDF, then the JWE
 * decrypted) cost about 0.7 ms of CPU per request in the write benchmark's profile
 * (bench/README.md). Only a cookie that decoded is kept, keyed by its whole value, and only
 * until its own expiry; whether the session still counts (disabled user, reset password,
 * changed role) is read from the database on every request by getCurrentUser.
 */
// Timed by the wall clock, as the cookie's expiry is.
const decoded = new LRUCache<string, SessionClaims>({ max: 10_000, perf: { now: () => Date.now() } });

// next-auth's session cookie, "__Secure-" prefixed over HTTPS, split into ".0", ".1"… when large.
const SESSION_COOKIE = "next-auth.session-token";

export async function sessionOf(cookies: Record<string, string>): Promise<SessionClaims | null> {
  const key = Object.keys(cookies)
    .filter((name) => name.includes(SESSION_COOKIE))
    .sort()
    .map((name) => `${name}=${cookies[name]}`)
    .join(";");
  if (!key) return null;
  const known = decoded.get(key);
  if (known) return known;
  const request = { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req: request, secret: authOptions.secret });
  if (!token) return null;
  const claims: SessionClaims = { uid: token.uid as string | undefined, sv: token.sv as number | undefined };
  const ttl = typeof token.exp === "number" ? token.exp * 1000 - Date.now() : 0;
  if (ttl > 0) decoded.set(key, claims, { ttl });
  return claims;
}
