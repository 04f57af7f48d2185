import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getVersion } from "@/lib/versions/data";
import { ArticleBody } from "@/components/article/article-body";
import { VersionChanges } from "@/components/versions/version-changes";

export const metadata: Metadata = { title: "Article version" };

type Props = { params: Promise<{ id: string; number: string }>; searchParams: Promise<{ confirmed?: string }> };

/** One version of an article, read-only, with what it changed from the version before. */
export default async function VersionPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id, number } = await params;
  if (!/^[1-9]\d{0,5}$/.test(number)) notFound();
  const { confirmed } = await searchParams;
  const { article, version, previousText, isCurrent } = await getVersion(user, id, Number(number)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const updated = version.outletUpdatedOn ? `Updated by the outlet on ${formatDate(version.outletUpdatedOn)}` : "As imported";
  return (
    <>
      <p className="back-link">
        <Link href={`/articles/${article.id}/versions`}>← All versions</Link>
      </p>
      {confirmed && isCurrent && (
        <p className="form-message form-message--ok" role="status">
          Version {version.number} is now the article’s text. Claims whose words changed or were lost went back to their reviewers.
        </p>
      )}
      <div className="version-head">
        <h1>{article.title}</h1>
        <p className="article__meta" data-testid="version-notice">
          {article.outlet} · Version {version.number}
          {isCurrent ? " (current)" : " (an earlier version: read only)"} · {updated}
        </p>
        {isCurrent && (
          <p>
            <Link href={`/articles/${article.id}`}>Open the current version with its claims</Link>
          </p>
        )}
      </div>
      {previousText !== null && (
        <details className="card version-changes" open={isCurrent}>
          <summary>What changed from version {version.number - 1}</summary>
          <VersionChanges before={previousText} after={version.canonicalText} />
        </details>
      )}
      <article className="card article version-text" aria-label={`Version ${version.number}`}>
        <ArticleBody doc={version.body} />
      </article>
    </>
  );
}
