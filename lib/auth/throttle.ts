import type { Db } from "@/lib/db/client";

/**
 * Failed-login limits, per account and per client address, counted in the database
 * (table LoginThrottle) so that every app server enforces the same limits.
 * A fixed window: the first failure opens it; at the limit, logins wait until it ends.
 *
 * Failures alone must not lock the right password out: anyone can send 5 wrong passwords
 * for an account. So an address the account signed in from in the last KNOWN_ADDRESS_DAYS
 * (its "known" addresses, rows `known:<email> <address>`) is not held back by the
 * account's limit, only by its own address limit; its failures still count against the
 * account, which stays locked for every other address. (A per-account delay would still
 * let an attacker use up every slot the delay leaves.) Without a client address (a
 * server that cannot tell who connects) there is no known address either.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const KNOWN_ADDRESS_DAYS = 30;

export function throttleKeys(email: string, address: string | null, { knownAddress = false } = {}) {
  return [
    { key: `account:${email}`, limit: knownAddress ? Number.POSITIVE_INFINITY : MAX_FAILURES_PER_ACCOUNT },
    ...(address ? [{ key: `address:${address}`, limit: MAX_FAILURES_PER_ADDRESS }] : []),
  ];
}

const knownKey = (email: string, address: string) => `known:${email} ${address}`;

/** Whether the account signed in from this address in the last KNOWN_ADDRESS_DAYS. */
export async function isKnownAddress(db: Db, email: string, address: string | null, now = new Date()): Promise<boolean> {
  if (!address) return false;
  const row = await db.loginThrottle.findUnique({ where: { key: knownKey(email, address) } });
  return Boolean(row && row.windowStart.getTime() > now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
}

/** A successful login makes its address known to the account (from now, for KNOWN_ADDRESS_DAYS). */
export async function rememberAddress(db: Db, email: string, address: string | null, now = new Date()) {
  if (!address) return;
  const key = knownKey(email, address);
  await db.loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStart: now }, update: { windowStart: now } });
}

type ThrottleKey = ReturnType<typeof throttleKeys>[number];

/** The counters one attempt added to, so they can be taken back. */
export type CountedAttempt = Array<{ key: string; windowStart: Date }>;

/**
 * Counts an attempt as a failure against each key *before* the password is checked, so
 * that concurrent guesses cannot all pass a check made before any of them is counted.
 * Returns the seconds to wait (the attempt is then taken back: waiting attempts do not
 * count), or 0 and the counters to take back if the login succeeds.
 */
export async function countAttempt(
  db: Db,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<{ retryAfterSeconds: number; counted: CountedAttempt }> {
  const windowOpenedAfter = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000);
  const counted: CountedAttempt = [];
  let wait = 0;
  for (const { key, limit } of keys) {
    const [row] = await db.$queryRaw<Array<{ failures: number; windowStart: Date }>>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowOpenedAfter} THEN ${now} ELSE "LoginThrottle"."windowStart" END
      RETURNING "failures", "windowStart"`;
    const windowStart = new Date(row.windowStart);
    counted.push({ key, windowStart });
    if (Number(row.failures) > limit) {
      const endsAt = windowStart.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
      wait = Math.max(wait, Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
    }
  }
  if (wait > 0) await uncountAttempt(db, counted);
  return { retryAfterSeconds: wait, counted };
}

/** Takes an attempt back (it succeeded, or it had to wait), within the window it was counted in. */
export async function uncountAttempt(db: Db, counted: CountedAttempt) {
  for (const { key, windowStart } of counted) {
    await db.$executeRaw`
      UPDATE "LoginThrottle" SET "failures" = "failures" - 1
      WHERE "key" = ${key} AND "windowStart" = ${windowStart} AND "failures" > 0`;
  }
}

/** A successful login clears its account's counter (the address keeps its count). */
export async function clearAccountFailures(db: Db, email: string) {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email}` } });
}
