import { STANCES } from "@/lib/claims/verdicts";
import { topHeadingLevel, type BlockNode, type InlineNode, type Mark, type TextNode } from "@/lib/documents/schema";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { countByRating, ratingIcon, ratingLabel, UNRATED, type RatingInfo } from "@/lib/ratings/types";
import { claimantSentence, credit, exportVersionPhrase, isPending, MADE_WITH, organisationLinks, WITHHELD_PASSAGE, type ExportClaim, type ExportEvidence, type ExportModel, type ExportSameClaim } from "@/lib/export/model";
import { claimUrl, publicPageUrl } from "@/lib/export/urls";
import { safeHref, webHref } from "@/lib/documents/links";
import { formatDate, formatDateTime } from "@/lib/format";
import { withoutEnclosingQuotes } from "@/lib/export/quotes";

/**
 * Markdown with footnotes (GitHub-flavoured), readable as plain text: the article, each
 * claim's footnote reference right after its last character, then one footnote per claim
 * with the verdict, the claim restated and as quoted, rationale, evidence, the same claim
 * in other articles, and approval.
 */
export function renderMarkdown(model: ExportModel): string {
  const { article, claims } = model;
  const pending = claims.filter(isPending).length;
  const lines: string[] = [];
  lines.push(`# ${escapeLine(article.title)}`, "");
  const meta = [escapeLine(article.outlet)];
  if (article.publicationDate) meta.push(formatDate(new Date(`${article.publicationDate}T00:00:00Z`))!);
  meta.push(exportVersionPhrase(article.version));
  const original = safeHref(article.url);
  if (original) meta.push(`[original article](${linkTarget(original)})`);
  lines.push(meta.join(" · "), "");
  lines.push(`**Fact-check by ${escapeLine(model.organisation.name)}.** ${summary(claims, model.ratingKey)}`, "");
  if (pending > 0) {
    lines.push(
      `> **Internal export, not for publication:** ${pending === 1 ? "1 claim is" : `${pending} claims are`} pending and not approved.`,
      "",
    );
  }
  lines.push("---", "");

  const refs = new Map<number, number[]>();
  for (const claim of claims) {
    if (claim.anchorStatus !== "ANCHORED" || claim.endOffset <= claim.startOffset) continue;
    refs.set(claim.endOffset, [...(refs.get(claim.endOffset) ?? []), claim.number]);
  }
  const body = new BodyWriter(refs);
  lines.push(body.blocks(article.body.content).join("\n\n"), "", "---", "");

  lines.push("## Claims", "");
  if (claims.length === 0) lines.push("No approved verdicts yet.", "");
  const unplaced = claims.filter((claim) => claim.anchorStatus !== "ANCHORED");
  if (unplaced.length > 0) {
    lines.push(`No longer found in the article’s current text: ${unplaced.map((claim) => `[^${claim.number}]`).join(", ")}.`, "");
  }
  for (const claim of claims) lines.push(footnote(claim, model.appUrl), "");
  if (model.withdrawn.length > 0) {
    lines.push("## Withdrawn fact checks", "");
    for (const item of model.withdrawn) {
      lines.push(
        `- **A fact check of this claim was withdrawn on ${formatDate(new Date(item.withdrawnAt))}:** ${escapeText(oneLine(item.note))} ` +
          `(${quoted(item.restatement)}, published verdict: ${escapeLine(item.previousVerdict)})`,
        "",
      );
    }
  }

  lines.push("---", "");
  lines.push(
    `Exported on ${formatDateTime(model.generatedAt)}. ` +
      (model.includesPending ? "Includes pending claims: not for publication." : "Only approved verdicts are included."),
  );
  if (article.publishedAt) lines.push("", `Public page: <${publicPageUrl(model.appUrl, article.id)}>`);
  const { organisation } = model;
  const name = organisation.url ? `[${escapeLine(organisation.name)}](${linkTarget(organisation.url)})` : escapeLine(organisation.name);
  const publisher = [`Published by ${name}`, ...organisationLinks(model.organisation).map((link) => `[${escapeLine(link.label)}](${linkTarget(link.href)})`)];
  lines.push("", publisher.join(" · "), "", MADE_WITH);
  lines.push("", `Key: ${[...model.ratingKey, UNRATED].map((rating) => `${rating.icon} ${escapeLine(rating.label)}`).join(" · ")}`);
  return `${lines.join("\n")}\n`;
}

function summary(claims: ExportClaim[], key: RatingInfo[]) {
  if (claims.length === 0) return "No claims checked yet.";
  const verdicts = countByRating(claims.map((claim) => claim.rating), key)
    .map(({ rating, count }) => `${ratingIcon(rating)} ${escapeLine(ratingLabel(rating))} × ${count}`)
    .join(", ");
  return `${claims.length === 1 ? "1 claim" : `${claims.length} claims`} checked: ${verdicts}.`;
}

