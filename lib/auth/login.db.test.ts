import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  KNOWN_ADDRESS_DAYS,
  THROTTLE_WINDOW_SECONDS,
  countAttempt,
  throttleKeys,
} from "@/lib/auth/throttle";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Logging in against a real database: every failure looks the same, and failed
 * attempts are limited per account and per client address (table LoginThrottle).
 */

 
useTestDatabase();

const INVALID = { ok: false, reason: "INVALID_CREDENTIALS" } as const;
const PASSWORD = "correct horse battery";

let counter = 0;
/** A fresh user of its own, so no test shares an account's counter with another. */
async function makeUser(options: { role?: Role; disabled?: boolean; sessionVersion?: number } = {}) {
  counter += 1;
  return prisma.user.create({
    data: {
      name: `Login User ${counter}`,
      email: `login.user${counter}@example.test`,
      role: options.role ?? "REVIEWER",
      passwordHash: await hashPassword(PASSWORD),
      disabledAt: options.disabled ? new Date() : null,
      sessionVersion: options.sessionVersion ?? 0,
    },
  });
}

async function throttleRow(key: string) {
  return prisma.loginThrottle.findUnique({ where: { key } });
}

async function failTimes(email: string, times: number, address: (i: number) => string | null) {
  for (let i = 0; i < times; i++) {
    await expect(authenticate(prisma, { email, password: "wrong password" }, address(i))).resolves.toEqual(INVALID);
  }
}

beforeEach(async () => {
  await prisma.loginThrottle.deleteMany();
});

describe("authenticate: credentials", () => {
  it("accepts the right password and returns the user's role and session version, without the hash", async () => {
    const user = await makeUser({ role: "EDITOR", sessionVersion: 3 });
    const result = await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.0.0.1");
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: "EDITOR", sessionVersion: 3 },
    });
    expect(JSON.stringify(result)).not.toContain("argon2");
  });

  it("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const user = await makeUser();
    const result = await authenticate(prisma, { email: `  ${user.email.toUpperCase()}\t`, password: PASSWORD }, "10.0.0.2");
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("gives the identical answer for a wrong password (also a disabled user's), an unknown email and malformed input", async () => {
    const user = await makeUser();
    const disabled = await makeUser({ disabled: true });
    const attempts: unknown[] = [
      { email: user.email, password: "not the password" },
      { email: user.email, password: PASSWORD.toUpperCase() },
      { email: "nobody@example.test", password: PASSWORD },
      { email: disabled.email, password: "not the password" },
      { email: user.email, password: "" },
      { email: user.email, password: "x".repeat(201) },
      { email: "not an email", password: PASSWORD },
      { email: user.email },
      { password: PASSWORD },
      { email: 42, password: PASSWORD },
      {},
      null,
      undefined,
      "admin@verity.test",
    ];
    for (const input of attempts) {
      // toStrictEqual: no extra keys that would tell one failure from another.
      expect(await authenticate(prisma, input, "10.0.0.3")).toStrictEqual(INVALID);
    }
  });

  it("does not sign in a disabled user whose password matches, and tells only them that the account is disabled", async () => {
    const disabled = await makeUser({ disabled: true });
    expect(await authenticate(prisma, { email: disabled.email, password: PASSWORD }, null)).toStrictEqual({ ok: false, reason: "DISABLED" });
    // and it counts as a failure, like any other
    expect((await throttleRow(`account:${disabled.email}`))?.failures).toBe(1);
  });
});

