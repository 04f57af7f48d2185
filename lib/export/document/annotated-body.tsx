import { Fragment, type ReactNode } from "react";
import { topHeadingLevel, type BlockNode, type DocNode, type InlineNode, type Mark } from "@/lib/documents/schema";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { ratingClass, ratingIcon, ratingLabel, ratingStyle, type RatingInfo } from "@/lib/ratings/types";
import { safeHref } from "@/lib/documents/links";

/** What the highlighted text needs of a claim. */
export interface BodyClaim {
  number: number;
  startOffset: number;
  endOffset: number;
  rating: RatingInfo | null;
  state: ClaimState;
  restatement: string;
}

/**
 * An article with its claims highlighted, on the server: the standalone HTML export
 * renders it to a string (lib/export/static-markup.ts), the public page renders it as
 * a server component. Each claim is a <mark> in its verdict's colour with a numbered
 * marker (the verdict's icon and the claim's number, linking to its entry in the list).
 *
 * The text content of the rendered body is exactly the canonical text (lib/anchoring), so
 * annotation tools anchor the exported selectors on it: one "\n" text node before every
 * textblock but the first and after every <br> (whitespace HTML does not show), and markers
 * with no text of their own (CSS shows their icon and number from data attributes; their
 * aria-label names them). The text of each textblock is cut at every
 * claim boundary; each piece is wrapped in the marks of the claims covering it, the
 * outermost (earliest start, then longest) outside. Claims that nest give nested marks;
 * claims that cross are split into several marks (the marker only on the first).
 * Everything goes through React's escaping; links keep only http(s) and mailto targets.
 */
export function AnnotatedBody({ doc, claims, className = "article-body" }: { doc: DocNode; claims: BodyClaim[]; className?: string }) {
  return <div className={className}>{renderDocument(doc, claims)}</div>;
}

function renderDocument(doc: DocNode, claims: BodyClaim[]): ReactNode[] {
  const sorted = claims
    .filter((claim) => claim.startOffset < claim.endOffset)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset || a.number - b.number);
  const top = topHeadingLevel(doc.content);
  const state = { cursor: 0, key: 0, marked: new Set<number>() };

  // The canonical text's "\n" between this textblock and the one before it.
  const separator = () => (state.cursor > 0 ? "\n" : null);

  const renderBlock = (block: BlockNode, key: number): ReactNode => {
    switch (block.type) {
      case "paragraph":
        return (
          <Fragment key={key}>
            {separator()}
            <p>{renderTextblock(block.content ?? [])}</p>
          </Fragment>
        );
      case "heading": {
        const Tag = (["h2", "h3", "h4"] as const)[block.attrs.level - top] ?? "h4";
        return (
          <Fragment key={key}>
            {separator()}
            <Tag>{renderTextblock(block.content ?? [])}</Tag>
          </Fragment>
        );
      }
      case "blockquote":
        return <blockquote key={key}>{block.content.map(renderBlock)}</blockquote>;
      case "bulletList":
        return <ul key={key}>{block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ul>;
      case "orderedList":
        return (
          <ol key={key} start={block.attrs?.start}>
            {block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}
          </ol>
        );
    }
  };

  const renderTextblock = (content: InlineNode[]): ReactNode[] => {
    const blockStart = state.cursor;
    const pieces: Array<{ from: number; to: number; node: InlineNode }> = [];
    let at = blockStart;
    for (const node of content) {
      const length = node.type === "text" ? node.text.length : 1;
      pieces.push({ from: at, to: at + length, node });
      at += length;
    }
    const blockEnd = at;
    // The next textblock starts after this one's text and the "\n" between them.
    state.cursor = blockEnd + 1;

    const here = sorted.filter((claim) => claim.startOffset < blockEnd && claim.endOffset > blockStart);
    const cuts = new Set<number>([blockStart, blockEnd]);
    for (const piece of pieces) cuts.add(piece.from);
    for (const claim of here) {
      if (claim.startOffset > blockStart) cuts.add(claim.startOffset);
      if (claim.endOffset < blockEnd) cuts.add(claim.endOffset);
    }
    const points = [...cuts].sort((a, b) => a - b);

    // Open marks, outermost first; frames[0] is the block itself.
    const frames: Array<{ claim: BodyClaim | null; first: boolean; children: ReactNode[] }> = [{ claim: null, first: false, children: [] }];
    const close = () => {
      const frame = frames.pop()!;
      frames[frames.length - 1].children.push(markElement(frame.claim!, frame.first, frame.children, `m${state.key++}`));
    };

    let pieceIndex = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      while (pieces[pieceIndex].to <= from) pieceIndex++;
      const piece = pieces[pieceIndex];
      const covering = here.filter((claim) => claim.startOffset <= from && claim.endOffset >= to);
      let common = 0;
      while (common < covering.length && common + 1 < frames.length && frames[common + 1].claim === covering[common]) common++;
      while (frames.length > common + 1) close();
      for (const claim of covering.slice(common)) {
        const first = !state.marked.has(claim.number);
        state.marked.add(claim.number);
        frames.push({ claim, first, children: first ? [markerElement(claim, `k${state.key++}`)] : [] });
      }
      const target = frames[frames.length - 1].children;
      if (piece.node.type === "hardBreak") target.push(<br key={`b${state.key++}`} />, "\n");
      else target.push(<Fragment key={`t${state.key++}`}>{applyMarks(piece.node.text.slice(from - piece.from, to - piece.from), piece.node.marks ?? [])}</Fragment>);
    }
    while (frames.length > 1) close();
    return frames[0].children;
  };

  return doc.content.map(renderBlock);
}

function markElement(claim: BodyClaim, first: boolean, children: ReactNode[], key: string) {
  const pending = claim.state !== "APPROVED";
  return (
    <mark
      key={key}
      id={first ? `claim-${claim.number}-text` : undefined}
      className={`claim-mark ${ratingClass(claim.rating)}${pending ? " claim-mark--pending" : ""}`}
      style={ratingStyle(claim.rating)}
      data-claim={claim.number}
      title={`${claim.number}. ${ratingLabel(claim.rating)}${pending ? " (pending)" : ""}: ${claim.restatement}`}
    >
      {children}
    </mark>
  );
}

function markerElement(claim: BodyClaim, key: string) {
  const pending = claim.state !== "APPROVED";
  return (
    <a
      key={key}
      className={`claim-marker ${ratingClass(claim.rating)}`}
      style={ratingStyle(claim.rating)}
      href={`#claim-${claim.number}`}
      aria-label={`Claim ${claim.number}: ${ratingLabel(claim.rating)}${pending ? ", pending" : ""}`}
      data-icon={ratingIcon(claim.rating)}
      data-number={claim.number}
    />
  );
}

function applyMarks(text: string, marks: Mark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.type === "bold") return <strong>{inner}</strong>;
    if (mark.type === "italic") return <em>{inner}</em>;
    const href = safeHref(mark.attrs.href);
    return href ? (
      <a href={href} rel="noopener noreferrer nofollow">
        {inner}
      </a>
    ) : (
      inner
    );
  }, text);
}
