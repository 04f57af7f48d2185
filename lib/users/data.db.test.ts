import { z } from "zod";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { authenticate } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import * as passwords from "@/lib/auth/password";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeRole, createUser, listUsers, resetPassword, setDisabled } from "@/lib/users/data";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/users/schemas";

/** User management (administrators only) against a real database: authorisation, audit, sessions. */

// The real hashing, but a test may make it instant (argon2's ~50 ms otherwise staggers concurrent calls).
jest.mock("@/lib/auth/password", () => {
  const actual = jest.requireActual("@/lib/auth/password");
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) };
});

 
useTestDatabase();

const PASSWORD = "original password 1";
let counter = 0;

async function makeUser(role: Role, options: { disabled?: boolean } = {}) {
  counter += 1;
  return prisma.user.create({
    data: {
      name: `${role.toLowerCase()} ${counter}`,
      email: `${role.toLowerCase()}${counter}@users.test`,
      role,
      passwordHash: await hashPassword(PASSWORD),
      disabledAt: options.disabled ? new Date() : null,
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

const actorOf = (user: Actor): Actor => ({ id: user.id, name: user.name, email: user.email, role: user.role });

let admin: Actor;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  admin = actorOf(await makeUser("ADMIN"));
  editor = actorOf(await makeUser("EDITOR"));
  reviewer = actorOf(await makeUser("REVIEWER"));
});

beforeEach(async () => {
  await prisma.loginThrottle.deleteMany();
});

/** Everything a user-management call could change, to compare before and after a refused call. */
async function snapshot() {
  const [users, audit] = await Promise.all([
    prisma.user.findMany({ omit: { passwordHash: false }, orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, audit };
}

async function auditCount() {
  return prisma.auditEvent.count();
}

async function latestAudit() {
  return prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
}

const parse = <S extends z.ZodType>(schema: S, input: unknown) => schema.parse(input) as z.output<S>;

describe("only administrators manage users", () => {
  it.each([
    ["a reviewer", () => reviewer],
    ["an editor", () => editor],
  ])("%s gets ForbiddenError from every admin function and nothing is written", async (_who, getActor) => {
    const actor = getActor();
    const target = await makeUser("REVIEWER");
    const before = await snapshot();

    const calls: Array<() => Promise<unknown>> = [
      () => listUsers(actor),
      () => createUser(actor, parse(createUserSchema, { name: "Mallory", email: "mallory@users.test", role: "ADMIN", password: "a long password" })),
      () => changeRole(actor, { userId: target.id, role: "ADMIN" }),
      () => changeRole(actor, { userId: actor.id, role: "ADMIN" }), // promoting oneself
      () => resetPassword(actor, { userId: target.id, password: "a new long password" }),
      () => setDisabled(actor, { userId: target.id, disabled: true }),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toThrow(new ForbiddenError("Only administrators may do that."));
    }

    expect(await snapshot()).toEqual(before);
    expect(await prisma.user.findUnique({ where: { email: "mallory@users.test" } })).toBeNull();
  });
});

describe("listUsers", () => {
  it("lists every user without password hashes, active users first, each group by name", async () => {
    const disabled = await makeUser("REVIEWER", { disabled: true });
    const users = await listUsers(admin);

    expect(users.map((u) => u.id)).toEqual(expect.arrayContaining([admin.id, editor.id, reviewer.id, disabled.id]));
    expect(users).toHaveLength(await prisma.user.count());
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(["createdAt", "disabledAt", "email", "id", "name", "role"]);
    }
    const firstDisabled = users.findIndex((u) => u.disabledAt !== null);
    expect(firstDisabled).toBeGreaterThan(0);
    expect(users.slice(firstDisabled).every((u) => u.disabledAt !== null)).toBe(true);
    const activeNames = users.slice(0, firstDisabled).map((u) => u.name);
    expect(activeNames).toEqual([...activeNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("createUser", () => {
  it("stores a lower-cased email and an argon2id hash, and audits the creation without any secret", async () => {
    const password = "Sup3r secret passphrase";
    const input = parse(createUserSchema, { name: "  Nora New  ", email: "  Nora.New@Example.TEST ", role: "EDITOR", password });
    const auditBefore = await auditCount();

    const created = await createUser(admin, input);

    expect(created).toMatchObject({ name: "Nora New", email: "nora.new@example.test", role: "EDITOR", disabledAt: null });
    expect(created).not.toHaveProperty("passwordHash");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(stored.email).toBe("nora.new@example.test");
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(stored.passwordHash).not.toContain(password);
    expect(stored.sessionVersion).toBe(0);

    expect(await auditCount()).toBe(auditBefore + 1);
    const event = await latestAudit();
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "user.create",
      entityType: "User",
      entityId: created.id,
      before: null,
      after: { name: "Nora New", email: "nora.new@example.test", role: "EDITOR" },
    });
    const eventText = JSON.stringify(event, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(eventText).not.toContain(password);
    expect(eventText).not.toContain(stored.passwordHash);
    expect(eventText).not.toContain("argon2");

    // The new account works.
    expect(await authenticate(prisma, { email: "NORA.NEW@example.test", password }, null)).toMatchObject({
      ok: true,
      user: { id: created.id, role: "EDITOR" },
    });
  });

  it("refuses a duplicate email (in any case) with a FieldError on email, writing nothing", async () => {
    const existing = await makeUser("REVIEWER");
    const before = await snapshot();
    const input = parse(createUserSchema, { name: "Copy", email: existing.email.toUpperCase(), role: "REVIEWER", password: "a long password" });

    const error = await createUser(admin, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "email", message: "A user with this email already exists." });
    expect(await snapshot()).toEqual(before);
  });

  it("creates one user when the same email is submitted 8 times at once; the others get the field error", async () => {
    const input = parse(createUserSchema, { name: "Twice", email: "twice@users.test", role: "REVIEWER", password: "a long password" });
    const auditBefore = await auditCount();
    // All eight reach the database together, as a double-clicked submit can.
    const hash = await hashPassword(input.password);
    for (let i = 0; i < 8; i++) jest.mocked(passwords.hashPassword).mockResolvedValueOnce(hash);

    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createUser(admin, input)));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(7);
    for (const { reason } of rejected) {
      expect(reason).toBeInstanceOf(FieldError);
      expect(reason).toMatchObject({ field: "email", message: "A user with this email already exists." });
    }
    expect(await prisma.user.count({ where: { email: "twice@users.test" } })).toBe(1);
    expect(await auditCount()).toBe(auditBefore + 1);
  });
});

describe("changeRole", () => {
  it("changes the role, ends the user's sessions and audits before and after", async () => {
    const target = await makeUser("REVIEWER");
    const auditBefore = await auditCount();

    const updated = await changeRole(admin, parse(changeRoleSchema, { userId: target.id, role: "EDITOR" }));

    expect(updated).toMatchObject({ id: target.id, role: "EDITOR" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.role).toBe("EDITOR");
    expect(stored.sessionVersion).toBe(1);
    expect(await auditCount()).toBe(auditBefore + 1);
    expect(await latestAudit()).toMatchObject({
      actorId: admin.id,
      action: "user.change_role",
      entityType: "User",
      entityId: target.id,
      before: { role: "REVIEWER" },
      after: { role: "EDITOR" },
    });
    // The next login carries the new role and session version.
    expect(await authenticate(prisma, { email: target.email, password: PASSWORD }, null)).toMatchObject({
      ok: true,
      user: { role: "EDITOR", sessionVersion: 1 },
    });
  });

  it("changes nothing when the role is already the requested one", async () => {
    const target = await makeUser("EDITOR");
    const before = await snapshot();
    expect(await changeRole(admin, { userId: target.id, role: "EDITOR" })).toMatchObject({ id: target.id, role: "EDITOR" });
    expect(await snapshot()).toEqual(before);
  });

  it("does not let an administrator change their own role", async () => {
    const before = await snapshot();
    await expect(changeRole(admin, { userId: admin.id, role: "REVIEWER" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("reports an unknown user as not found and writes nothing", async () => {
    const before = await snapshot();
    await expect(changeRole(admin, { userId: "no-such-user", role: "EDITOR" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("resetPassword", () => {
  it("makes the old password fail and the new one work, ends sessions, and audits without the password", async () => {
    const target = await makeUser("REVIEWER");
    const newPassword = "brand new password 2";
    const auditBefore = await auditCount();

    const result = await resetPassword(admin, parse(resetPasswordSchema, { userId: target.id, password: newPassword }));

    expect(result).not.toHaveProperty("passwordHash");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: target.id }, omit: { passwordHash: false } });
    expect(stored.sessionVersion).toBe(1);
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(stored.passwordHash).not.toContain(newPassword);

    expect(await auditCount()).toBe(auditBefore + 1);
    const event = await latestAudit();
    expect(event).toMatchObject({ actorId: admin.id, action: "user.reset_password", entityType: "User", entityId: target.id });
    const eventText = JSON.stringify(event, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(eventText).not.toContain(newPassword);
    expect(eventText).not.toContain(PASSWORD);
    expect(eventText).not.toContain("argon2");

    expect(await authenticate(prisma, { email: target.email, password: PASSWORD }, null)).toEqual({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
    expect(await authenticate(prisma, { email: target.email, password: newPassword }, null)).toMatchObject({
      ok: true,
      user: { id: target.id, sessionVersion: 1 },
    });
  });

  it("reports an unknown user as not found and writes nothing", async () => {
    const before = await snapshot();
    await expect(resetPassword(admin, { userId: "no-such-user", password: "brand new password" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("setDisabled", () => {
  it("disables a user (no login, sessions ended) and enables them again, auditing both", async () => {
    const target = await makeUser("EDITOR");
    const auditBefore = await auditCount();

    const disabled = await setDisabled(admin, parse(setDisabledSchema, { userId: target.id, disabled: "true" }));
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    let stored = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.disabledAt).not.toBeNull();
    expect(stored.sessionVersion).toBe(1);
    expect(await latestAudit()).toMatchObject({
      actorId: admin.id,
      action: "user.disable",
      entityType: "User",
      entityId: target.id,
      before: { disabled: false },
      after: { disabled: true },
    });
    // Signing in with the right password is refused, saying why.
    expect(await authenticate(prisma, { email: target.email, password: PASSWORD }, null)).toEqual({ ok: false, reason: "DISABLED" });

    const enabled = await setDisabled(admin, parse(setDisabledSchema, { userId: target.id, disabled: "false" }));
    expect(enabled.disabledAt).toBeNull();
    stored = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.disabledAt).toBeNull();
    expect(await latestAudit()).toMatchObject({
      actorId: admin.id,
      action: "user.enable",
      entityId: target.id,
      before: { disabled: true },
      after: { disabled: false },
    });
    expect(await auditCount()).toBe(auditBefore + 2);
    expect(await authenticate(prisma, { email: target.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });

  it("changes nothing when the user is already in the requested state", async () => {
    const active = await makeUser("REVIEWER");
    const inactive = await makeUser("REVIEWER", { disabled: true });
    const before = await snapshot();
    await setDisabled(admin, { userId: active.id, disabled: false });
    await setDisabled(admin, { userId: inactive.id, disabled: true });
    expect(await snapshot()).toEqual(before);
  });

  it("does not let an administrator disable themselves", async () => {
    const before = await snapshot();
    const error = await setDisabled(admin, { userId: admin.id, disabled: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe("You cannot disable your own account.");
    expect(await snapshot()).toEqual(before);
  });

  it("reports an unknown user as not found and writes nothing", async () => {
    const before = await snapshot();
    await expect(setDisabled(admin, { userId: "no-such-user", disabled: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("user schemas", () => {
  const valid = { name: "Valid Name", email: "valid@users.test", role: "REVIEWER", password: "long enough!" };

  function fieldErrors(schema: z.ZodType, input: unknown) {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    return z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>;
  }

  it("accepts valid input and normalises name and email", () => {
    expect(createUserSchema.parse({ ...valid, name: " Valid Name ", email: " VALID@Users.Test " })).toEqual(valid);
  });

  it.each([
    ["a short password", { password: "short" }, "password", "A password needs at least 10 characters."],
    ["a too-long password", { password: "x".repeat(201) }, "password", "A password has at most 200 characters."],
    ["a missing password", { password: undefined }, "password", "Enter a password."],
    ["a bad email", { email: "not-an-email" }, "email", "Enter a valid email address."],
    ["a missing email", { email: undefined }, "email", "Enter an email address."],
    ["an unknown role", { role: "SUPERUSER" }, "role", "Choose Reviewer, Editor or Admin."],
    ["a blank name", { name: "   " }, "name", "Enter a name."],
    ["a too-long name", { name: "n".repeat(101) }, "name", "A name has at most 100 characters."],
  ])("rejects %s with a readable message on that field only", (_case, change, field, message) => {
    const errors = fieldErrors(createUserSchema, { ...valid, ...change });
    expect(errors).toEqual({ [field]: [message] });
  });

  it("reports every bad field at once", () => {
    const errors = fieldErrors(createUserSchema, { name: "", email: "x@", role: "root", password: "123" });
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password", "role"]);
  });

  it("checks the other forms' fields", () => {
    expect(fieldErrors(changeRoleSchema, { userId: "", role: "EDITOR" })).toEqual({ userId: ["Choose a user."] });
    expect(fieldErrors(changeRoleSchema, { userId: "u1", role: "admin" })).toEqual({ role: ["Choose Reviewer, Editor or Admin."] });
    expect(fieldErrors(resetPasswordSchema, { userId: "u1", password: "short" })).toEqual({
      password: ["A password needs at least 10 characters."],
    });
    expect(Object.keys(fieldErrors(setDisabledSchema, { userId: "u1", disabled: "yes" }))).toEqual(["disabled"]);
    expect(setDisabledSchema.parse({ userId: " u1 ", disabled: "false" })).toEqual({ userId: "u1", disabled: false });
  });
});
