import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { getArticle } from "@/lib/articles/data";
import { NotFoundError } from "@/lib/errors";
import { formatDate, isoDate } from "@/lib/format";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleDetailsForm } from "@/components/article/article-details-form";

type Props = { params: Promise<{ id: string }> };

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
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const { user, article } = await load((await params).id);
  const published = formatDate(article.publicationDate);
  const isEditor = hasRole(user, "EDITOR");
  return (
    <div className={isEditor ? "article-layout" : undefined}>
      <article className="article" aria-labelledby="article-title">
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
        <ArticleBody doc={article.body} />
      </article>
      {isEditor && (
        <aside className="side" aria-label="Article tools">
          <ArticleDetailsForm
            article={{
              id: article.id,
              title: article.title,
              outlet: article.outlet,
              url: article.url,
              publicationDate: isoDate(article.publicationDate),
            }}
          />
        </aside>
      )}
    </div>
  );
}
