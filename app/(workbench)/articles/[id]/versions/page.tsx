import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { listVersions } from "@/lib/versions/data";
import { VERSION_SOURCES } from "@/lib/versions/labels";

export const metadata: Metadata = { title: "Versions" };

type Props = { params: Promise<{ id: string }> };

export default async function VersionsPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const { article, versions } = await listVersions(user, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p className="back-link">
        <Link href={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <div className="version-head">
        <h1>Versions of this article</h1>
        <p>When the outlet changes the article, an editor brings in the new text; claims are placed on it again and earlier versions stay readable here.</p>
        {hasRole(user, "EDITOR") && (
          <p>
            <Link className="button" href={`/articles/${article.id}/versions/new`}>
              Bring in a new version
            </Link>
          </p>
        )}
      </div>
      {versions.length === 0 ? (
        <p className="card empty">This article has one version: the text as it was imported.</p>
      ) : (
        <ol className="card version-list" reversed>
          {versions.map((version, i) => (
            <li key={version.number}>
              <Link href={`/articles/${article.id}/versions/${version.number}`}>Version {version.number}</Link>
              {i === 0 && <span className="version-list__current">current</span>}{" "}
              <span className="muted">
                · {version.outletUpdatedOn ? `updated by the outlet on ${formatDate(version.outletUpdatedOn)}` : "as imported"} · {VERSION_SOURCES[version.source] ?? version.source}
                {version.createdBy && ` by ${version.createdBy.name}`}, {formatDateTime(version.createdAt)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
