"use client";

import "./globals.css";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";
import { PageTrouble } from "@/components/layout/page-trouble";

/**
 * The whole document, in the browser, when a page failed before any of it could be sent
 * (Next then answers 500 with an empty shell): e.g. the database stopping while a page that
 * had passed the layout's checks was still reading. Reloading is the way to try again.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <PageTrouble unavailable={error.digest === DATABASE_UNAVAILABLE_DIGEST}>
          <a className="button" href="">
            Try again
          </a>
        </PageTrouble>
      </body>
    </html>
  );
}
