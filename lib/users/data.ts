import "server-only";
import type { z } from "zod";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/users/schemas";

// Only administrators manage users; every change is audited in its own transaction.

const publicUserFields = { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true } as const;

export async function listUsers(actor: Actor) {
  assertRole(actor, "ADMIN");
  return prisma.user.findMany({ select: publicUserFields, orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }] });
}

export async function createUser(actor: Actor, input: z.output<typeof createUserSchema>) {
  assertRole(actor, "ADMIN");
  const passwordHash = await hashPassword(input.password);
  const taken = () => new FieldError("email", "A user with this email already exists.");
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken();
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, passwordHash },
      select: publicUserFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { name: user.name, email: user.email, role: user.role },
    });
    return user;
  }).catch((error: unknown) => {
    // The same email submitted twice at once: both pass the check, the unique index refuses one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  });
}

export async function changeRole(actor: Actor, input: z.output<typeof changeRoleSchema>) {
  assertRole(actor, "ADMIN");
  if (input.userId === actor.id) throw new ForbiddenError("You cannot change your own role: ask another administrator.");
  return prisma.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    if (before.role === input.role) return before;
    // Bumping sessionVersion signs the user out, so the new role applies from their next login.
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, sessionVersion: { increment: 1 } },
      select: publicUserFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.change_role",
      entityType: "User",
      entityId: user.id,
      before: { role: before.role },
      after: { role: user.role },
    });
    return user;
  });
}

export async function resetPassword(actor: Actor, input: z.output<typeof resetPasswordSchema>) {
  assertRole(actor, "ADMIN");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // The audit trail records that the password changed, never the password.
    await recordAudit(tx, { actorId: actor.id, action: "user.reset_password", entityType: "User", entityId: user.id });
    return user;
  });
}

export async function setDisabled(actor: Actor, input: z.output<typeof setDisabledSchema>) {
  assertRole(actor, "ADMIN");
  if (input.userId === actor.id) throw new ForbiddenError("You cannot disable your own account.");
  return prisma.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    if (Boolean(before.disabledAt) === input.disabled) return before;
    const user = await tx.user.update({
      where: { id: input.userId },
      data: input.disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: publicUserFields,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: user.id,
      before: { disabled: Boolean(before.disabledAt) },
      after: { disabled: input.disabled },
    });
    return user;
  });
}

async function findUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: publicUserFields });
  if (!user) throw new NotFoundError("That user");
  return user;
}
