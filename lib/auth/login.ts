import type { Db } from "@/lib/db/client";
import { loginSchema } from "@/lib/auth/schemas";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import {
  clearAccountFailures,
  countAttempt,
  isKnownAddress,
  rememberAddress,
  throttleKeys,
  uncountAttempt,
} from "@/lib/auth/throttle";

export type LoginResult =
  | { ok: true; user: { id: string; name: string; email: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "DISABLED" }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * Checks an email and password. Every failure looks the same to the caller (unknown
 * email, wrong password, a disabled account's wrong password), so a login never reveals who
 * has an account; only the right password learns that its account is disabled.
 */
export async function authenticate(db: Db, input: unknown, clientAddress: string | null): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;

  // Counted as a failure until it succeeds, so concurrent guesses cannot exceed the limit.
  const knownAddress = await isKnownAddress(db, email, clientAddress);
  const { retryAfterSeconds, counted } = await countAttempt(db, throttleKeys(email, clientAddress, { knownAddress }));
  if (retryAfterSeconds > 0) return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !matches) return { ok: false, reason: "INVALID_CREDENTIALS" };
  // Still counted as a failure: a disabled account signs in no more often than a locked one.
  if (user.disabledAt) return { ok: false, reason: "DISABLED" };
  await uncountAttempt(db, counted);
  await clearAccountFailures(db, email);
  await rememberAddress(db, email, clientAddress);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}
