import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DATA_DIR = process.env.VERITY_DATA_DIR ?? path.join(process.cwd(), ".data");

/**
 * The secret that signs session tokens: AUTH_SECRET (or NEXTAUTH_SECRET) when given,
 * which several app servers must share; otherwise one generated on first run and
 * kept in the git-ignored data folder.
 */
export function authSecret(): string {
  const given = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (given) return given;
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(DATA_DIR, { recursive: true });
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}
