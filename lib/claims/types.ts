import type { TextChange } from "@/lib/claims/history";
import type { AnchorStatus, ClaimState, EvidenceStance, Verdict } from "@/lib/generated/prisma/enums";

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
  verdict: Verdict | null;
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
    verdict: Verdict | null;
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

export interface ClaimDetail extends ClaimSummary {
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
  evidence: EvidenceItem[];
  comments: ClaimComment[];
  history: HistoryEntry[];
  permissions: ClaimPermissions;
  /** Changing the verdict needs a note: someone else proposed it, and they will be told. */
  verdictChangeNeedsNote: boolean;
}

/** The `current` of a ConflictError on a claim: the claim as it is now. */
export interface ClaimConflict {
  version: number;
  restatement: string;
  verdict: Verdict | null;
  rationale: string | null;
  state: ClaimState;
  updatedAt: Date;
  /** Who made the claim's latest recorded change. */
  updatedBy: UserRef | null;
}

/** What the write functions take (the schemas in schemas.ts produce these from form data). */
export interface CreateClaimInput {
  articleId: string;
  start: number;
  end: number;
  exact: string;
  /** Ignored: the server recomputes the context from its own copy of the article. */
  prefix?: string;
  /** Ignored, like prefix. */
  suffix?: string;
  restatement: string;
  verdict?: Verdict | null;
  rationale?: string | null;
}

export interface UpdateClaimInput {
  claimId: string;
  /** The version the user read. */
  version: number;
  restatement: string;
  verdict: Verdict | null;
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
}
