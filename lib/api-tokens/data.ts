import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/enums";
import { hashToken, newTokenSecret } from "@/lib/api-tokens/secret";
import type { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/schemas";

/**
 * Personal API tokens: each user makes and revokes their own (no one else's, not even an
 * admin's: a token acts as its user). A token made is shown once; a revoked one is kept
 * for the record and never works again.
 */

export const MAX_ACTIVE_TOKENS = 20;

const listed = { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listApiTokens(actor: Actor) {
  return prisma.apiToken.findMany({ where: { userId: actor.id }, select: listed, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

/** Makes a token; returns it with its secret, which is never available again. */
export async function createApiToken(actor: Actor, input: z.output<typeof createApiTokenSchema>) {
  const secret = newTokenSecret();
  return prisma.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new FieldError("name", `You have ${MAX_ACTIVE_TOKENS} tokens: revoke one you no longer use first.`);
    const token = await tx.apiToken.create({ data: { userId: actor.id, name: input.name, scope: input.scope, tokenHash: hashToken(secret) }, select: listed });
    // Recorded against the user: a token is part of their account.
    await recordAudit(tx, { actorId: actor.id, action: "api_token.create", entityType: "User", entityId: actor.id, after: { tokenId: token.id, name: token.name, scope: token.scope } });
    return { ...token, secret };
  });
}

export async function revokeApiToken(actor: Actor, input: z.output<typeof revokeApiTokenSchema>) {
  return prisma.$transaction(async (tx) => {
    // Someone else's token is "not found": its id tells nothing.
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.id }, select: listed });
    if (!token) throw new NotFoundError("That token");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: listed });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.revoke", entityType: "User", entityId: actor.id, before: { tokenId: token.id, name: token.name, scope: token.scope } });
    return revoked;
  });
}

/**
 * The user a bearer token acts as, and what it may do; null for an unknown or revoked
 * token, or a disabled user. Marks the token used (at most once a minute, to spare writes).
 */
export async function actorForToken(token: string, now = new Date()): Promise<{ actor: Actor; scope: ApiTokenScope } | null> {
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, scope: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, role: true, disabledAt: true } } },
  });
  if (!found || found.revokedAt || found.user.disabledAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const { id, name, email, role } = found.user;
  return { actor: { id, name, email, role }, scope: found.scope };
}
