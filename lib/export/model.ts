import type { DocNode } from "@/lib/documents/schema";
import type { AnchorStatus, ClaimState, EvidenceStance, Verdict } from "@/lib/generated/prisma/enums";

/**
 * What every export format is made from: one article with its claims, as plain data.
 * The data layer (data.ts) builds it, already reduced to what the reader of the export
 * may see (approved claims only unless an editor asked for pending ones; never comments,
 * review notes or email addresses). The formats are pure functions of it, so golden
 * tests need no database. Dates are ISO strings so a model can be written out verbatim.
 */
export interface ExportModel {
  /** The app's public origin, without a trailing slash: the base of every IRI. */
  appUrl: string;
  /** When the export was made (ISO 8601). */
  generatedAt: string;
  /** True for an editor's internal export that lists pending claims too. */
  includesPending: boolean;
  article: ExportArticle;
  /** In text order (see compareClaims), numbered from 1. */
  claims: ExportClaim[];
}

/** An article as exports name it (ClaimReview appearances, claims elsewhere). */
export interface ExportArticleRef {
  id: string;
  title: string;
  outlet: string;
  /** Where the outlet published it. */
  url: string | null;
  /** YYYY-MM-DD */
  publicationDate: string | null;
  /** Set while the article has a public page (ISO 8601). */
  publishedAt: string | null;
}

export interface ExportArticle extends ExportArticleRef {
  body: DocNode;
  /** The canonical text of `body`: the coordinates of every offset below. */
  text: string;
}

export interface ExportPerson {
  name: string;
}

export interface ExportClaim {
  /** Position in text order, from 1: the claim's marker and its entry in the list. */
  number: number;
  id: string;
  restatement: string;
  verdict: Verdict | null;
  state: ClaimState;
  startOffset: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: AnchorStatus;
  rationale: string | null;
  createdAt: string;
  updatedAt: string;
  author: ExportPerson;
  /** Who last changed what the claim publishes (restatement, verdict, rationale, evidence), when not its author: credited too. */
  editedBy: ExportPerson | null;
  approvedBy: ExportPerson | null;
  approvedAt: string | null;
  evidence: ExportEvidence[];
  /** The same claim in other articles (its claim group), as far as this export's reader may see them. */
  sameClaim: ExportSameClaim[];
}

/**
 * A claim in another article linked as the same claim. Public exports name only approved
 * ones in published articles; an editor's internal export names every one, with its state.
 */
export interface ExportSameClaim {
  id: string;
  restatement: string;
  verdict: Verdict | null;
  state: ClaimState;
  article: ExportArticleRef;
  /** Its entry on the article's public page (#claim-N), while the article is published and the claim approved. */
  publicNumber: number | null;
}

export type ExportEvidence = ExportPassageEvidence | ExportExternalEvidence | ExportWithheldEvidence;

/** What a reader is told of a passage whose article they may not see (unpublished or retired): that it exists, not what it says. */
export const WITHHELD_PASSAGE = "A passage of an article that is not public.";

/** A passage of an article this export's reader may not see: its stance only, never the source's title or words. */
export interface ExportWithheldEvidence {
  kind: "WITHHELD";
  id: string;
  stance: EvidenceStance;
  createdAt: string;
}

export interface ExportPassageEvidence {
  kind: "PASSAGE";
  id: string;
  stance: EvidenceStance;
  createdAt: string;
  passage: {
    articleId: string;
    articleTitle: string;
    outlet: string;
    /** Whether the passage's article has a public page (links go there only then). */
    articlePublished: boolean;
    startOffset: number;
    endOffset: number;
    exact: string;
    prefix: string;
    suffix: string;
    anchorStatus: AnchorStatus;
  };
}

export interface ExportExternalEvidence {
  kind: "EXTERNAL";
  id: string;
  stance: EvidenceStance;
  createdAt: string;
  external: {
    url: string;
    title: string;
    excerpt: string | null;
    /** YYYY-MM-DD */
    accessedAt: string | null;
  };
}

interface Ordered {
  startOffset: number;
  endOffset: number;
  id: string;
  anchorStatus?: AnchorStatus;
}

/**
 * Text order: by start; of two claims starting together the longer (enclosing) one
 * first. Orphaned claims (no longer found in the text) come after all the others.
 */
export function compareClaims(a: Ordered, b: Ordered) {
  const orphaned = Number(a.anchorStatus === "ORPHANED") - Number(b.anchorStatus === "ORPHANED");
  return orphaned || a.startOffset - b.startOffset || b.endOffset - a.endOffset || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function isPending(claim: { state: ClaimState }) {
  return claim.state !== "APPROVED";
}

/** Whether the public may see this claim of another article: approved, and the article published. */
export function isPublicSameClaim(other: ExportSameClaim) {
  return other.state === "APPROVED" && other.article.publishedAt !== null;
}

/** The model as the public sees it: approved claims only, numbered among themselves, naming only public claims elsewhere. */
export function approvedOnly(model: ExportModel): ExportModel {
  const claims = model.claims
    .filter((claim) => !isPending(claim))
    .map((claim, i) => ({ ...claim, number: i + 1, sameClaim: claim.sameClaim.filter(isPublicSameClaim) }));
  return { ...model, includesPending: false, claims };
}

/** Who wrote what a claim publishes, in a sentence: its author, and whoever last changed it when that was someone else. */
export function credit(claim: Pick<ExportClaim, "author" | "editedBy">): string {
  return `Written by ${claim.author.name}${claim.editedBy ? `, edited by ${claim.editedBy.name}` : ""}.`;
}
