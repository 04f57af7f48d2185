import type { Metadata } from "next";
import Link from "next/link";
import { BrandedCard } from "@/components/layout/branded-card";

export const metadata: Metadata = { title: "Not found" };

// Our own, rather than Next's built-in page, whose inline <style> the CSP refuses.
export default function NotFound() {
  return (
    <BrandedCard title="Page not found" intro="There is nothing at this address, or it is no longer here.">
      <Link href="/articles" className="button">
        Go to the articles
      </Link>
    </BrandedCard>
  );
}
