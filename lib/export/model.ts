import { versionPhrase } from "@/lib/versions/labels";
import type { DocNode } from "@/lib/documents/schema";
import type { AnchorStatus, ClaimState, EvidenceStance } from "@/lib/generated/prisma/enums";
import type { RatingInfo, ScaledRating } from "@/lib/ratings/types";
import type { Claimant } from "@/lib/claims/types";

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
  /** Who publishes the fact-check. */
  organisation: ExportOrganisation;
  article: ExportArticle;
  /** In text order (see compareClaims), numbered from 1. */
  claims: ExportClaim[];
  /** The key to the ratings: the organisation's scale, then any other rating a claim has. */
  ratingKey: RatingInfo[];
  /** Fact checks taken down from the published article, newest first: each leaves a public notice. */
  withdrawn: ExportWithdrawal[];
}

/** A published correction of a claim's verdict (lib/corrections): the note, when, and what was published before. */
export interface ExportCorrection {
  id: string;
  note: string;
  /** When the corrected verdict was approved (ISO 8601). */
  correctedAt: string;
  /** The earlier verdict's label, as it was published. */
  previousVerdict: string;
  previousRationale: string | null;
  /** When the earlier verdict was approved (ISO 8601). */
  previousApprovedAt: string;
}

/** A fact check taken down from a published article (reopened and not approved again, or deleted). */
export interface ExportWithdrawal {
  id: string;
  note: string;
  /** ISO 8601. */
  withdrawnAt: string;
  /** The claim as the public saw it. */
  restatement: string;
  exact: string;
  previousVerdict: string;
}

/** The organisation that publishes the fact-checks, as exports and the public page name it. */
export interface ExportOrganisation {
  name: string;
  url: string | null;
  /** The logo's public address (ClaimReview), and the same picture as a data: URI (documents, which load nothing). */
  logo: { url: string; dataUri: string } | null;
  contactEmail: string | null;
  /** The methodology and corrections policy. */
  policyUrl: string | null;
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
  /** The version of the article's text the export was made from (lib/versions). */
  version: ExportVersion;
  body: DocNode;
  /** The canonical text of `body`: the coordinates of every offset below. */
  text: string;
}

export interface ExportVersion {
  /** From 1 (the import). */
  number: number;
  /** YYYY-MM-DD: the day the outlet updated the article to this version; null for the first. */
  updatedOn: string | null;
}

/** The export's version in words ("version 2, updated by the outlet on 10 Mar 2025"). */
export function exportVersionPhrase(version: ExportVersion): string {
  return versionPhrase({ number: version.number, updatedOn: version.updatedOn ? new Date(`${version.updatedOn}T00:00:00Z`) : null });
}

export interface ExportPerson {
  name: string;
}

/** Who made the claim, when and where (null: the article's outlet, date and address). */
export interface ExportClaim extends Claimant {
  /** Position in text order, from 1: the claim's marker and its entry in the list. */
  number: number;
  id: string;
  /** The claim's edit version: the Annotation Protocol's ETag names it. */
  version: number;
  /** The canonical IRI of the annotation a client created the claim with, if it gave one. */
  canonicalIri: string | null;
  restatement: string;
  /** The rating given, with its scale's bounds; null: unrated. */
  rating: ScaledRating | null;
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
  /** Its published corrections, newest first. */
  corrections: ExportCorrection[];
}

/**
 * A claim in another article linked as the same claim. Public exports name only approved
 * ones in published articles; an editor's internal export names every one, with its state.
 */
export interface ExportSameClaim {
  id: string;
  restatement: string;
  /** The rating given, with its scale's bounds; null: unrated. */
  rating: ScaledRating | null;
  state: ClaimState;
  article: ExportArticleRef;
  /** Its number N on the article's public page (its page /p/<article>/claims/N), while the article is published and the claim approved. */
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
    /** The same span in Unicode code points, as W3C positions count (lib/anchoring/code-points.ts), from its article's text. */
    codePoints: { start: number; end: number };
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

/** When a claim's fact check was first published: before its earliest correction, else at its approval. */
export function firstPublishedAt(claim: { approvedAt: string; corrections: ExportCorrection[] }): string {
  return claim.corrections.at(-1)?.previousApprovedAt ?? claim.approvedAt;
}

/** Who wrote what a claim publishes, in a sentence: its author, and whoever last changed it when that was someone else. */
export function credit(claim: Pick<ExportClaim, "author" | "editedBy">): string {
  return `Written by ${claim.author.name}${claim.editedBy ? `, edited by ${claim.editedBy.name}` : ""}.`;
}

/** The only place public output names the software (a small line in the footer). */
export const MADE_WITH = "Made with Verity";

/** The organisation's links a reader of a published fact-check is given besides its site: its policy and its contact. */
export function organisationLinks(organisation: ExportOrganisation): Array<{ label: string; href: string }> {
  return [
    ...(organisation.policyUrl ? [{ label: "Methodology and corrections policy", href: organisation.policyUrl }] : []),
    ...(organisation.contactEmail ? [{ label: `Contact: ${organisation.contactEmail}`, href: `mailto:${organisation.contactEmail}` }] : []),
  ];
}

/** Who made a claim and when, in a sentence ("Made by Mayor Jane Holt on 7 Mar 2025."); null when neither is recorded. */
export function claimantSentence(claim: Pick<ExportClaim, "claimant" | "claimDate">, formatDay: (isoDay: string) => string): string | null {
  if (!claim.claimant && !claim.claimDate) return null;
  const who = claim.claimant ? `Made by ${claim.claimant}` : "Made";
  return `${who}${claim.claimDate ? ` on ${formatDay(claim.claimDate)}` : ""}.`;
}
