import { requireUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/layout/app-header";

// The header needs the signed-in user; every page below also asks the data layer,
// which checks the user again (a layout is not a gate).
export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
