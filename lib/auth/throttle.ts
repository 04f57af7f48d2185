import type { Db } from "@/lib/db/client";

/**
 * Failed-login limits, per account and per client address, counted in the database
 * (table LoginThrottle) so that every app server enforces the same limits.
 * A fixed window: the first failure opens it; at the limit, logins wait until it ends.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export function throttleKeys(email: string, address: string | null) {
  return [
    { key: `account:${email}`, limit: MAX_FAILURES_PER_ACCOUNT },
    ...(address ? [{ key: `address:${address}`, limit: MAX_FAILURES_PER_ADDRESS }] : []),
  ];
}

type ThrottleKey = ReturnType<typeof throttleKeys>[number];

/** Seconds until a login may be tried again, or 0 when none of the keys is locked. */
export async function secondsUntilAllowed(db: Db, keys: ThrottleKey[], now = new Date()) {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  let wait = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)!.limit;
    const endsAt = row.windowStart.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
    if (row.failures >= limit && endsAt > now.getTime()) {
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Counts one failure against each key (atomically, so concurrent failures all count). */
export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()) {
  const windowOpenedAfter = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000);
  for (const { key } of keys) {
    await db.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowOpenedAfter} THEN ${now} ELSE "LoginThrottle"."windowStart" END`;
  }
}

/** A successful login clears its account's counter (the address keeps its count). */
export async function clearAccountFailures(db: Db, email: string) {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email}` } });
}