describe("authenticate: per-account limit", () => {
  it("counts a failure against the account and the client address", async () => {
    const user = await makeUser();
    await failTimes(user.email, 1, () => "10.1.0.1");
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(1);
    expect((await throttleRow("address:10.1.0.1"))?.failures).toBe(1);
  });

  it("locks the account after 5 failures, even for the right password, from any address it has not signed in from and any spelling of the email", async () => {
    const user = await makeUser();
    // From a different address each time: the account limit does not depend on the address.
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, (i) => `10.2.0.${i + 1}`);

    for (const [email, address] of [
      [user.email, "10.2.1.1"],
      [` ${user.email.toUpperCase()} `, "10.2.1.2"],
      [user.email, null],
    ] as const) {
      const result = await authenticate(prisma, { email, password: PASSWORD }, address);
      expect(result).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
      const wait = (result as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(THROTTLE_WINDOW_SECONDS);
    }
    // Attempts while locked are not counted: the window does not keep growing.
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("allows the right password after 4 failures", async () => {
    const user = await makeUser();
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT - 1, () => "10.3.0.1");
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.3.0.1")).toMatchObject({ ok: true });
  });

  it("leaves other accounts alone while one account is locked", async () => {
    const locked = await makeUser();
    const other = await makeUser();
    await failTimes(locked.email, MAX_FAILURES_PER_ACCOUNT, () => "10.4.0.1");
    expect(await authenticate(prisma, { email: locked.email, password: PASSWORD }, "10.4.0.1")).toMatchObject({
      reason: "RATE_LIMITED",
    });

    expect(await authenticate(prisma, { email: other.email, password: PASSWORD }, "10.4.0.2")).toMatchObject({
      ok: true,
      user: { id: other.id },
    });
    // Five failures are far below the address limit, so the same address may still sign in others.
    expect(await authenticate(prisma, { email: other.email, password: PASSWORD }, "10.4.0.1")).toMatchObject({ ok: true });
  });

  it("clears the account's counter on success, but keeps the address's count", async () => {
    const user = await makeUser();
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT - 1, () => "10.5.0.1");
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.5.0.1")).toMatchObject({ ok: true });
    expect(await throttleRow(`account:${user.email}`)).toBeNull();
    expect((await throttleRow("address:10.5.0.1"))?.failures).toBe(MAX_FAILURES_PER_ACCOUNT - 1);

    // Without the reset, 4 + 4 failures would lock the account.
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT - 1, () => "10.5.0.1");
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.5.0.1")).toMatchObject({ ok: true });
    expect((await throttleRow("address:10.5.0.1"))?.failures).toBe(2 * (MAX_FAILURES_PER_ACCOUNT - 1));
  });

  it("reports the time left in the window", async () => {
    const user = await makeUser();
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, () => "10.6.0.1");
    // The window opened 14 minutes ago: about one minute is left.
    await prisma.loginThrottle.update({
      where: { key: `account:${user.email}` },
      data: { windowStart: new Date(Date.now() - (THROTTLE_WINDOW_SECONDS - 60) * 1000) },
    });
    const result = await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.6.0.1");
    expect(result).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
    const wait = (result as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(50);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it("allows logging in again once the window has passed, and starts a new window on the next failure", async () => {
    const user = await makeUser();
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, () => "10.7.0.1");
    const expired = new Date(Date.now() - (THROTTLE_WINDOW_SECONDS + 1) * 1000);
    await prisma.loginThrottle.update({ where: { key: `account:${user.email}` }, data: { windowStart: expired } });

    // A wrong password after the window: counted from 1 again in a new window, not locked.
    await failTimes(user.email, 1, () => "10.7.0.1");
    const row = await throttleRow(`account:${user.email}`);
    expect(row?.failures).toBe(1);
    expect(row!.windowStart.getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.7.0.1")).toMatchObject({ ok: true });
  });
});

describe("authenticate: addresses the account signed in from", () => {
  // Failures alone must not lock out the right password: an attacker anywhere could
  // otherwise keep an account locked with 5 requests per window.
  it("lets the right password in from an address the account signed in from, while the account is locked elsewhere", async () => {
    const user = await makeUser();
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.8.0.1")).toMatchObject({ ok: true });
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, (i) => `198.51.100.${i + 1}`);

    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.8.0.99")).toMatchObject({ reason: "RATE_LIMITED" });
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, null)).toMatchObject({ reason: "RATE_LIMITED" });
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.8.0.1")).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("counts wrong passwords from a known address against the account, and holds that address to its own limit", async () => {
    const user = await makeUser();
    const known = "10.9.0.1";
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, known)).toMatchObject({ ok: true });
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, () => known);
    // The account is locked for every other address...
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.9.0.2")).toMatchObject({ reason: "RATE_LIMITED" });
    // ...and the known address may go on guessing only up to the address limit.
    await failTimes(user.email, MAX_FAILURES_PER_ADDRESS - MAX_FAILURES_PER_ACCOUNT, () => known);
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, known)).toMatchObject({ reason: "RATE_LIMITED" });
  });

  it("forgets an address the account last signed in from more than the set number of days ago", async () => {
    const user = await makeUser();
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.10.0.1")).toMatchObject({ ok: true });
    const longAgo = new Date(Date.now() - (KNOWN_ADDRESS_DAYS * 24 * 60 * 60 + 60) * 1000);
    await prisma.loginThrottle.updateMany({ where: { key: { startsWith: "known:" } }, data: { windowStart: longAgo } });
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, (i) => `198.51.100.${i + 20}`);
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.10.0.1")).toMatchObject({ reason: "RATE_LIMITED" });
  });

  it("knows an address per account: another account's address is not known to this one", async () => {
    const user = await makeUser();
    const other = await makeUser();
    expect(await authenticate(prisma, { email: other.email, password: PASSWORD }, "10.11.0.1")).toMatchObject({ ok: true });
    await failTimes(user.email, MAX_FAILURES_PER_ACCOUNT, (i) => `198.51.100.${i + 40}`);
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "10.11.0.1")).toMatchObject({ reason: "RATE_LIMITED" });
  });
});

