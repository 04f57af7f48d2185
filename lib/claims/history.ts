import { STANCES, STATE_LABELS } from "@/lib/claims/verdicts";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { verdictLabel, type RatingCatalogue } from "@/lib/ratings/types";
import type { AuditAction } from "@/lib/audit/record";
import { diffWordsWithSpace } from "diff";

/**
 * A claim's history, read from its audit events: one readable sentence per event, built
 * from the event's action and the changed fields it recorded in before/after.
 */
export interface HistoryEvent {
  action: string;
  before: unknown;
  after: unknown;
}

type Fields = Record<string, unknown>;

const QUOTE_LENGTH = 80;

// Workflow and same-claim actions (recorded by lib/workflow and lib/claims/same-claim.ts) and what they did.
const ACTION_NAMES: Partial<Record<AuditAction, string>> = {
  "claim.submit": "Submitted for review",
  "claim.approve": "Approved",
  "claim.request_changes": "Requested changes",
  "claim.reopen": "Reopened",
  "claim.approval_undone": "Undid the approval",
  "claim.correction_opened": "Opened a public correction",
  "claim.correction_published": "Published the correction",
  "same_claim.linked": "Linked as the same claim as a claim in another article",
  "same_claim.unlinked": "Unlinked from the same claim in other articles",
  "verdict.adopted": "Adopted the approved verdict of the same claim in another article",
  "claim.reanchored": "Placed on a new version of the article",
  "evidence.reanchored": "An evidence passage placed on a new version of its article",
  "round.reconcile": "Reconciled the independent verdicts",
};

export function summariseEvent(event: HistoryEvent, ratings: RatingCatalogue): string {
  const verdictName = (value: unknown) => verdictLabel(ratings, typeof value === "string" && value ? value : null);
  const changes = (before: Fields, after: Fields) => changePhrases(before, after, verdictName);
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  switch (event.action) {
    case "claim.create": {
      const marked = after.verdict ? `Marked the claim with the verdict ${verdictName(after.verdict)}` : "Marked the claim";
      return typeof after.claimant === "string" ? `${marked}, made by ${truncate(after.claimant)}` : marked;
    }
    case "claim.update":
      return sentence(changes(before, after)) || "Saved the claim without changes";
    case "claim.delete":
      return "Deleted the claim";
    case "evidence.add":
      return `Added ${stanceNoun(after.stance)}: ${describeEvidence(after)}`;
    case "evidence.remove":
      return `Removed ${stanceNoun(before.stance)}: ${describeEvidence(before)}`;
    case "comment.add":
      return "Commented";
    case "claim.assign":
      return isUserRef(after.assignee) ? `Assigned to ${after.assignee.name}` : "Unassigned";
    case "claim.tag":
      return `Tags: ${tagList(before.tags)} → ${tagList(after.tags)}`;
    // A round's events carry no verdict until it is revealed (lib/rounds/reveal.ts).
    case "round.open":
      return `Asked for independent verdicts from ${nameList(after.reviewers)}`;
    case "round.submit_verdict":
      return "Gave an independent verdict";
    case "round.reveal":
      return `${after.closedEarly ? "Closed the round early" : "All independent verdicts are in"}: ${revealedList(after.verdicts, verdictName)}`;
    default: {
      const what = ACTION_NAMES[event.action as AuditAction] ?? humanise(event.action);
      const details = sentence(changes(before, after));
      return details ? `${what} (${lowerFirst(details)})` : what;
    }
  }
}

/** The changes between before and after, one phrase per changed field, most important first. */
function changePhrases(before: Fields, after: Fields, verdictName: (value: unknown) => string): string[] {
  const phrases: string[] = [];
  const changed = (key: string) => key in after && before[key] !== after[key];
  if (changed("verdict")) phrases.push(`Verdict: ${verdictName(before.verdict)} → ${verdictName(after.verdict)}`);
  if (changed("state")) phrases.push(`State: ${stateName(before.state)} → ${stateName(after.state)}`);
  if (changed("restatement")) phrases.push("Restated claim changed");
  if (changed("rationale")) {
    phrases.push(!before.rationale ? "Rationale added" : !after.rationale ? "Rationale removed" : "Rationale changed");
  }
  for (const [field, label] of Object.entries(CLAIMANT_LABELS)) {
    if (changed(field)) phrases.push(`${label}: ${shownValue(before[field])} → ${shownValue(after[field])}`);
  }
  if (typeof after.reviewNote === "string" && after.reviewNote && changed("reviewNote")) {
    phrases.push(`Note: ${quote(after.reviewNote)}`);
  }
  // Why someone changed a verdict another person proposed (lib/claims/writes.ts).
  if (typeof after.note === "string" && after.note) phrases.push(`Note: ${quote(after.note)}`);
  return phrases;
}

