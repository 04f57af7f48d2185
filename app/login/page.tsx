import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "@/components/auth/login-form";
import { BrandedCard } from "@/components/layout/branded-card";
import { ACCOUNT_DISABLED_MESSAGE, SESSION_ENDED_MESSAGE } from "@/lib/auth/messages";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  if (await getCurrentUser()) redirect("/articles");
  const { ended } = await searchParams;
  return (
    <BrandedCard title="Sign in" intro="Mark claims, weigh evidence, publish verdicts.">
      <LoginForm notice={ended === "disabled" ? ACCOUNT_DISABLED_MESSAGE : ended ? SESSION_ENDED_MESSAGE : undefined} />
    </BrandedCard>
  );
}