describe("authenticate: per-address limit", () => {
  it("locks an address after 30 failures across different emails, for every account, from that address only", async () => {
    const user = await makeUser();
    const address = "192.0.2.77";
    // Each email fails once (well below the account limit), so only the address limit can bite.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) {
      await failTimes(`guess${i}@example.test`, 1, () => address);
    }
    // 29 failures: still allowed, and a success does not clear the address's count.
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, address)).toMatchObject({ ok: true });
    await failTimes("guess-last@example.test", 1, () => address);
    expect((await throttleRow(`address:${address}`))?.failures).toBe(MAX_FAILURES_PER_ADDRESS);

    const locked = await authenticate(prisma, { email: user.email, password: PASSWORD }, address);
    expect(locked).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
    const wait = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(THROTTLE_WINDOW_SECONDS);

    // The same account from another address is fine.
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "192.0.2.78")).toMatchObject({ ok: true });
  });
});

describe("authenticate: concurrent failures", () => {
  it("counts every one of 10 concurrent failures (no lost updates)", async () => {
    const address = "198.51.100.10";
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        authenticate(prisma, { email: `concurrent${i}@example.test`, password: "wrong password" }, address),
      ),
    );
    expect(results).toEqual(Array(10).fill(INVALID));
    expect((await throttleRow(`address:${address}`))?.failures).toBe(10);
  });

  it("counts 10 concurrent attempts for one account and address atomically", async () => {
    const keys = throttleKeys("same@example.test", "198.51.100.11");
    const results = await Promise.all(Array.from({ length: 10 }, () => countAttempt(prisma, keys)));
    // Exactly the first 5 fit under the account limit; the other 5 must wait and are taken back.
    expect(results.filter((r) => r.retryAfterSeconds === 0)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect((await throttleRow("account:same@example.test"))?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect((await throttleRow("address:198.51.100.11"))?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("a burst of 20 concurrent guesses at one account gets only 5 password checks", async () => {
    const user = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(prisma, { email: user.email, password: `wrong password ${i}` }, `203.0.113.${i + 1}`),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "INVALID_CREDENTIALS").length;
    const limited = results.filter((r) => !r.ok && r.reason === "RATE_LIMITED").length;
    expect(checked + limited).toBe(20);
    expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await authenticate(prisma, { email: user.email, password: PASSWORD }, "203.0.113.99")).toMatchObject({
      reason: "RATE_LIMITED",
    });
  });
});
