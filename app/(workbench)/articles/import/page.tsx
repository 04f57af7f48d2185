import type { Metadata } from "next";
import { AccessDenied } from "@/components/layout/access-denied";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { ImportForm } from "@/components/import/import-form";

export const metadata: Metadata = { title: "Import an article" };

// The data layer refuses a reviewer's import; this only spares them a form they cannot use.
export default async function ImportPage() {
  if (!hasRole(await requireUser(), "EDITOR")) {
    return (
      <AccessDenied title="Editors only">
        Importing articles needs the Editor role. Ask an editor to import the article you need.
      </AccessDenied>
    );
  }
  return (
    <>
      <div className="page-head">
        <h1>Import an article</h1>
        <p>Paste text, Markdown or HTML, or choose a file; check the preview, then import.</p>
      </div>
      <ImportForm />
    </>
  );
}
