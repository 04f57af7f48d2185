import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "@/components/auth/login-form";
import { Brand } from "@/components/layout/brand";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  if (await getCurrentUser()) redirect("/articles");
  const { ended } = await searchParams;
  return (
    <main className="login">
      <div className="card login__card">
        <div className="login__brand">
          <Brand />
        </div>
        <h1>Sign in</h1>
        <p className="login__intro">Mark claims, weigh evidence, publish verdicts.</p>
        <LoginForm notice={ended ? "Your session has ended. Please sign in again." : undefined} />
      </div>
    </main>
  );
}
