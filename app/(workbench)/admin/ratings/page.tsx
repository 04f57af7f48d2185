import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { CopyScaleForm, RatingForm, RatingRow, ScaleSettingsForm, SwitchScaleForm } from "@/components/admin/rating-scale-forms";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { previewSwitch, scalesForAdmin } from "@/lib/ratings/data";
import { RatingBadge } from "@/lib/ratings/rating-badge";
import { ratingOf, type RatingCatalogue, type ScaleInfo } from "@/lib/ratings/types";

export const metadata: Metadata = { title: "Rating scales" };

type Props = { searchParams: Promise<{ scale?: string; switch?: string }> };

const ratingsOf = (catalogue: RatingCatalogue, scaleId: string) =>
  Object.values(catalogue.ratings)
    .filter((rating) => rating.scaleId === scaleId)
    .sort((a, b) => a.position - b.position);

/** The organisation's rating scale: its ratings, the presets and copies, editing a copy, and switching (admins). */
export default async function RatingScalesPage({ searchParams }: Props) {
  const actor = await requireUser();
  let view;
  try {
    view = await scalesForAdmin(actor);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return <AccessDenied title="Administrators only">Changing the rating scale needs the Admin role.</AccessDenied>;
  }
  const { catalogue, use } = view;
  const query = await searchParams;
  const shown: ScaleInfo = (query.scale && catalogue.scales[query.scale]) || catalogue.current;
  // Still shown once it is the scale in use: the switch's result stays on screen.
  const switchTo = query.switch ? catalogue.scales[query.switch] : undefined;
  const switchRows = switchTo ? await previewSwitch(actor, catalogue, switchTo.id) : [];
  const editable = shown.preset === null;
  const ratings = ratingsOf(catalogue, shown.id);

  return (
    <>
      <div className="page-head">
        <h1>Rating scales</h1>
        <div className="page-head__side">
          <Link href="/admin/audit?action=rating_scale.switch">Changes in the audit log</Link>
        </div>
      </div>
      <p className="page-intro">
        Reviewers choose verdicts from the organisation&rsquo;s scale, reading each rating&rsquo;s definition; every page, export and ClaimReview shows its label, colour and icon.
        Editing never changes an existing verdict&rsquo;s meaning: a rating that has been used can be renamed or retired, not deleted, and approved claims keep the rating they were approved with.
      </p>

      {switchTo && (
        <section className="card" aria-labelledby="switch-heading">
          <h2 id="switch-heading">Switch to {switchTo.name}</h2>
          <SwitchScaleForm
            scale={switchTo}
            targets={ratingsOf(catalogue, switchTo.id).filter((rating) => !rating.retired)}
            rows={switchRows.map((row) => ({ ...row, rating: ratingOf(catalogue, row.ratingId) }))}
          />
        </section>
      )}

      <section className="card" aria-labelledby="scale-heading">
        <h2 id="scale-heading">
          {shown.name}
          {shown.id === catalogue.current.id ? <span className="state-badge">In use</span> : null}
          {shown.preset ? <span className="state-badge">Preset</span> : null}
        </h2>
        {editable ? (
          <ScaleSettingsForm key={shown.id} scale={shown} />
        ) : (
          <p className="muted">A preset cannot be edited. Copy it to make the organisation&rsquo;s own scale, edit the copy, then switch to it.</p>
        )}
        <ol className="rating-rows" aria-label={`Ratings of ${shown.name}`}>
          {ratings.map((rating, i) => (
            <RatingRow
              key={rating.id}
              rating={rating}
              position={i}
              count={ratings.length}
              openClaims={use[rating.id]?.open ?? 0}
              approvedClaims={use[rating.id]?.approved ?? 0}
              inUse={rating.id in use}
              editable={editable}
            />
          ))}
        </ol>
        {editable && (
          <details className="rating-add">
            <summary>Add a rating</summary>
            <RatingForm scaleId={shown.id} />
          </details>
        )}
      </section>

      <section aria-labelledby="scales-heading">
        <h2 id="scales-heading">All scales</h2>
        <ul className="scale-list">
          {Object.values(catalogue.scales).map((scale) => (
            <li key={scale.id} className="card scale-card" data-scale-id={scale.id}>
              <h3>
                {scale.name}
                {scale.id === catalogue.current.id && <span className="state-badge">In use</span>}
                {scale.preset && <span className="state-badge">Preset</span>}
              </h3>
              <p className="scale-card__ratings">
                {ratingsOf(catalogue, scale.id)
                  .filter((rating) => !rating.retired)
                  .map((rating) => (
                    <RatingBadge key={rating.id} rating={rating} />
                  ))}
              </p>
              <div className="scale-card__actions">
                {scale.id !== shown.id && <Link href={`/admin/ratings?scale=${scale.id}`}>{scale.preset ? "See its definitions" : "Edit"}</Link>}
                {scale.id !== catalogue.current.id && <Link href={`/admin/ratings?scale=${shown.id}&switch=${scale.id}#switch-heading`}>Switch to this scale…</Link>}
                <details>
                  <summary>Copy</summary>
                  <CopyScaleForm scale={scale} />
                </details>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
