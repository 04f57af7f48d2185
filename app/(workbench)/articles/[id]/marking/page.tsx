import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getArticle } from "@/lib/articles/data";
import { canonicalText } from "@/lib/anchoring";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getMarking } from "@/lib/marking/reads";
import { MarkingWorkspace } from "@/components/marking/marking-workspace";
import { RevealedMarks } from "@/components/marking/marking-revealed";
import { CloseMarkingForm } from "@/components/marking/close-marking-form";
import { MarkedText } from "@/components/marking/marked-text";
import { formatAgreement } from "@/components/marking/format";
import { latestEventId } from "@/lib/live/events";
import { LiveUpdates } from "@/components/live/live-updates";

export const metadata: Metadata = { title: "Blind marking" };

type Props = { params: Promise<{ id: string }> };

export default async function MarkingPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const article = await getArticle(user, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // The newest event first: the live stream starts after it (who finishes, the reveal, the editor's decisions).
  const since = await latestEventId();
  const marking = await getMarking(user, id);
  const text = canonicalText(article.body);
  const finished = marking?.seats.some((seat) => seat.reviewer.id === user.id && seat.finishedAt !== null) ?? false;
  return (
    <LiveUpdates follow={{ article: article.id }} since={since}>
      <p className="back-link">
        <Link href={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <h1>Blind marking</h1>
      {!marking ? (
        <p className="card empty">Nobody has been asked to mark this article blind. An editor asks for it from the article’s page.</p>
      ) : (
        <>
          <section className="card marking__status" aria-labelledby="marking-panel">
            <h2 id="marking-panel">{marking.closedAt ? `Revealed ${formatDateTime(marking.closedAt)}` : "Under way: each reviewer sees only their own marks"}</h2>
            <ul className="marking__seats">
              {marking.seats.map((seat) => (
                <li key={seat.reviewer.id}>
                  {seat.reviewer.name}: {seat.finishedAt ? `finished ${formatDateTime(seat.finishedAt)}` : "still marking"}
                </li>
              ))}
            </ul>
            <p className="muted">
              Asked {marking.openedBy && `by ${marking.openedBy.name} `}
              {formatDateTime(marking.openedAt)}
              {marking.closedBy && ` · closed early by ${marking.closedBy.name}`}
            </p>
            {marking.mayClose && <CloseMarkingForm roundId={marking.id} />}
          </section>
          {marking.mayMark && <MarkingWorkspace roundId={marking.id} text={text} mine={marking.mine} />}
          {finished && !marking.closedAt && (
            <p className="notice marking-notice" role="status">
              You have finished marking. Everyone’s marks are revealed when the whole panel has finished, or an editor closes the marking.
            </p>
          )}
          {!marking.mayMark && !marking.closedAt && marking.mine.length > 0 && (
            <section aria-labelledby="your-marks">
              <h2 id="your-marks">Your marks</h2>
              <MarkedText text={text} spans={marking.mine.map((mark) => ({ start: mark.start, end: mark.end, title: mark.restatement }))} label="The article's text, with your marks" />
            </section>
          )}
          {marking.groups && marking.agreement && (
            <section aria-labelledby="revealed-marks">
              <h2 id="revealed-marks">The marks, merged where they overlap</h2>
              <p data-testid="span-agreement">
                Span agreement (overlap F1): <strong>{formatAgreement(marking.agreement.overall.f1)}</strong>{" "}
                <span className="muted">
                  ({marking.agreement.overall.matches === 1 ? "1 matched pair" : `${marking.agreement.overall.matches} matched pairs`} of marks out of {marking.agreement.overall.marks} marks compared;{" "}
                  <Link href="/agreement#spans">how it is counted</Link>)
                </span>
              </p>
              <RevealedMarks articleId={article.id} groups={marking.groups} mayReconcile={marking.mayReconcile} />
            </section>
          )}
        </>
      )}
    </LiveUpdates>
  );
}
