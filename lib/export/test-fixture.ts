import { VERITY_CATALOGUE, verityRating } from "@/lib/ratings/test-catalogue";
import { canonicalText, describeSpan } from "@/lib/anchoring";
import type { DocNode } from "@/lib/documents/schema";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";
import { compareClaims, isPublicSameClaim, type ExportClaim, type ExportEvidence, type ExportModel, type ExportOrganisation, type ExportSameClaim } from "@/lib/export/model";
import type { Claimant } from "@/lib/claims/types";

/**
 * A fixed article with claims for the export tests (golden files and structural checks):
 * headings, marks, a blockquote, lists, a hard break, text that needs escaping in every
 * format, an emoji (two UTF-16 units), claims that nest, cross, span two blocks, an
 * orphaned one, both kinds of evidence, the same claim in other articles, and (for the
 * internal export) pending claims.
 * Everything is fixed (ids, dates), so the output is byte-for-byte the same every run.
 */
export const FIXTURE_APP_URL = "https://verity.example";

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#1a4d8f"/></svg>';

/** The organisation that publishes the fixture's fact-checks. */
export const FIXTURE_ORGANISATION: ExportOrganisation = {
  name: "Coastal Fact Check",
  url: "https://factcheck.example",
  logo: { url: `${FIXTURE_APP_URL}/api/organisation/logo?v=0123456789abcdef`, dataUri: `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString("base64")}` },
  contactEmail: "desk@factcheck.example",
  policyUrl: "https://factcheck.example/methodology",
};

export const FIXTURE_DOC: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Harbour plan: what the minister said" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "The port authority said on Monday that the new harbour will create " },
        { type: "text", text: "2,000 jobs", marks: [{ type: "bold" }] },
        { type: "text", text: " and cost £40 million, the largest investment since 2019." },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Critics, including the " },
        { type: "text", text: "Harbour Watch", marks: [{ type: "link", attrs: { href: "https://harbour.example/watch" } }] },
        { type: "text", text: " group, said the budget had " },
        { type: "text", text: "doubled", marks: [{ type: "italic" }] },
        { type: "text", text: " since 2019 & that <script>alert(1)</script> “estimates” were *optimistic*." },
      ],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text: "“This is the biggest project in our history,” the mayor said." }] }],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Construction starts next spring." }] }] },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "The harbour opens in 2027 🚢 if all goes well." }] }] },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Figures from the council:" },
        { type: "hardBreak" },
        { type: "text", text: "1. 600 jobs expected by the independent study." },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "# Not a heading, and " },
        { type: "text", text: "not a link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
        { type: "text", text: "." },
      ],
    },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Third point." }] }] }] },
  ],
};

export const FIXTURE_TEXT = canonicalText(FIXTURE_DOC);

const STUDY = { articleId: "art-study", articleTitle: "Jobs study finds 600 new posts", outlet: "Port Gazette", articlePublished: true };

/** The jobs claim as other articles made it: public exports name only the approved one in a published article. */
const JOBS_ELSEWHERE: ExportSameClaim[] = [
  {
    id: "claim-gazette-jobs",
    restatement: "The harbour brings 2,000 new jobs.",
    rating: verityRating("FALSE"),
    state: "APPROVED",
    article: {
      id: "art-gazette",
      title: "Harbour vote: what the 2,000 jobs figure means",
      outlet: "Port Gazette",
      url: "https://gazette.example/harbour-vote",
      publicationDate: "2025-03-12",
      publishedAt: "2025-03-15T09:00:00.000Z",
    },
    publicNumber: 3,
  },
  {
    id: "claim-draft-jobs",
    restatement: "2,000 jobs <from> the harbour.",
    rating: verityRating("MOSTLY_FALSE"),
    state: "SUBMITTED",
    article: { id: "art-radio", title: "Radio interview with the mayor", outlet: "Coast FM", url: null, publicationDate: null, publishedAt: null },
    publicNumber: null,
  },
];

interface ClaimSpec {
  id: string;
  phrase: string;
  /** The phrase's end, when the claim runs from `phrase` to the end of `until`. */
  until?: string;
  verdict: RatingId | null;
  state: ClaimState;
  restatement: string;
  rationale: string | null;
  orphaned?: boolean;
  /** Who last changed what it publishes, when not its author. */
  editedBy?: string;
  evidence?: ExportEvidence[];
  sameClaim?: ExportSameClaim[];
  /** Who made the claim, when not the outlet. */
  claimant?: Claimant;
}

