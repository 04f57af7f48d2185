import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser, type Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { isPublicArticle } from "@/lib/auth/visibility";
import { getArticle, listArticleChoices } from "@/lib/articles/data";
import { getClaimDetail, listClaimsForArticle, listPassagesInArticle } from "@/lib/claims/data";
import { listAssignees } from "@/lib/claims/organise";
import { NotFoundError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { formatDate, isoDate } from "@/lib/format";
import { ArticleDetailsForm } from "@/components/article/article-details-form";
import { ArticleReader } from "@/components/reader/article-reader";
import { ExportControls } from "@/components/export/export-controls";
import type { EvidenceTarget } from "@/components/reader/evidence-target-bar";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ claim?: string; passage?: string; evidenceFor?: string }>;
};

// Metadata and page share one lookup per request.
const load = cache(async (id: string) => {
  const user = await requireUser();
  try {
    return { user, article: await getArticle(user, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    const { article } = await load((await params).id);
    return { title: article.title };
  } catch (error) {
    // The layout tells the user; the title need not fail the page.
    if (isDatabaseUnavailable(error)) return {};
    throw error;
  }
}

/** The claim named by ?evidenceFor=…, when the user may add evidence to it. */
async function evidenceTargetFor(user: Actor, claimId: string | undefined): Promise<EvidenceTarget | null> {
  if (!claimId) return null;
  try {
    const claim = await getClaimDetail(user, claimId);
    if (!claim.permissions.canAddEvidence) return null;
    return { claimId: claim.id, restatement: claim.restatement, version: claim.version, articleId: claim.articleId };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { user, article } = await load(id);
  const [claims, passages, articles, evidenceTarget, assignees] = await Promise.all([
    listClaimsForArticle(user, id),
    listPassagesInArticle(user, id),
    listArticleChoices(user),
    evidenceTargetFor(user, query.evidenceFor),
    listAssignees(user),
  ]);
  const published = formatDate(article.publicationDate);

  const header = (
    <>
      <h1 id="article-title" className="article__title">
        {article.title}
      </h1>
      <p className="article__meta">
        {article.outlet}
        {published && <> · {published}</>}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        )}
        {article.importedBy && <> · imported by {article.importedBy.name}</>}
      </p>
    </>
  );
  const headerTools = (
    <>
      <ExportControls
        articleId={article.id}
        publishedAt={isPublicArticle(article) ? formatDate(article.publishedAt) : null}
        canPublish={hasRole(user, "EDITOR")}
        canIncludePending={hasRole(user, "EDITOR")}
      />
      {hasRole(user, "EDITOR") && (
        <ArticleDetailsForm
          article={{
            id: article.id,
            title: article.title,
            outlet: article.outlet,
            url: article.url,
            publicationDate: isoDate(article.publicationDate),
            language: article.language ?? "",
          }}
        />
      )}
    </>
  );

  return (
    <ArticleReader
      articleId={article.id}
      body={article.body}
      claims={claims}
      passages={passages}
      articles={articles}
      evidenceTarget={evidenceTarget}
      initialClaimId={query.claim}
      initialPassageId={query.passage}
      header={header}
      headerTools={headerTools}
      viewer={{ id: user.id, role: user.role }}
      assignees={assignees}
    />
  );
}
