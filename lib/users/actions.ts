"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users/data";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/users/schemas";

const USERS_PAGE = "/admin/users";

export const createUserAction = formAction(createUserSchema, async (actor, input) => {
  const user = await createUser(actor, input);
  revalidatePath(USERS_PAGE);
  return `${user.name} can now sign in as ${user.email}.`;
});

export const changeRoleAction = formAction(changeRoleSchema, async (actor, input) => {
  const user = await changeRole(actor, input);
  revalidatePath(USERS_PAGE);
  return `${user.name} is now ${user.role.toLowerCase()}.`;
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (actor, input) => {
  const user = await resetPassword(actor, input);
  revalidatePath(USERS_PAGE);
  return `The password of ${user.name} was reset; their open sessions have ended.`;
});

export const setDisabledAction = formAction(setDisabledSchema, async (actor, input) => {
  const user = await setDisabled(actor, input);
  revalidatePath(USERS_PAGE);
  return input.disabled ? `${user.name} is disabled and signed out.` : `${user.name} can sign in again.`;
});
