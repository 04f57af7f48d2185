import type { ReactNode } from "react";
import { topHeadingLevel, type BlockNode, type DocNode, type InlineNode, type Mark } from "@/lib/documents/schema";
import { safeHref } from "@/lib/documents/links";

/**
 * Renders an article document as plain HTML, so its text is in the first HTML: the reader
 * shows it until its editor has mounted, and the import form's preview.
 * Text goes through React (escaped); links keep only http(s) and mailto targets.
 */
export function ArticleBody({ doc }: { doc: DocNode }) {
  const top = topHeadingLevel(doc.content);
  return (
    <div className="article-body">
      {doc.content.map((block, i) => (
        <ArticleBlock key={i} block={block} top={top} />
      ))}
    </div>
  );
}

/**
 * One block of a document. The article's title is the page's h1, so the document's highest
 * heading level (`top`) is an h2 and the others follow it: no level is skipped, whichever
 * levels the document uses (the plain-text importer starts at level 2).
 */
export function ArticleBlock({ block, top }: { block: BlockNode; top: number }): ReactNode {
  const renderBlock = (child: BlockNode, key: number) => <ArticleBlock key={key} block={child} top={top} />;
  switch (block.type) {
    case "paragraph":
      return <p>{renderInline(block.content)}</p>;
    case "heading": {
      const Tag = (["h2", "h3", "h4"] as const)[block.attrs.level - top] ?? "h4";
      return <Tag>{renderInline(block.content)}</Tag>;
    }
    case "blockquote":
      return <blockquote>{block.content.map(renderBlock)}</blockquote>;
    case "bulletList":
      return <ul>{block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ul>;
    case "orderedList":
      return <ol start={block.attrs?.start}>{block.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ol>;
  }
}

function renderInline(content: InlineNode[] | undefined): ReactNode {
  return content?.map((node, i) =>
    node.type === "hardBreak" ? <br key={i} /> : <span key={i}>{applyMarks(node.text, node.marks ?? [])}</span>,
  );
}

function applyMarks(text: string, marks: Mark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.type === "bold") return <strong>{inner}</strong>;
    if (mark.type === "italic") return <em>{inner}</em>;
    const href = safeHref(mark.attrs.href);
    return href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {inner}
      </a>
    ) : (
      inner
    );
  }, text);
}
