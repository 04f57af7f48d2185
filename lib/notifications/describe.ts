import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { verdictLabel, type RatingCatalogue, type RatingId } from "@/lib/ratings/types";

/**
 * What a notification says, in one sentence, the same on the notifications page and in the
 * email digest: who did what to which claim or article. The note (a comment, a review note)
 * is shown beside it.
 */
export interface DescribedNotification {
  kind: NotificationKind;
  fromVerdict: RatingId | null;
  toVerdict: RatingId | null;
  actor: { name: string } | null;
  claim: { restatement: string } | null;
  article: { title: string } | null;
}

export function describeNotification(n: DescribedNotification, ratings: RatingCatalogue): string {
  const who = n.actor?.name ?? "A former user";
  const claim = `‘${n.claim?.restatement ?? ""}’`;
  switch (n.kind) {
    case "MENTION":
      return `${who} mentioned you on ${claim}`;
    case "CHANGES_REQUESTED":
      return `${who} requested changes on your claim ${claim}`;
    case "APPROVED":
      return `${who} approved your claim ${claim}`;
    case "ASSIGNED":
      return n.claim ? `${who} assigned you the claim ${claim}` : `${who} assigned you the article ‘${n.article?.title ?? ""}’`;
    case "CORRECTION":
      return `${who} opened a public correction of your claim ${claim}`;
    case "TEXT_CHANGED":
      return `${who} brought in a new version of the article of your claim ${claim}`;
    case "VERDICT_CHANGED":
      return `${who} changed your verdict on ${claim} from ${verdictLabel(ratings, n.fromVerdict)} to ${verdictLabel(ratings, n.toVerdict)}`;
  }
}