function footnote(claim: ExportClaim, appUrl: string): string {
  const status = isPending(claim) ? ` (pending: ${STATE_LABELS[claim.state].toLowerCase()}, not approved)` : "";
  const paragraphs: string[] = [];
  paragraphs.push(`**${ratingIcon(claim.rating)} ${escapeLine(ratingLabel(claim.rating))}${status}.** ${escapeInline(claim.restatement)}`);
  for (const correction of claim.corrections) {
    paragraphs.push(
      `**Corrected on ${formatDate(new Date(correction.correctedAt))}:** ${escapeText(correction.note)} (earlier verdict: ${escapeLine(correction.previousVerdict)})`,
    );
  }
  paragraphs.push(
    withoutEnclosingQuotes(claim.exact)
      .split("\n")
      .map((line, i, all) => `> ${i === 0 ? "“" : ""}${escapeInline(line)}${i === all.length - 1 ? "”" : ""}`)
      .join("\n"),
  );
  if (claim.anchorStatus !== "ANCHORED") paragraphs.push("*This passage is no longer found in the article’s current text.*");
  const made = claimantSentence(claim, (isoDay) => formatDate(new Date(`${isoDay}T00:00:00Z`))!);
  const where = webHref(claim.appearanceUrl);
  if (made || where) paragraphs.push([made && escapeLine(made), where && `[Where it appeared](${linkTarget(where)})`].filter(Boolean).join(" "));
  if (claim.rationale) paragraphs.push(`Rationale: ${escapeText(claim.rationale).replace(/\n/g, "  \n")}`);
  if (claim.evidence.length > 0) {
    paragraphs.push("Evidence:");
    paragraphs.push(claim.evidence.map((item) => `- ${evidenceLine(item, appUrl)}`).join("\n"));
  }
  if (claim.sameClaim.length > 0) {
    paragraphs.push("Same claim elsewhere:");
    paragraphs.push(claim.sameClaim.map((other) => `- ${sameClaimLine(other, appUrl)}`).join("\n"));
  }
  const approval = claim.approvedAt
    ? `Approved${claim.approvedBy ? ` by ${escapeLine(claim.approvedBy.name)}` : ""} on ${formatDate(new Date(claim.approvedAt))}.`
    : `Not approved yet (${STATE_LABELS[claim.state].toLowerCase()}).`;
  paragraphs.push(`${escapeLine(credit(claim))} ${approval}`);
  // Continuation paragraphs of a footnote are indented by four spaces.
  const indented = paragraphs.join("\n\n").replace(/\n(?!\n)/g, "\n    ");
  return `[^${claim.number}]: ${indented}`;
}

function evidenceLine(item: ExportEvidence, appUrl: string) {
  const stance = `${STANCES[item.stance].label}:`;
  if (item.kind === "PASSAGE") {
    const { passage } = item;
    const title = passage.articlePublished
      ? `[*${escapeLine(passage.articleTitle)}*](${linkTarget(publicPageUrl(appUrl, passage.articleId))})`
      : `*${escapeLine(passage.articleTitle)}*`;
    return `${stance} ${quoted(passage.exact)} from ${title}${passage.outlet ? `, ${escapeLine(passage.outlet)}` : ""}`;
  }
  if (item.kind === "WITHHELD") return `${stance} ${WITHHELD_PASSAGE}`;
  const { external } = item;
  const href = webHref(external.url);
  const title = escapeLine(external.title || external.url);
  const link = href ? `[${title}](${linkTarget(href)})` : title;
  const excerpt = external.excerpt ? `: ${quoted(external.excerpt)}` : "";
  const accessed = external.accessedAt ? ` Accessed ${formatDate(new Date(`${external.accessedAt}T00:00:00Z`))}.` : "";
  return `${stance} ${link}${excerpt}${accessed}`;
}

/** Quoted text on one line, in quotation marks of the export's own (not a second pair). */
function quoted(text: string) {
  return `“${escapeInline(oneLine(withoutEnclosingQuotes(text)))}”`;
}

function sameClaimLine(other: ExportSameClaim, appUrl: string) {
  const pending = isPending(other) ? ` (pending: ${STATE_LABELS[other.state].toLowerCase()})` : "";
  const title = `[*${escapeLine(other.article.title)}*](${linkTarget(claimUrl(appUrl, other.article, other.id, other.publicNumber))})`;
  return `${ratingIcon(other.rating)} ${escapeLine(ratingLabel(other.rating))}: ${quoted(other.restatement)} in ${title}${other.article.outlet ? `, ${escapeLine(other.article.outlet)}` : ""}${pending}`;
}

/** Writes the article's blocks, with footnote references after the claims' last characters. */
class BodyWriter {
  private cursor = 0;
  private top = 1;

  constructor(private readonly refs: Map<number, number[]>) {}

  blocks(blocks: BlockNode[]): string[] {
    if (this.cursor === 0) {
      this.top = topHeadingLevel(blocks);
    }
    return blocks.flatMap((block) => {
      const text = this.block(block);
      return text === "" ? [] : [text];
    });
  }

