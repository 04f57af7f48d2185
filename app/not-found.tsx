import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "@/components/layout/brand";

export const metadata: Metadata = { title: "Not found" };

// Our own, rather than Next's built-in page, whose inline <style> the CSP refuses.
export default function NotFound() {
  return (
    <main className="login">
      <div className="card login__card">
        <div className="login__brand">
          <Brand />
        </div>
        <h1>Page not found</h1>
        <p className="login__intro">There is nothing at this address, or it is no longer here.</p>
        <Link href="/articles" className="button">
          Go to the articles
        </Link>
      </div>
    </main>
  );
}
