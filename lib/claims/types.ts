import type { TextChange } from "@/lib/claims/history";
import type { RoundView } from "@/lib/rounds/types";
import type { AnchorStatus, ClaimantKind, ClaimState, EvidenceStance } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";

/**
 * What the claims data layer returns. Plain types with no server code, so the reader's
 * client components can import them too.
 */

export interface UserRef {
  id: string;
  name: string;
}

/**
 * One claim as the reader's highlights and claim list need it. The quote is left out: the
 * reader takes it from the article's own text at the offsets, which keeps 1,000 claims light.
 */
export interface ClaimSummary {
  id: string;
  restatement: string;
  verdict: RatingId | null;
  state: ClaimState;
  version: number;
  startOffset: number;
  endOffset: number;
  anchorStatus: AnchorStatus;
  author: UserRef;
  assignee: UserRef | null;
  /** Lower-cased, in the order they were added. */
  tags: string[];
  evidenceCount: number;
  commentCount: number;
}

/** An evidence passage located in an article, with the claim it serves (which may be in another article). */
export interface PassageSummary {
  id: string;
  stance: EvidenceStance;
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: AnchorStatus;
  claim: {
    id: string;
    restatement: string;
    verdict: RatingId | null;
    state: ClaimState;
    articleId: string;
    articleTitle: string;
  };
}

export interface EvidenceItem {
  id: string;
  stance: EvidenceStance;
  kind: "PASSAGE" | "EXTERNAL";
  createdAt: Date;
  addedBy: UserRef;
  passage?: {
    articleId: string;
    articleTitle: string;
    startOffset: number;
    endOffset: number;
    exact: string;
    anchorStatus: AnchorStatus;
  };
  external?: {
    url: string;
    title: string;
    excerpt: string | null;
    /** YYYY-MM-DD */
    accessedAt: string | null;
  };
}

export interface ClaimComment {
  id: string;
  body: string;
  createdAt: Date;
  author: UserRef;
  /** The comment this one replies to; null: a comment of its own. */
  parentId: string | null;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actor: UserRef | null;
  action: string;
  summary: string;
  /** What the event changed in the claim's text fields, word by word. */
  textChanges: TextChange[];
}

/** What the actor may do with one claim (the UI shows controls accordingly; the server enforces it). */
export interface ClaimPermissions {
  canEdit: boolean;
  canDelete: boolean;
  canAddEvidence: boolean;
  canComment: boolean;
  /** May set the claim's tags. */
  canTag: boolean;
  /** To whom the actor may assign the claim: anyone, only themselves, or nobody. */
  canAssign: "anyone" | "self" | "nobody";
}

/** Who made a claim, when and where (ClaimReview's itemReviewed); null: the article's outlet, date and address. */
export interface Claimant {
  claimant: string | null;
  /** Set exactly when `claimant` is. */
  claimantKind: ClaimantKind | null;
  /** YYYY-MM-DD */
  claimDate: string | null;
  appearanceUrl: string | null;
}

export const CLAIMANT_FIELDS = ["claimant", "claimantKind", "claimDate", "appearanceUrl"] as const satisfies ReadonlyArray<keyof Claimant>;

export interface ClaimDetail extends ClaimSummary, Claimant {
  /** The W3C TextQuoteSelector of the claim's span. */
  exact: string;
  prefix: string;
  suffix: string;
  updatedAt: Date;
  rationale: string | null;
  reviewNote: string | null;
  verdictProposedBy: UserRef | null;
  /** Who last changed what the claim publishes (restatement, verdict, rationale, evidence). */
  contentChangedBy: UserRef | null;
  approvedBy: UserRef | null;
  approvedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  articleId: string;
  articleTitle: string;
  /** Whether its article has a public page (reopening it approved is then a public correction). */
  articlePublic: boolean;
  evidence: EvidenceItem[];
  comments: ClaimComment[];
  history: HistoryEntry[];
  /** Rounds of blind independent verdicts, newest first, as the viewer may see them. */
  rounds: RoundView[];
  permissions: ClaimPermissions;
  /** Changing the verdict needs a note: someone else proposed it, and they will be told. */
  verdictChangeNeedsNote: boolean;
}

/** The `current` of a ConflictError on a claim: the claim as it is now. */
export interface ClaimConflict {
  version: number;
  restatement: string;
  verdict: RatingId | null;
  rationale: string | null;
  state: ClaimState;
  updatedAt: Date;
  /** Who made the claim's latest recorded change. */
  updatedBy: UserRef | null;
}

/** What the write functions take (the schemas in schemas.ts produce these from form data). */
/** Claimant fields left out (undefined) are not given: none on a new claim, unchanged on an edit. */
export interface CreateClaimInput extends Partial<Claimant> {
  articleId: string;
  start: number;
  end: number;
  exact: string;
  /** Ignored: the server recomputes the context from its own copy of the article. */
  prefix?: string;
  /** Ignored, like prefix. */
  suffix?: string;
  restatement: string;
  verdict?: RatingId | null;
  rationale?: string | null;
  /** The canonical IRI of the annotation a client created the claim with (lib/annotation-protocol), kept as given. */
  canonicalIri?: string | null;
}

export interface UpdateClaimInput extends Partial<Claimant> {
  claimId: string;
  /** The version the user read. */
  version: number;
  restatement: string;
  verdict: RatingId | null;
  rationale: string | null;
  /** Why the verdict changes; required when it was proposed by someone else, who is told. */
  note?: string | null;
}

export interface DeleteClaimInput {
  claimId: string;
  version: number;
}

export type AddEvidenceInput =
  | {
      kind: "PASSAGE";
      claimId: string;
      /** The claim's version. */
      version: number;
      stance: EvidenceStance;
      sourceArticleId: string;
      start: number;
      end: number;
      exact: string;
    }
  | {
      kind: "EXTERNAL";
      claimId: string;
      version: number;
      stance: EvidenceStance;
      url: string;
      title: string;
      excerpt?: string | null;
      /** YYYY-MM-DD */
      accessedAt: string;
    };

export interface RemoveEvidenceInput {
  evidenceId: string;
  /** The claim's version. */
  version: number;
}

export interface AddCommentInput {
  claimId: string;
  body: string;
  /** The comment replied to; null or left out: a new thread. */
  parentId?: string | null;
}
