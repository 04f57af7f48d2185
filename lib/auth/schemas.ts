import { z } from "zod";

export const ROLES = ["REVIEWER", "EDITOR", "ADMIN"] as const;

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "An email address has at most 254 characters." })
  .pipe(z.email({ error: "Enter a valid email address." }));

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, { error: "Enter your password." })
    .max(200, { error: "A password has at most 200 characters." }),
});

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(10, { error: "A password needs at least 10 characters." })
  .max(200, { error: "A password has at most 200 characters." });
