import { createHash, randomBytes } from "node:crypto";

/**
 * A personal API token is "vrt_" and 32 random bytes (base64url). Only its SHA-256 is
 * stored: a token is as unguessable as a key, so a slow password hash would add nothing
 * but time to every API request.
 */
export const TOKEN_PREFIX = "vrt_";

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an `Authorization: Bearer …` header, or null when there is none. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1] : null;
}
