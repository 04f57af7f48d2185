import { STANCES, STATE_LABELS, verdictLabel } from "@/lib/claims/verdicts";
import type { ClaimState, Verdict } from "@/lib/generated/prisma/enums";
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
  "same_claim.linked": "Linked as the same claim as a claim in another article",
  "same_claim.unlinked": "Unlinked from the same claim in other articles",
  "verdict.adopted": "Adopted the approved verdict of the same claim in another article",
};

export function summariseEvent(event: HistoryEvent): string {
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  switch (event.action) {
    case "claim.create":
      return after.verdict ? `Marked the claim with the verdict ${verdictName(after.verdict)}` : "Marked the claim";
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
    default: {
      const what = ACTION_NAMES[event.action as AuditAction] ?? humanise(event.action);
      const details = sentence(changes(before, after));
      return details ? `${what} (${lowerFirst(details)})` : what;
    }
  }
}

/** The changes between before and after, one phrase per changed field, most important first. */
function changes(before: Fields, after: Fields): string[] {
  const phrases: string[] = [];
  const changed = (key: string) => key in after && before[key] !== after[key];
  if (changed("verdict")) phrases.push(`Verdict: ${verdictName(before.verdict)} → ${verdictName(after.verdict)}`);
  if (changed("state")) phrases.push(`State: ${stateName(before.state)} → ${stateName(after.state)}`);
  if (changed("restatement")) phrases.push("Restated claim changed");
  if (changed("rationale")) {
    phrases.push(!before.rationale ? "Rationale added" : !after.rationale ? "Rationale removed" : "Rationale changed");
  }
  if (typeof after.reviewNote === "string" && after.reviewNote && changed("reviewNote")) {
    phrases.push(`Note: ${quote(after.reviewNote)}`);
  }
  // Why someone changed a verdict another person proposed (lib/claims/writes.ts).
  if (typeof after.note === "string" && after.note) phrases.push(`Note: ${quote(after.note)}`);
  return phrases;
}

/** A text field an event changed, word by word: kept, removed and added runs in reading order. */
export interface TextChange {
  label: string;
  parts: Array<{ text: string; change: "kept" | "removed" | "added" }>;
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
    const parts = diffWordsWithSpace(old, now).map((part) => ({
      text: part.value,
      change: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("kept" as const),
    }));
    changes.push({ label, parts });
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

function tagList(value: unknown) {
  return Array.isArray(value) && value.length > 0 ? value.join(", ") : "none";
}

function verdictName(value: unknown) {
  return verdictLabel(typeof value === "string" && value ? (value as Verdict) : null);
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
