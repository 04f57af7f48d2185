import { z } from "zod";
import { emailSchema, newPasswordSchema, ROLES } from "@/lib/auth/schemas";

const userId = z.string({ error: "Choose a user." }).trim().min(1, { error: "Choose a user." }).max(64);
const role = z.enum(ROLES, { error: "Choose Reviewer, Editor or Admin." });

export const createUserSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, { error: "Enter a name." })
    .max(100, { error: "A name has at most 100 characters." }),
  email: emailSchema,
  role,
  password: newPasswordSchema,
});

export const changeRoleSchema = z.object({ userId, role });
export const resetPasswordSchema = z.object({ userId, password: newPasswordSchema });
export const setDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });
