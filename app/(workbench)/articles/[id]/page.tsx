import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser, type Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { isPublicArticle } from "@/lib/auth/visibility";
import { getArticle, listArticleChoices } from "@/lib/articles/data";
import { getClaimDetail, listClaimants, listClaimsForArticle, listPassagesInArticle } from "@/lib/claims/data";
import { ClaimantSuggestions } from "@/components/reader/claimant-fields";
import { listAssignees } from "@/lib/claims/organise";
import { getCurrentVersion } from "@/lib/versions/data";
import { NotFoundError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { formatDate, isoDate } from "@/lib/format";
import { ArticleDetailsForm } from "@/components/article/article-details-form";
import { ArticleReader } from "@/components/reader/article-reader";
import { ExportControls } from "@/components/export/export-controls";
import { furnitureLeftIn } from "@/lib/import";
import { RetireControls } from "@/components/article/retire-controls";
import { listMentionable } from "@/lib/notifications/data";
import { MentionPeopleProvider } from "@/components/notifications/mention-textarea";
import { AssignArticleForm } from "@/components/assignments/assign-article-form";
import { DueLabel } from "@/components/assignments/due-label";
import { ArticleRoundsForm } from "@/components/rounds/article-rounds-form";
import type { EvidenceTarget } from "@/components/reader/evidence-target-bar";
import { checkedBefore } from "@/lib/search/checked-before";
import { CheckedBeforeNote } from "@/components/reader/checked-before-note";
import { getArticlePresence } from "@/lib/live/presence";
import { latestEventId } from "@/lib/live/events";
import { LiveUpdates } from "@/components/live/live-updates";
import { PresenceList } from "@/components/live/presence-list";
import { getMarking } from "@/lib/marking/reads";
import { MarkingNotice } from "@/components/marking/marking-notice";
import { OpenMarkingForm } from "@/components/marking/open-marking-form";

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
  // The newest event first: the live stream starts after it, so a change made while the page renders is not missed.
  const since = await latestEventId();
  const [claims, passages, articles, evidenceTarget, assignees, claimants, version, checked, mentionable, presence, marking] = await Promise.all([
    listClaimsForArticle(user, id),
    listPassagesInArticle(user, id),
    listArticleChoices(user),
    evidenceTargetFor(user, query.evidenceFor),
    listAssignees(user),
    listClaimants(user),
    getCurrentVersion(user, id),
    checkedBefore(user, id),
    listMentionable(user),
    getArticlePresence(user, id),
    getMarking(user, id),
  ]);
  const markingUnderway = marking !== null && (marking.closedAt === null || marking.groups!.some((group) => !group.resolved));
  const published = formatDate(article.publicationDate);

  const header = (
    <>
      <h1 id="article-title" className="article__title">
        {article.title}
      </h1>
      <PresenceList viewers={presence.viewers} />
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
        {article.assignee && (
          <>
            {" · "}assigned to {article.assignee.name} <DueLabel dueOn={article.dueOn} />
          </>
        )}
        {article.retiredAt && (
          <>
            {" · "}
            <span className="status-pill status-pill--disabled">Retired {formatDate(article.retiredAt)}</span>
          </>
        )}
        {" · "}
        <span data-testid="version-notice">
          {version.outletUpdatedOn ? (
            <Link href={`/articles/${article.id}/versions/${version.number}`}>updated by the outlet on {formatDate(version.outletUpdatedOn)}</Link>
          ) : (
            <Link href={`/articles/${article.id}/versions`}>versions</Link>
          )}
        </span>
      </p>
      {marking && <MarkingNotice marking={marking} viewerId={user.id} />}
      <ClaimantSuggestions names={claimants} />
      <CheckedBeforeNote items={checked} />
    </>
  );
  const headerTools = (
    <>
      <ExportControls
        articleId={article.id}
        publishedAt={isPublicArticle(article) ? formatDate(article.publishedAt) : null}
        canPublish={hasRole(user, "EDITOR")}
        canIncludePending={hasRole(user, "EDITOR")}
        counts={{
          approved: claims.filter((claim) => claim.state === "APPROVED").length,
          inReview: claims.filter((claim) => claim.state !== "APPROVED").length,
          furniture: furnitureLeftIn(article.body, article.title),
        }}
      />
      {hasRole(user, "EDITOR") && (
        <div className="retire-bar">
          <RetireControls articleId={article.id} retired={article.retiredAt !== null} published={isPublicArticle(article)} />
        </div>
      )}
      {hasRole(user, "EDITOR") && article.retiredAt === null && (
        <AssignArticleForm
          articleId={article.id}
          assignee={article.assignee}
          dueOn={isoDate(article.dueOn)}
          people={assignees}
        />
      )}
      {hasRole(user, "EDITOR") && claims.length > 0 && <ArticleRoundsForm articleId={article.id} people={assignees} />}
      {hasRole(user, "EDITOR") && article.retiredAt === null && !markingUnderway && <OpenMarkingForm articleId={article.id} people={assignees} />}
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
    <LiveUpdates follow={{ article: article.id }} since={since} viewerId={user.id} editing={presence.editing}>
      <MentionPeopleProvider people={mentionable}>
            <ArticleReader
          articleId={article.id}
          body={article.body}
          claims={claims}
          passages={passages}
          checkedBefore={checked}
          articles={articles}
          evidenceTarget={evidenceTarget}
          initialClaimId={query.claim}
          initialPassageId={query.passage}
          header={header}
          headerTools={headerTools}
          viewer={{ id: user.id, role: user.role }}
          assignees={assignees}
        />
      </MentionPeopleProvider>
    </LiveUpdates>
  );
}