const NO_CLAIMANT: Claimant = { claimant: null, claimantKind: null, claimDate: null, appearanceUrl: null };

const APPROVED: ClaimSpec[] = [
  {
    id: "claim-jobs",
    phrase: "the new harbour will create 2,000 jobs",
    verdict: "MOSTLY_FALSE",
    state: "APPROVED",
    restatement: "The new harbour will create 2,000 jobs.",
    rationale: "The independent study expects about 600 permanent jobs.\nThe 2,000 figure counts construction work as well.",
    editedBy: "Ben Editor",
    sameClaim: JOBS_ELSEWHERE,
    evidence: [
      {
        kind: "EXTERNAL",
        id: "ev-report",
        stance: "CONTRADICTS",
        createdAt: "2025-03-11T10:00:00.000Z",
        external: {
          url: "https://stats.example.org/harbour-report?year=2025&page=2",
          title: "Harbour economic impact report",
          excerpt: "We estimate 600 permanent posts <after> completion.",
          accessedAt: "2025-03-11",
        },
      },
      {
        kind: "PASSAGE",
        id: "ev-study",
        stance: "CONTEXT",
        createdAt: "2025-03-11T10:05:00.000Z",
        passage: {
          ...STUDY,
          startOffset: 120,
          endOffset: 171,
          // The study's text has no character outside the BMP before the passage.
          codePoints: { start: 120, end: 171 },
          exact: "about 600 jobs once the harbour is fully operating",
          prefix: "The study, published in March, expects ",
          suffix: ", far fewer than the authority said.",
          anchorStatus: "ANCHORED",
        },
      },
    ],
  },
  {
    id: "claim-2000",
    phrase: "2,000 jobs",
    verdict: "FALSE",
    state: "APPROVED",
    restatement: "2,000 jobs will be created.",
    rationale: "No source supports 2,000 permanent jobs.",
    claimant: { claimant: "Harbour Authority", claimantKind: "ORGANIZATION", claimDate: null, appearanceUrl: null },
    evidence: [
      {
        kind: "EXTERNAL",
        id: "ev-council",
        stance: "SUPPORTS",
        createdAt: "2025-03-11T11:00:00.000Z",
        external: { url: "https://council.example/minutes", title: "Council minutes, 4 March", excerpt: null, accessedAt: "2025-03-12" },
      },
    ],
  },
  {
    id: "claim-cost",
    phrase: "2,000 jobs and cost £40 million",
    verdict: "MISLEADING",
    state: "APPROVED",
    restatement: "The harbour creates 2,000 jobs for £40 million.",
    rationale: "The cost leaves out the £12 million road link.",
  },
  {
    id: "claim-mayor",
    phrase: "the mayor said.",
    until: "Construction starts next spring",
    verdict: "UNVERIFIABLE",
    state: "APPROVED",
    restatement: "The mayor said construction starts next spring.",
    rationale: "There is no recording of the mayor's remarks.",
    claimant: { claimant: "Mayor Jane Holt", claimantKind: "PERSON", claimDate: "2025-03-07", appearanceUrl: "https://council.example/meetings/2025-03-07" },
  },
  {
    id: "claim-2027",
    phrase: "The harbour opens in 2027 🚢",
    verdict: "TRUE",
    state: "APPROVED",
    restatement: "The harbour opens in 2027.",
    rationale: "The published timetable says 2027.",
  },
  {
    id: "claim-decade",
    phrase: "",
    verdict: "MIXED",
    state: "APPROVED",
    restatement: "The harbour will pay for itself within a decade.",
    rationale: "Depends on traffic forecasts that differ by a factor of two.",
    orphaned: true,
  },
];

const PENDING: ClaimSpec[] = [
  {
    id: "claim-study",
    phrase: "600 jobs expected by the independent study",
    verdict: "MOSTLY_TRUE",
    state: "SUBMITTED",
    restatement: "An independent study expects 600 jobs.",
    rationale: "Matches the study's summary.",
  },
  { id: "claim-budget", phrase: "the budget had doubled since 2019", verdict: null, state: "DRAFT", restatement: "The budget doubled since 2019.", rationale: null },
];

