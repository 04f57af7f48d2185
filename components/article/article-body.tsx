import type { ReactNode } from "react";
import { topHeadingLevel, type BlockNode, type DocNode, type InlineNode, type Mark } from "@/lib/documents/schema";
import { safeHref } from "@/lib/documents/links";

/**
 * Renders an article document as plain HTML, so its text is in the first HTML: the reader
 * shows it until its editor has mounted, and the import form's preview.
 * Text goes through React (escaped); links keep only http(s) and mailto targets.
 */
export function ArticleBody({ doc }: { doc: DocNode }) {
  // The article's title is the page's h1, so the document's highest heading level is
  // an h2 and the others follow it: no level is skipped, whichever levels the
  // document uses (the plain-text importer starts at level 2).
  const top = topHeadingLevel(doc.content);
  const renderBlock = (block: BlockNode, key: number): ReactNode => {
    switch (block.type) {
      case "paragraph":
        return <p key={key}>{renderInline(block.content)}</p>;
      case "heading": {
        const Tag = (["h2", "h3", "h4"] as const)[block.attrs.level - top] ?? "h4";
        return <Tag key={key}>{renderInline(block.content)}</Tag>;
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
  return <div className="article-body">{doc.content.map(renderBlock)}</div>;
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
