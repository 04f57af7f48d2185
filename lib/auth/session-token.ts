import "server-only";
import { LRUCache } from "lru-cache";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * Sessions this process has decoded, by their cookie's value, until they expire. Decoding
 * derives the key (HKDF) and decrypts the cookie on every request, a few percent of the
 * CPU a write costs (bench/README.md, "write"); the same cookie always decodes to the same
 * session, so it is done once. Whether a session still counts (a disabled user, a reset
 * password) is not cached: getCurrentUser reads it from the database on every request.
 */
const decoded = new LRUCache<string, JWT>({ max: 10_000 });

/** next-auth's `decode`, with the result kept until the session's own expiry. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const cached = decoded.get(token);
  if (cached) return cached;
  const session = await decode(params);
  const expiresInMs = typeof session?.exp === "number" ? session.exp * 1000 - Date.now() : 0;
  if (session && expiresInMs > 0) decoded.set(token, session, { ttl: expiresInMs });
  return session;
}
