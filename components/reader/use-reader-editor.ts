"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { useEditor } from "@tiptap/react";
import type { EditorView } from "@tiptap/pm/view";
import type { DocNode } from "@/lib/documents/schema";
import { isValidSpan, offsetsToRange, positionToOffset, rangeToOffsets, type TextMap } from "@/lib/anchoring";
import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { ReadOnlyText } from "@/components/reader/extensions/read-only-text";
import { HighlightLayers, setActiveHighlight, setHighlights, type HighlightSpec } from "@/components/reader/extensions/highlight-layers";
import type { SelectedSpan } from "@/components/reader/mark-claim-form";
import type { Span } from "@/components/reader/highlight-specs";

/**
 * The selected text, with where it is on screen (relative to the text's box): the top of its
 * first line and the middle of the selection there, the bottom of its last line and where it ends there.
 */
export type SelectedText = SelectedSpan & { top: number; topCentre: number; bottom: number; endLeft: number };

/** The claims under the mouse, and where their tooltip goes. */
export interface Tooltip {
  claims: ClaimSummary[];
  left: number;
  top: number;
}

/** What a click on the text opens: the innermost claim there, a suggested sentence, or evidence passages. */
export type TextClick = { kind: "claim"; id: string } | { kind: "suggestions"; focused: number } | { kind: "passages"; ids: string[] };

/**
 * The reader's read-only editor: the article with the highlights and the outlined span, the
 * selection (for "Mark claim") and the hover tooltip, clicks on the text turned into what
 * they open, and scrolling to a span of the text.
 */
