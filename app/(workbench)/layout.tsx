import { requireUser } from "@/lib/auth/current-user";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppHeader } from "@/components/layout/app-header";
import { PageTrouble } from "@/components/layout/page-trouble";
import { countUnreadNotifications } from "@/lib/notifications/data";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { RatingsProvider } from "@/components/ratings/ratings-provider";

// The header needs the signed-in user; every page below also asks the data layer,
// which checks the user again (a layout is not a gate).
export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  let user;
  let unread;
  let ratings;
  try {
    user = await requireUser();
    [unread, ratings] = await Promise.all([countUnreadNotifications(user), loadCatalogue()]);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Rendered here, on the server, so the page says so with or without JavaScript (the
    // error page only renders in the browser). The page below is not shown.
    return (
      <PageTrouble unavailable>
        <a className="button" href="">
          Try again
        </a>
      </PageTrouble>
    );
  }
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader user={user} unread={unread} />
      <main id="main" className="page">
        <RatingsProvider catalogue={ratings}>{children}</RatingsProvider>
      </main>
    </>
  );
}
