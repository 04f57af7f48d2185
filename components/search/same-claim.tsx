"use client";

import Link from "next/link";
import { adoptVerdictAction, linkSameClaimAction, unlinkSameClaimAction } from "@/lib/search/actions";
import type { GroupMember, SameClaimView } from "@/lib/search/types";
import { verdictLabel } from "@/lib/ratings/types";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import { useJson } from "@/components/search/use-json";
import { StrengthMeter } from "@/components/search/strength-meter";
import { useRatings } from "@/components/ratings/ratings-provider";

/**
 * "Same claim elsewhere" in the claim panel: the claims in other articles linked with
 * this one as the same claim (with "Adopt verdict" where one is approved), and those
 * that look like it, to link.
 */
export function SameClaim({
  claimId,
  version,
  verdict,
  canEdit,
  onChanged,
}: {
  claimId: string;
  version: number;
  /** This claim's verdict: a linked verdict it already has is not offered for adoption. */
  verdict: GroupMember["verdict"];
  /** The actor may edit this claim (link, unlink, adopt); the server decides again. */
  canEdit: boolean;
  /** The claim itself changed (an adopted verdict). */
  onChanged: () => void;
}) {
  const { data, error, reload } = useJson<SameClaimView>(`/search/api/same-claim?claim=${encodeURIComponent(claimId)}`);
  const hasAny = data && (data.group.length > 0 || data.candidates.length > 0);
  return (
    <section aria-labelledby="same-claim-heading" className="panel-section same-claim" data-testid="same-claim">
      <h3 id="same-claim-heading">Same claim elsewhere</h3>
      {error && <p className="form-message form-message--error">{error}</p>}
      {!data && !error && <p className="muted">Looking for it in other articles…</p>}
      {data && !hasAny && <p className="muted">No similar claim in other articles.</p>}
      {data && data.group.length > 0 && (
        <>
          <p className="muted same-claim__intro">Linked as the same claim:</p>
          <ul className="same-claim__list" aria-label="Linked claims">
            {data.group.map((member) => (
              <li key={member.id} className="same-claim__item" data-testid="group-member">
                <MemberSummary member={member} />
                {member.state === "APPROVED" && member.verdict && member.verdict === verdict && (
                  <p className="same-claim__note muted">Your claim has the same verdict.</p>
                )}
                {canEdit && member.state === "APPROVED" && member.verdict && member.verdict !== verdict && (
                  <AdoptVerdict claimId={claimId} version={version} member={member} onAdopted={onChanged} />
                )}
              </li>
            ))}
          </ul>
          {canEdit && <Unlink claimId={claimId} onUnlinked={reload} />}
        </>
      )}
      {data && data.candidates.length > 0 && (
        <>
          <p className="muted same-claim__intro">Possibly the same claim:</p>
          <ul className="same-claim__list" aria-label="Similar claims">
            {data.candidates.map((candidate) => (
              <li key={candidate.id} className="same-claim__item same-claim__item--candidate" data-testid="same-claim-candidate">
                <MemberSummary member={candidate} />
                <p className="same-claim__similarity muted">
                  <StrengthMeter kind="same-claim" score={candidate.similarity} />
                  {candidate.grouped ? " · already linked with other claims" : ""}
                </p>
                {canEdit && <LinkClaim claimId={claimId} otherClaimId={candidate.id} onLinked={reload} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MemberSummary({ member }: { member: GroupMember }) {
  return (
    <>
      <span className="same-claim__badges">
        <VerdictBadge verdict={member.verdict} />
        <StateBadge state={member.state} />
      </span>
      <Link href={`/articles/${member.articleId}?claim=${member.id}`} className="same-claim__claim">
        {member.restatement}
      </Link>
      <span className="same-claim__article muted">in “{member.articleTitle}”</span>
    </>
  );
}

function LinkClaim({ claimId, otherClaimId, onLinked }: { claimId: string; otherClaimId: string; onLinked: () => void }) {
  const [state, action, pending, form] = useFormAction(linkSameClaimAction);
  useOnSuccess(state, onLinked);
  return (
    <form ref={form} action={action} className="inline-form">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="otherClaimId" value={otherClaimId} />
      <button type="submit" className="button button--quiet button--small" disabled={pending}>
        {pending ? "Linking…" : "Link as the same claim"}
      </button>
      {state.status === "error" && <p className="form-status form-status--error" role="alert">{state.message}</p>}
    </form>
  );
}

function Unlink({ claimId, onUnlinked }: { claimId: string; onUnlinked: () => void }) {
  const [state, action, pending, form] = useFormAction(unlinkSameClaimAction);
  useOnSuccess(state, onUnlinked);
  return (
    <form ref={form} action={action} className="inline-form">
      <input type="hidden" name="claimId" value={claimId} />
      <button type="submit" className="link-button link-button--danger" disabled={pending}>
        Unlink this claim from the group
      </button>
      {state.status === "error" && <p className="form-status form-status--error" role="alert">{state.message}</p>}
    </form>
  );
}

function AdoptVerdict({ claimId, version, member, onAdopted }: { claimId: string; version: number; member: GroupMember; onAdopted: () => void }) {
  const ratings = useRatings();
  const [state, action, pending, form] = useFormAction(adoptVerdictAction);
  useOnSuccess(state, onAdopted);
  return (
    <form ref={form} action={action} className="same-claim__adopt">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="fromClaimId" value={member.id} />
      <button type="submit" className="button button--small" disabled={pending}>
        {pending ? "Adopting…" : `Adopt “${verdictLabel(ratings, member.verdict)}” as my proposal`}
      </button>
      {state.message && (
        <p className={`form-status form-status--${state.status === "ok" ? "ok" : "error"}`} role={state.status === "ok" ? "status" : "alert"}>
          {state.message}
        </p>
      )}
    </form>
  );
}