function spanOf(text: string, phrase: string, until?: string) {
  const start = text.indexOf(phrase);
  if (start < 0 || text.indexOf(phrase, start + 1) >= 0) throw new Error(`"${phrase}" must occur exactly once in the fixture.`);
  const end = until ? text.indexOf(until) + until.length : start + phrase.length;
  return { start, end };
}

function toClaim(spec: ClaimSpec, index: number, includePending: boolean): ExportClaim {
  const day = 10 + (index % 5);
  const stamp = (hour: number) => `2025-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;
  const approved = spec.state === "APPROVED";
  let span: Pick<ExportClaim, "startOffset" | "endOffset" | "exact" | "prefix" | "suffix">;
  if (spec.orphaned) {
    span = { startOffset: 4, endOffset: 43, exact: "It will pay for itself within a decade.", prefix: "", suffix: " Officials said." };
  } else {
    const { start, end } = spanOf(FIXTURE_TEXT, spec.phrase, spec.until);
    const { quote } = describeSpan(FIXTURE_TEXT, start, end);
    span = { startOffset: start, endOffset: end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  }
  return {
    number: 0,
    id: spec.id,
    version: 3,
    canonicalIri: null,
    restatement: spec.restatement,
    rating: spec.verdict ? verityRating(spec.verdict) : null,
    state: spec.state,
    ...span,
    anchorStatus: spec.orphaned ? "ORPHANED" : "ANCHORED",
    rationale: spec.rationale,
    ...(spec.claimant ?? NO_CLAIMANT),
    createdAt: stamp(9),
    updatedAt: stamp(15),
    author: { name: index % 2 === 0 ? "Rita Reviewer" : "Ravi Reviewer" },
    editedBy: spec.editedBy ? { name: spec.editedBy } : null,
    approvedBy: approved ? { name: "Elena Editor" } : null,
    approvedAt: approved ? stamp(16) : null,
    evidence: spec.evidence ?? [],
    sameClaim: (spec.sameClaim ?? []).filter((other) => includePending || isPublicSameClaim(other)),
    corrections: [],
  };
}

/** The fixture's export model: approved claims only, or (internal) with the pending ones. */
export function fixtureModel(options: { includePending?: boolean; published?: boolean } = {}): ExportModel {
  const specs = options.includePending ? [...APPROVED, ...PENDING] : APPROVED;
  const claims = specs
    .map((spec, i) => toClaim(spec, i, options.includePending ?? false))
    .sort(compareClaims)
    .map((claim, i) => ({ ...claim, number: i + 1 }));
  return {
    appUrl: FIXTURE_APP_URL,
    generatedAt: "2025-03-20T08:30:00.000Z",
    includesPending: options.includePending ?? false,
    organisation: FIXTURE_ORGANISATION,
    ratingKey: VERITY_CATALOGUE.choices,
    article: {
      id: "art-harbour",
      title: "Harbour plan approved: 2,000 jobs & “the biggest project in our history”",
      outlet: "The Coastal Times",
      url: "https://coastal.example/news/harbour-plan",
      publicationDate: "2025-03-09",
      publishedAt: options.published === false ? null : "2025-03-18T12:00:00.000Z",
      version: { number: 2, updatedOn: "2025-03-10" },
      body: FIXTURE_DOC,
      text: FIXTURE_TEXT,
    },
    claims,
    withdrawn: [],
  };
}

/**
 * The fixture with evidence as reviewers often paste it: excerpts and passages that bring
 * their own quotation marks (curly and straight), for the checks that quotes are not doubled.
 */
export function fixtureWithQuotedEvidence(): ExportModel {
  const model = fixtureModel();
  const quoted = (item: ExportEvidence): ExportEvidence => {
    if (item.kind === "EXTERNAL" && item.external.excerpt) return { ...item, external: { ...item.external, excerpt: `“${item.external.excerpt}”` } };
    if (item.kind === "PASSAGE") return { ...item, passage: { ...item.passage, exact: `"${item.passage.exact}"` } };
    return item;
  };
  return { ...model, claims: model.claims.map((claim) => ({ ...claim, evidence: claim.evidence.map(quoted) })) };
}
