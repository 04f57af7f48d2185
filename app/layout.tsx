import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Verity", template: "%s · Verity" },
  description: "A fact-checking annotation workbench.",
};

// Every page renders per request (none is prerendered at build time), so each gets the
// nonce of its own Content-Security-Policy on its scripts (see proxy.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
