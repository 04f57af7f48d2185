import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";
import { BrandedCard } from "@/components/layout/branded-card";

/**
 * What a page shows instead of itself when it could not be rendered, as one card under the
 * brand like the login and not-found pages: the database being unavailable in its own words,
 * anything else in general ones. `children` offers a retry.
 */
export function PageTrouble({ unavailable, children }: { unavailable: boolean; children: React.ReactNode }) {
  return unavailable ? (
    <BrandedCard title="This page cannot be shown just now" intro={DATABASE_UNAVAILABLE_MESSAGE}>
      {children}
    </BrandedCard>
  ) : (
    <BrandedCard title="This page could not be shown" intro="Something went wrong on our side. Please try again in a moment.">
      {children}
    </BrandedCard>
  );
}