  private block(block: BlockNode): string {
    switch (block.type) {
      case "paragraph":
        return this.textblock(block.content ?? []);
      case "heading": {
        const text = this.textblock(block.content ?? []);
        return text ? `${"#".repeat(Math.min(6, block.attrs.level - this.top + 2))} ${text}` : "";
      }
      case "blockquote":
        return this.blocks(block.content)
          .join("\n\n")
          .split("\n")
          .map((line) => (line ? `> ${line}` : ">"))
          .join("\n");
      case "bulletList":
      case "orderedList": {
        const start = block.type === "orderedList" ? (block.attrs?.start ?? 1) : 1;
        return block.content
          .map((item, i) => {
            const marker = block.type === "orderedList" ? `${start + i}. ` : "- ";
            const inner = this.blocks(item.content).join("\n\n");
            return marker + inner.split("\n").join(`\n${" ".repeat(marker.length)}`).replace(/\n +\n/g, "\n\n");
          })
          .join("\n");
      }
    }
  }

  private textblock(content: InlineNode[]): string {
    const start = this.cursor;
    let at = start;
    let out = "";
    for (const node of mergeAdjacent(content)) {
      if (node.type === "hardBreak") {
        out += this.refsIn(at, at + 1) + "\\\n";
        at += 1;
        continue;
      }
      out += this.text(node, at);
      at += node.text.length;
    }
    this.cursor = at + 1;
    return out;
  }

  /** References of claims whose last character is in [from, to). */
  private refsIn(from: number, to: number) {
    let refs = "";
    for (let end = from + 1; end <= to; end++) for (const n of this.refs.get(end) ?? []) refs += `[^${n}]`;
    return refs;
  }

  private text(node: TextNode, at: number): string {
    const text = node.text;
    const lead = text.length - text.trimStart().length;
    const trail = text.trimStart().length - text.trim().length;
    // Escaped text of [from, to) with references inserted after the characters they follow.
    const piece = (from: number, to: number) => {
      let out = "";
      for (let i = from; i < to; i++) {
        out += escapeChar(text, i);
        out += this.refsIn(at + i, at + i + 1);
      }
      return out;
    };
    const marks = node.marks ?? [];
    const core = piece(lead, text.length - trail);
    if (marks.length === 0 || core === "") return escapeLineStarts(piece(0, lead) + core + piece(text.length - trail, text.length));
    return escapeLineStarts(piece(0, lead)) + wrap(core, marks) + piece(text.length - trail, text.length);
  }
}

function wrap(inner: string, marks: Mark[]) {
  let out = inner;
  for (const mark of marks) {
    if (mark.type === "bold") out = `**${out}**`;
    else if (mark.type === "italic") out = `*${out}*`;
    else {
      const href = safeHref(mark.attrs.href);
      if (href) out = `[${out}](${linkTarget(href)})`;
    }
  }
  return out;
}

/** Consecutive text nodes with the same marks, joined (so "**a****b**" never happens). */
function mergeAdjacent(content: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of content) {
    const last = merged[merged.length - 1];
    if (node.type === "text" && last?.type === "text" && sameMarks(last.marks, node.marks)) {
      merged[merged.length - 1] = { ...last, text: last.text + node.text };
    } else merged.push(node);
  }
  return merged;
}

function sameMarks(a: Mark[] = [], b: Mark[] = []) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------- escaping

const INLINE_SPECIAL = /[\\`*_[\]<~]/;

function escapeChar(text: string, i: number) {
  const c = text[i];
  if (INLINE_SPECIAL.test(c)) return `\\${c}`;
  // "&copy;" would show as ©.
  if (c === "&" && /^&#?\w+;/.test(text.slice(i))) return "\\&";
  return c;
}

function escapeInline(text: string) {
  // CommonMark ends a line at a lone CR too; the lines of multi-line text are then handled as LF ones.
  const lines = text.replace(/\r\n?/g, "\n");
  let out = "";
  for (let i = 0; i < lines.length; i++) out += escapeChar(lines, i);
  return out;
}

/** What would start a heading, quote, list or rule at the start of a line. */
function escapeLineStarts(text: string) {
  return text.replace(/(^|\n)([ \t]*)(#|>|[-+=](?=\s|$)|\d+(?=[.)](\s|$)))/g, (_m, start: string, space: string, marker: string) =>
    /^\d/.test(marker) ? `${start}${space}${marker}\\` : `${start}${space}\\${marker}`,
  );
}

function escapeText(text: string) {
  return escapeLineStarts(escapeInline(text));
}

/** Text that must stay on its line (a title, an outlet, a name). */
function escapeLine(text: string) {
  return escapeInline(oneLine(text));
}

/**
 * Each line break (CR, LF or both) with the whitespace around it becomes one space. A match
 * starts only where a run of spaces starts (the lookbehind), so a long run is scanned once.
 */
function oneLine(text: string) {
  return text.replace(/(?<![^\S\r\n])[^\S\r\n]*[\r\n]\s*/g, " ");
}

function linkTarget(url: string) {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}