export function useReaderEditor({
  body,
  textMap,
  text,
  anchored,
  passages,
  suggested,
  highlights,
  outlined,
  textRef,
  onClick,
}: {
  body: DocNode;
  textMap: TextMap;
  text: string;
  /** The anchored claims, by start. */
  anchored: ClaimSummary[];
  passages: PassageSummary[];
  /** The suggested sentences shown (none while their panel is closed). */
  suggested: Span[];
  highlights: HighlightSpec[];
  /** The open claim's, passage's or found span, outlined. */
  outlined: { startOffset: number; endOffset: number } | null;
  /** The box the selection tools and the tooltip are placed in. */
  textRef: RefObject<HTMLDivElement | null>;
  onClick: (click: TextClick) => void;
}) {
  const [selection, setSelection] = useState<SelectedText | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  // The highlights the editor shows: those it started with, then each set given to it.
  const drawnHighlights = useRef<HighlightSpec[] | null>(null);

  // Handlers given to ProseMirror once read the latest values through this ref.
  const latest = useRef({ anchored, passages, textMap, text, suggested, highlights, onClick });
  useLayoutEffect(() => {
    latest.current = { anchored, passages, textMap, text, suggested, highlights, onClick };
  });

  const claimsAt = useCallback((offset: number) => {
    return latest.current.anchored
      .filter((claim) => claim.startOffset <= offset && offset < claim.endOffset)
      .sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset));
  }, []);

  const editor = useEditor({
    extensions: [
      ...articleSchemaExtensions,
      ReadOnlyText,
      // Called when the editor is created (in an effect), not during this render.
      // eslint-disable-next-line react-hooks/refs
      HighlightLayers.configure({ initialHighlights: () => (drawnHighlights.current = latest.current.highlights) }),
    ],
    content: body,
    immediatelyRender: false,
    injectCSS: false, // its rules are in globals.css: the CSP admits no inline <style>
    editorProps: {
      attributes: {
        class: "article-body reader-text",
        role: "textbox",
        "aria-readonly": "true",
        "aria-multiline": "true",
        "aria-label": "Article text. Select a passage and press M to mark a claim.",
        spellcheck: "false",
      },
      // ProseMirror calls this only for a plain single click (not after a drag, a shift-click or a
      // double click). The selection may still be the one from before the click (a click on a
      // marker does not move it), so it is not consulted.
      handleClick(view, pos, event) {
        const target = event.target as HTMLElement;
        const marked = target.closest<HTMLElement>("[data-claim]")?.dataset.claim;
        const offset = positionToOffset(latest.current.textMap, pos);
        const here = marked ? [marked] : claimsAt(offset).map((claim) => claim.id);
        const { onClick: open } = latest.current;
        if (here.length > 0) {
          open({ kind: "claim", id: here[0] });
          return false;
        }
        const suggestion = latest.current.suggested.find((s) => s.start <= offset && offset < s.end);
        if (suggestion) {
          open({ kind: "suggestions", focused: suggestion.start });
          return false;
        }
        const passageIds = target.closest<HTMLElement>("[data-passage]")?.dataset.passage
          ? [target.closest<HTMLElement>("[data-passage]")!.dataset.passage!]
          : latest.current.passages.filter((p) => p.startOffset <= offset && offset < p.endOffset).map((p) => p.id);
        if (passageIds.length > 0) open({ kind: "passages", ids: passageIds });
        return false;
      },
      handleDOMEvents: {
        mouseover(view, event) {
          const found = view.posAtCoords({ left: event.clientX, top: event.clientY });
          const box = textRef.current?.getBoundingClientRect();
          const here = found ? claimsAt(positionToOffset(latest.current.textMap, found.pos)) : [];
          setTooltip(here.length > 0 && box ? { claims: here.slice(0, 3), left: event.clientX - box.left, top: event.clientY - box.top } : null);
          return false;
        },
        mouseleave() {
          setTooltip(null);
          return false;
        },
      },
    },
    onSelectionUpdate({ editor: current }) {
      setSelection(selectedText(current.view, latest.current.textMap, latest.current.text, textRef.current));
    },
  });

  /** The selected span, for a claim; the selection itself is let go, so it is not left standing over the text. */
  const takeSelection = useCallback((): SelectedSpan | null => {
    const span = editor ? selectedText(editor.view, textMap, text, textRef.current) : null;
    if (!span || !editor) return null;
    editor.commands.setTextSelection(editor.state.selection.to);
    setSelection(null);
    return { start: span.start, end: span.end, exact: span.exact };
  }, [editor, textMap, text, textRef]);

  const scrollToOffsets = useCallback(
    (start: number, end: number) => {
      if (!editor) return;
      const { from } = offsetsToRange(textMap, start, end);
      const coords = editor.view.coordsAtPos(from);
      window.scrollBy({ top: coords.top - window.innerHeight / 3, behavior: "smooth" });
    },
    [editor, textMap],
  );

  // Highlights: drawn with the text when the editor starts, then redrawn when the claims or
  // passages change (never on scroll or keystrokes).
  useEffect(() => {
    if (!editor) return;
    if (drawnHighlights.current !== highlights) {
      setHighlights(editor.view, highlights);
      drawnHighlights.current = highlights;
    }
    // Lets tests and the reader benchmark see when the highlights are on screen.
    const frame = requestAnimationFrame(() => {
      performance.mark("verity:highlights-painted");
      textRef.current?.setAttribute("data-highlights", String(highlights.length));
    });
    return () => cancelAnimationFrame(frame);
  }, [editor, highlights, textRef]);

  useEffect(() => {
    if (!editor) return;
    setActiveHighlight(editor.view, outlined ? offsetsToRange(textMap, outlined.startOffset, outlined.endOffset) : null);
  }, [editor, outlined, textMap]);

  // A link to a claim or passage (?claim=…, ?passage=…) scrolls to it once the editor is ready.
  const scrolledInitially = useRef(false);
  useEffect(() => {
    if (!editor || scrolledInitially.current || !outlined) return;
    scrolledInitially.current = true;
    scrollToOffsets(outlined.startOffset, outlined.endOffset);
  }, [editor, outlined, scrollToOffsets]);

  return { editor, selection, tooltip, takeSelection, scrollToOffsets };
}

/** The selected text as a span of the canonical text, trimmed, or null if it is not one a claim can have. */
function selectedText(view: EditorView, textMap: TextMap, source: string, textBox: HTMLElement | null): SelectedText | null {
  const { from, to, empty } = view.state.selection;
  if (empty) return null;
  let { start, end } = rangeToOffsets(textMap, from, to);
  // Selections often take a space or line break at their edges; a claim never needs one.
  while (start < end && /\s/.test(source[start])) start++;
  while (end > start && /\s/.test(source[end - 1])) end--;
  if (!isValidSpan(source, start, end)) return null;
  const box = textBox?.getBoundingClientRect() ?? { left: 0, top: 0 };
  // The sides say which line a position at a line break belongs to: the first after it, the last before it.
  const first = view.coordsAtPos(from, 1);
  const last = view.coordsAtPos(to, -1);
  return {
    start,
    end,
    exact: source.slice(start, end),
    top: first.top - box.top,
    topCentre: (first.top === last.top ? (first.left + last.left) / 2 : first.left) - box.left,
    bottom: last.bottom - box.top,
    endLeft: last.left - box.left,
  };
}
