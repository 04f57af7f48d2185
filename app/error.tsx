"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";
import { PageTrouble } from "@/components/layout/page-trouble";

/**
 * What a page that failed to render shows instead, in the browser. In production the error's
 * message never reaches the browser, only its digest: the database being unavailable carries
 * a digest of its own, so it gets its own words. (The workbench layout already answers with
 * those words, rendered on the server, when the database is down as a request starts.)
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <PageTrouble unavailable={error.digest === DATABASE_UNAVAILABLE_DIGEST}>
      <button
        className="button"
        type="button"
        disabled={retrying}
        onClick={() =>
          startRetry(() => {
            router.refresh();
            reset();
          })
        }
      >
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </PageTrouble>
  );
}
