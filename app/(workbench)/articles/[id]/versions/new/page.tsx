import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/layout/access-denied";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { isoDate } from "@/lib/format";
import { listVersions } from "@/lib/versions/data";
import { NewVersionForm } from "@/components/versions/new-version-form";

export const metadata: Metadata = { title: "New version" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ url?: string | string[] }> };

// The data layer refuses a reviewer's version; this only spares them a form they cannot use.
export default async function NewVersionPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  // ?url= comes from the import's duplicate offer: the page read again from the same address.
  const { url } = await searchParams;
  if (!hasRole(user, "EDITOR")) {
    return <AccessDenied title="Editors only">Bringing in a new version of an article needs the Editor role.</AccessDenied>;
  }
  const { article } = await listVersions(user, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p className="back-link">
        <Link href={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <div className="page-head">
        <h1>New version of “{article.title}”</h1>
        <p>Fetch the article again from its web address, paste it or choose a file; review what changes for each claim, then confirm.</p>
      </div>
      <NewVersionForm articleId={article.id} today={isoDate(new Date())} articleUrl={article.url} sourceUrl={typeof url === "string" ? url : null} />
    </>
  );
}
