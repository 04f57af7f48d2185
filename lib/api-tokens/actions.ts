"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/data";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/schemas";

const ACCOUNT_PAGE = "/account";

export const createApiTokenAction = formAction(createApiTokenSchema, async (actor, input) => {
  const token = await createApiToken(actor, input);
  revalidatePath(ACCOUNT_PAGE);
  return { message: `Token “${token.name}” made. Copy it now: it will not be shown again.`, data: { id: token.id, secret: token.secret } };
});

export const revokeApiTokenAction = formAction(revokeApiTokenSchema, async (actor, input) => {
  const token = await revokeApiToken(actor, input);
  revalidatePath(ACCOUNT_PAGE);
  return `Token “${token.name}” revoked: it no longer works.`;
});