// Who made the claim, when and where: each change shown as its old and new value.
const CLAIMANT_LABELS = { claimant: "Claimant", claimantKind: "Claimant is a", claimDate: "Claim made on", appearanceUrl: "Appeared at" } as const;

function shownValue(value: unknown) {
  if (value === "PERSON") return "person";
  if (value === "ORGANIZATION") return "organisation";
  return typeof value === "string" && value ? truncate(value) : "none";
}

/** A text field an event changed, word by word: kept, removed and added runs in reading order. */
export interface TextChange {
  label: string;
  parts: WordPart[];
}

export interface WordPart {
  text: string;
  change: "kept" | "removed" | "added";
}

/** Two texts' words in reading order, each kept, removed or added. */
export function wordParts(old: string, now: string): WordPart[] {
  return diffWordsWithSpace(old, now).map((part) => ({
    text: part.value,
    change: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("kept" as const),
  }));
}

const TEXT_FIELDS = { restatement: "Restated claim", rationale: "Rationale", reviewNote: "Editor’s note" } as const;

/** The word-level changes an event made to the claim's text fields (one filled in or emptied is all added or all removed). */
export function textChanges(event: HistoryEvent): TextChange[] {
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  const changes: TextChange[] = [];
  for (const [field, label] of Object.entries(TEXT_FIELDS)) {
    // Only changes of a field the claim had: marking a claim is not a diff.
    if (!(field in after) || !(field in before)) continue;
    const old = textOf(before[field]);
    const now = textOf(after[field]);
    if (old === now) continue;
    changes.push({ label, parts: wordParts(old, now) });
  }
  return changes;
}

function textOf(value: unknown) {
  return typeof value === "string" ? value : "";
}

function sentence(phrases: string[]) {
  return phrases.map((phrase, i) => (i === 0 ? phrase : lowerFirst(phrase))).join("; ");
}

function describeEvidence(fields: Fields): string {
  if (typeof fields.title === "string" && fields.title) return truncate(fields.title);
  if (typeof fields.exact === "string" && fields.exact) return quote(fields.exact);
  if (typeof fields.url === "string" && fields.url) return truncate(fields.url);
  return "an item";
}

function isUserRef(value: unknown): value is { name: string } {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string";
}

function nameList(value: unknown) {
  return Array.isArray(value) ? value.filter(isUserRef).map((user) => user.name).join(", ") : "reviewers";
}

function revealedList(value: unknown, verdictName: (value: unknown) => string) {
  if (!Array.isArray(value)) return "none given";
  const given = value.map(fieldsOf).filter((seat) => isUserRef(seat.reviewer));
  return given.map((seat) => `${(seat.reviewer as { name: string }).name}: ${seat.verdict ? verdictName(seat.verdict) : "none given"}`).join("; ") || "none given";
}

function tagList(value: unknown) {
  return Array.isArray(value) && value.length > 0 ? value.join(", ") : "none";
}


function stateName(value: unknown) {
  return STATE_LABELS[value as ClaimState] ?? "Unknown";
}

function stanceNoun(value: unknown) {
  return (typeof value === "string" && STANCES[value as keyof typeof STANCES]?.noun) || "evidence";
}

function quote(text: string) {
  return `“${truncate(text.replace(/\s+/g, " ").trim())}”`;
}

function truncate(text: string) {
  if (text.length <= QUOTE_LENGTH) return text;
  // Cut at a word boundary where there is a reasonable one, never between the halves of a surrogate pair.
  let kept = dropLoneHighSurrogate(text.slice(0, QUOTE_LENGTH));
  const atWord = kept.replace(/(?<!\s)\s+\S*$/, "");
  if (atWord.length > QUOTE_LENGTH / 2) kept = atWord;
  return `${kept.trimEnd()}…`;
}

function dropLoneHighSurrogate(text: string) {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

// "claim.some_thing" → "Claim some thing"
function humanise(action: string) {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Changed";
}

function lowerFirst(text: string) {
  return text[0].toLowerCase() + text.slice(1);
}

function fieldsOf(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}
