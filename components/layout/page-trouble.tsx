import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

/**
 * What a page shows instead of itself when it could not be rendered: the database being
 * unavailable in its own words, anything else in general ones. `children` offers a retry.
 */
export function PageTrouble({ unavailable, children }: { unavailable: boolean; children: React.ReactNode }) {
  return (
    <div className="card empty" role="alert">
      <h1>{unavailable ? "The database is not available" : "This page could not be shown"}</h1>
      <p>{unavailable ? DATABASE_UNAVAILABLE_MESSAGE : "Something went wrong on our side. Please try again in a moment."}</p>
      {children}
    </div>
  );
}
