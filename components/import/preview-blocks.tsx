"use client";

import { useState } from "react";
import { ArticleBlock } from "@/components/article/article-body";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { topHeadingLevel, type DocNode } from "@/lib/documents/schema";
import { FURNITURE_KINDS, type FurnitureKind } from "@/lib/import/furniture";

interface BlockChoice {
  dropped: boolean;
  /** The editor's text for the block, once they edited it. */
  text?: string;
}

/**
 * The preview's paragraphs, each to keep, leave out or edit before the import. Paragraphs that
 * look like site furniture start left out. What the editor decided goes with the import as
 * `edits` (lib/import applyEdits); `current` false means the source changed since this preview,
 * so its decisions no longer fit it and are not sent.
 */
export function PreviewBlocks({ doc, furniture, current }: { doc: DocNode; furniture: Array<FurnitureKind | null>; current: boolean }) {
  const [choices, setChoices] = useState<BlockChoice[]>(() => furniture.map((kind) => ({ dropped: kind !== null })));
  const [editing, setEditing] = useState<number | null>(null);
  const top = topHeadingLevel(doc.content);
  const change = (index: number, choice: Partial<BlockChoice>) => setChoices((all) => all.map((c, i) => (i === index ? { ...c, ...choice } : c)));
  const edits = {
    dropped: choices.flatMap((c, i) => (c.dropped ? [i] : [])),
    texts: Object.fromEntries(choices.flatMap((c, i) => (c.text === undefined ? [] : [[i, c.text]]))),
  };

  return (
    <>
      {current && <input type="hidden" name="edits" value={JSON.stringify(edits)} />}
      {/* A list by role, not <ol>/<li>: the article's own lists stay the only <li> in its body. */}
      <div role="list" className="article-body preview-blocks" aria-label="Paragraphs to import">
        {doc.content.map((block, i) => {
          const { dropped, text } = choices[i];
          const kind = furniture[i];
          const label = `paragraph ${i + 1}`;
          return (
            <div role="listitem" key={i} className={dropped ? "preview-block preview-block--dropped" : "preview-block"}>
              {(kind || dropped) && (
                <span className="preview-block__tag">
                  {kind ? `Looks like site furniture (${FURNITURE_KINDS[kind]})` : "Left out by you"}
                  {dropped ? ": left out" : ": kept"}
                </span>
              )}
              {editing === i ? (
                <textarea
                  aria-label={`Text of ${label}`}
                  className="preview-block__editor"
                  rows={4}
                  defaultValue={text ?? canonicalText({ type: "doc", content: [block] })}
                  onChange={(event) => change(i, { text: event.target.value })}
                  autoFocus
                />
              ) : text !== undefined ? (
                text.split("\n").filter((line) => line.trim()).map((line, n) => <p key={n}>{line}</p>)
              ) : (
                <ArticleBlock block={block} top={top} />
              )}
              <span className="preview-block__actions">
                <button type="button" className="button button--quiet button--small" onClick={() => change(i, { dropped: !dropped })} aria-label={`${dropped ? "Keep" : "Leave out"} ${label}`}>
                  {dropped ? "Keep" : "Leave out"}
                </button>
                <button type="button" className="button button--quiet button--small" onClick={() => setEditing(editing === i ? null : i)} aria-label={`${editing === i ? "Done editing" : "Edit"} ${label}`}>
                  {editing === i ? "Done" : "Edit"}
                </button>
              </span>
            </div>
          );
        })}
      </div>
    </>
  );
}
