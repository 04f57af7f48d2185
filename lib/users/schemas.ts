import { z } from "zod";
import { emailSchema, newPasswordSchema, ROLES } from "@/lib/auth/schemas";
import { recordId, requiredText } from "@/lib/validation/fields";

const userId = recordId("Choose a user.");
const role = z.enum(ROLES, { error: "Choose Reviewer, Editor or Admin." });

export const createUserSchema = z.object({
  name: requiredText(100, "Enter a name.", "A name has at most 100 characters."),
  email: emailSchema,
  role,
  password: newPasswordSchema,
});

export const changeRoleSchema = z.object({ userId, role });
export const resetPasswordSchema = z.object({ userId, password: newPasswordSchema });
export const setDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });
