import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "@/components/auth/login-form";
import { BrandedCard } from "@/components/layout/branded-card";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  if (await getCurrentUser()) redirect("/articles");
  const { ended } = await searchParams;
  return (
    <BrandedCard title="Sign in" intro="Mark claims, weigh evidence, publish verdicts.">
      <LoginForm notice={ended ? "Your session has ended. Please sign in again." : undefined} />
    </BrandedCard>
  );
}
