"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { loginSchema } from "@/lib/auth/schemas";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";
import { ACCOUNT_DISABLED_MESSAGE } from "@/lib/auth/messages";

function messageFor(code: string | null | undefined): string {
  if (code?.startsWith("RATE_LIMITED:")) {
    const seconds = Number(code.split(":")[1]) || 60;
    const minutes = Math.ceil(seconds / 60);
    const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${at}).`;
  }
  if (code === "ACCOUNT_DISABLED") return ACCOUNT_DISABLED_MESSAGE;
  if (code === "UNAVAILABLE") return "Signing in is not possible right now. Please try again in a moment.";
  return "That email and password do not match an active account.";
}

export function LoginForm({ notice }: { notice?: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(notice ? { status: "error", message: notice } : { status: "idle" });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setState({ status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors });
      return;
    }
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        router.replace("/articles");
        router.refresh();
        return;
      }
      setState({ status: "error", message: messageFor(result?.error) });
    } catch {
      setState({ status: "error", message: messageFor("UNAVAILABLE") });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username" state={state} required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" state={state} required />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
