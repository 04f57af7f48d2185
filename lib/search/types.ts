import type { ClaimState, EvidenceStance } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";

/**
 * What the search module returns. Plain types with no server code, so client components
 * can import them too.
 */

export const RESULTS_PER_PAGE = 20;

export interface SearchFilters {
  outlet: string | null;
  /** Only articles in this language (a BCP 47 tag, as Article.language holds it). */
  language: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  /** Only passages with a claim on them, or only those without. */
  claims: "with" | "without" | null;
  /** Only passages with a claim of this verdict on them ("UNRATED": a claim without one). */
  verdict: RatingId | "UNRATED" | null;
  page: number;
}

export interface ClaimOnPassage {
  id: string;
  restatement: string;
  verdict: RatingId | null;
  state: ClaimState;
}

export interface SearchHit {
  articleId: string;
  articleTitle: string;
  outlet: string;
  /** YYYY-MM-DD */
  publicationDate: string | null;
  ordinal: number;
  startOffset: number;
  endOffset: number;
  /** The passage with the matched words between MARK_START and MARK_END (lib/search/snippet.ts). */
  snippet: string;
  rank: number;
  /** How many other articles have this same passage (collapsed into this result). */
  alsoIn: number;
  claims: ClaimOnPassage[];
}

export interface TitleHit {
  articleId: string;
  title: string;
  outlet: string;
  publicationDate: string | null;
}

export type SearchOutcome =
  | { status: "empty"; message: string }
  | {
      status: "ok";
      /** The query as it was run (cleaned up and possibly shortened). */
      query: string;
      truncated: boolean;
      hits: SearchHit[];
      /** Matching passages, counted up to `RANKED_CANDIDATES` (then `capped`). */
      total: number;
      capped: boolean;
      page: number;
      pageCount: number;
      /** Articles whose title matches (first page only). */
      titles: TitleHit[];
      /**
       * No passage contains the words: these passages contain words of the articles spelt
       * like them (trigram similarity), e.g. "Zelenskyy" for "Zelensky".
       */
      fuzzy: boolean;
      /** Languages of the articles searched whose words are matched exactly, not stemmed, as sentences to show. */
      stemming: string[];
      /** Set when nothing can match (e.g. only stop words). */
      message?: string;
    };

export interface EvidenceSuggestion {
  articleId: string;
  articleTitle: string;
  ordinal: number;
  startOffset: number;
  endOffset: number;
  text: string;
  /** The combined score: full-text rank plus the trigram similarity of the restated claim and of its quote. */
  score: number;
  /** The stance it is already attached with, if it is already evidence for the claim. */
  attachedAs: EvidenceStance | null;
}

export interface GroupMember {
  id: string;
  restatement: string;
  exact: string;
  verdict: RatingId | null;
  state: ClaimState;
  rationale: string | null;
  articleId: string;
  articleTitle: string;
}

export interface SameClaimCandidate extends GroupMember {
  /** Trigram similarity of the restated claims and quotes, 0..1. */
  similarity: number;
  /** Already in a group (with other claims); linking merges the groups. */
  grouped: boolean;
}

export interface SameClaimView {
  /** The other claims in this claim's group. */
  group: GroupMember[];
  /** Claims elsewhere that look like the same claim and are not in the group. */
  candidates: SameClaimCandidate[];
}

export interface ClaimSuggestion {
  start: number;
  end: number;
  text: string;
  /** 0..1 */
  score: number;
  reasons: string[];
}

/** A sentence of an article that states a claim approved in another article ("checked before"). */
export interface CheckedBefore {
  /** The sentence: offsets into the article's canonical text, and its text. */
  start: number;
  end: number;
  text: string;
  /** The approved claim it matches, its verdict, and where it is. */
  claimId: string;
  restatement: string;
  verdict: RatingId | null;
  articleId: string;
  articleTitle: string;
}
