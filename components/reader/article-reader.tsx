"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { EditorContent, useEditor } from "@tiptap/react";
import type { EditorView } from "@tiptap/pm/view";
import type { DocNode } from "@/lib/documents/schema";
import { buildTextMap, canonicalText, isValidSpan, offsetsToRange, positionToOffset, rangeToOffsets, type TextMap } from "@/lib/anchoring";
import type { ClaimSummary, PassageSummary } from "@/lib/claims/types";
import { STATE_LABELS, verdictIcon, verdictLabel } from "@/lib/claims/verdicts";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { ReadOnlyText } from "@/components/reader/extensions/read-only-text";
import { HighlightLayers, setActiveHighlight, setHighlights, type HighlightSpec } from "@/components/reader/extensions/highlight-layers";
import { ClaimList, filterClaims, type ClaimFilters } from "@/components/reader/claim-list";
import { ClaimPanel, type ArticleChoice } from "@/components/reader/claim-panel";
import { MarkClaimForm, type SelectedSpan } from "@/components/reader/mark-claim-form";
import { EvidenceTargetBar, type EvidenceTarget } from "@/components/reader/evidence-target-bar";
import { PassagePanel } from "@/components/reader/passage-panel";
import type { WorkflowActor } from "@/lib/workflow/rules";
import { SuggestedClaims } from "@/components/search/suggested-claims";
import { ClaimProgress } from "@/components/article/claim-progress";
import { ArticleBody } from "@/components/article/article-body";
import { countClaims } from "@/lib/claims/progress";

type Side =
  | { kind: "list" }
  | { kind: "claim"; id: string }
  | { kind: "mark"; span: SelectedSpan; fromSuggestions?: boolean }
  | { kind: "passages"; ids: string[] }
  | { kind: "suggestions"; focused: number | null };

type Span = { start: number; end: number };

/** ?at=<start>-<end>: a span of the text to scroll to and highlight (a search result, a suggested passage). */
function spanParam(value: string | null, text: string): Span | null {
  const match = /^(\d{1,10})-(\d{1,10})$/.exec(value ?? "");
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < end && end <= text.length ? { start, end } : null;
}

interface Tooltip {
  claims: ClaimSummary[];
  left: number;
  top: number;
}

/**
 * The annotating reader: the article in a read-only TipTap editor with claims and
 * evidence passages as decorations, the claim list or the open claim beside it, and
 * "Mark claim" for the selected text (mouse or keyboard).
 */
export function ArticleReader({
  articleId,
  body,
  claims: pageClaims,
  passages,
  articles,
  evidenceTarget,
  initialClaimId,
  initialPassageId,
  header,
  headerTools,
  viewer,
}: {
  articleId: string;
  viewer: WorkflowActor;
  body: DocNode;
  claims: ClaimSummary[];
  passages: PassageSummary[];
  articles: ArticleChoice[];
  evidenceTarget: EvidenceTarget | null;
  initialClaimId?: string;
  initialPassageId?: string;
  /** The article's title and details, above its claim progress… */
  header: ReactNode;
  /** …and the export and editing controls below it. */
  headerTools: ReactNode;
}) {
  // The claims as the page was rendered, plus those marked here since: a new claim comes back
  // from its action and is added here, rather than the page being rendered again. A new
  // rendering of the page (after other changes) replaces the list.
  const [claims, setClaims] = useState(pageClaims);
  const [renderedClaims, setRenderedClaims] = useState(pageClaims);
  if (pageClaims !== renderedClaims) {
    setRenderedClaims(pageClaims);
    setClaims(pageClaims);
  }
  const progress = useMemo(() => countClaims(claims), [claims]);
  const textMap = useMemo(() => buildTextMap(body), [body]);
  const text = useMemo(() => canonicalText(body), [body]);
  const anchored = useMemo(
    () => claims.filter((claim) => claim.anchorStatus === "ANCHORED").sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset),
    [claims],
  );
  const [side, setSide] = useState<Side>(() =>
    initialClaimId ? { kind: "claim", id: initialClaimId } : initialPassageId ? { kind: "passages", ids: [initialPassageId] } : { kind: "list" },
  );
  const [filters, setFilters] = useState<ClaimFilters>({ verdict: "", state: "", author: "" });
  const [selection, setSelection] = useState<(SelectedSpan & { left: number; top: number }) | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  // A span named by the link that opened the page (?at=…, from search), and the search's words (?q=…).
  const searchParams = useSearchParams();
  const [found, setFound] = useState<Span | null>(() => spanParam(searchParams.get("at"), text));
  const foundBy = searchParams.get("q");
  // The suggested claims' sentences, marked in the text while their panel is open.
  const [suggested, setSuggested] = useState<Span[]>([]);
  const suggesting = side.kind === "suggestions";

  const highlights = useMemo(
    () => highlightSpecs(anchored, passages, suggesting ? suggested : [], textMap),
    [anchored, passages, suggesting, suggested, textMap],
  );
  // The highlights the editor shows: those it started with, then each set given to it.
  const drawnHighlights = useRef<HighlightSpec[] | null>(null);

  // Handlers given to ProseMirror once read the latest values through this ref.
  const latest = useRef({ anchored, passages, textMap, text, suggested: suggesting ? suggested : [], highlights });
  useLayoutEffect(() => {
    latest.current = { anchored, passages, textMap, text, suggested: suggesting ? suggested : [], highlights };
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
        if (here.length > 0) {
          openClaim(here[0], false);
          return false;
        }
        const suggestion = latest.current.suggested.find((s) => s.start <= offset && offset < s.end);
        if (suggestion) {
          setSide({ kind: "suggestions", focused: suggestion.start });
          return false;
        }
        const passageIds = target.closest<HTMLElement>("[data-passage]")?.dataset.passage
          ? [target.closest<HTMLElement>("[data-passage]")!.dataset.passage!]
          : latest.current.passages.filter((p) => p.startOffset <= offset && offset < p.endOffset).map((p) => p.id);
        if (passageIds.length > 0) setSide({ kind: "passages", ids: passageIds });
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
      setSelection(selectedSpan(current.view));
    },
  });

  function selectedSpan(view: EditorView) {
    const { from, to, empty } = view.state.selection;
    if (empty) return null;
    let { start, end } = rangeToOffsets(latest.current.textMap, from, to);
    const source = latest.current.text;
    // Selections often take a space or line break at their edges; a claim never needs one.
    while (start < end && /\s/.test(source[start])) start++;
    while (end > start && /\s/.test(source[end - 1])) end--;
    if (!isValidSpan(source, start, end)) return null;
    const box = textRef.current?.getBoundingClientRect();
    const coords = view.coordsAtPos(to);
    return {
      start,
      end,
      exact: source.slice(start, end),
      left: box ? coords.left - box.left : 0,
      top: box ? coords.bottom - box.top + 6 : 0,
    };
  }

  const setUrl = useCallback((params: Record<string, string | null>) => {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(params)) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    // Not window.history.state: Next.js ignores history entries carrying its own state, so its
    // router would not learn the new URL and would drop ?claim= on its next refresh.
    window.history.replaceState(null, "", url);
  }, []);

  const scrollToOffsets = useCallback(
    (start: number, end: number) => {
      if (!editor) return;
      const { from } = offsetsToRange(textMap, start, end);
      const coords = editor.view.coordsAtPos(from);
      window.scrollBy({ top: coords.top - window.innerHeight / 3, behavior: "smooth" });
    },
    [editor, textMap],
  );

  const openClaim = useCallback(
    (id: string, scroll: boolean) => {
      setSide({ kind: "claim", id });
      setUrl({ claim: id, passage: null, at: null });
      setFound(null);
      const claim = latest.current.anchored.find((c) => c.id === id);
      if (scroll && claim) scrollToOffsets(claim.startOffset, claim.endOffset);
    },
    [scrollToOffsets, setUrl],
  );

  const closePanel = useCallback(() => {
    setSide({ kind: "list" });
    setUrl({ claim: null, passage: null });
  }, [setUrl]);

  const startMarking = useCallback(() => {
    const span = editor ? selectedSpan(editor.view) : null;
    if (!span || !editor) return false;
    setSide({ kind: "mark", span: { start: span.start, end: span.end, exact: span.exact } });
    // The span stays outlined while the form is open; the selection itself is let go, so it is
    // not left standing (and shown) over the text once the claim is saved.
    editor.commands.setTextSelection(editor.state.selection.to);
    setSelection(null);
    return true;
  }, [editor]);

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
  }, [editor, highlights]);

  // The open claim's or passage's span is outlined.
  const openSpan = useMemo(() => {
    if (side.kind === "claim") return anchored.find((claim) => claim.id === side.id) ?? null;
    if (side.kind === "passages") return passages.find((passage) => passage.id === side.ids[0]) ?? null;
    if (side.kind === "mark") return { startOffset: side.span.start, endOffset: side.span.end };
    if (side.kind === "suggestions" && side.focused !== null) {
      const focused = suggested.find((s) => s.start === side.focused);
      if (focused) return { startOffset: focused.start, endOffset: focused.end };
    }
    if (side.kind === "list" && found) return { startOffset: found.start, endOffset: found.end };
    return null;
  }, [side, anchored, passages, suggested, found]);
  useEffect(() => {
    if (!editor) return;
    setActiveHighlight(editor.view, openSpan ? offsetsToRange(textMap, openSpan.startOffset, openSpan.endOffset) : null);
  }, [editor, openSpan, textMap]);

  // A link to a claim or passage (?claim=…, ?passage=…) scrolls to it once the editor is ready.
  const scrolledInitially = useRef(false);
  useEffect(() => {
    if (!editor || scrolledInitially.current || !openSpan) return;
    scrolledInitially.current = true;
    scrollToOffsets(openSpan.startOffset, openSpan.endOffset);
  }, [editor, openSpan, scrollToOffsets]);

  const visible = useMemo(() => filterClaims(anchored, filters), [anchored, filters]);
  const step = useCallback(
    (direction: 1 | -1) => {
      if (visible.length === 0) return;
      const current = side.kind === "claim" ? visible.findIndex((claim) => claim.id === side.id) : -1;
      const next = current === -1 ? (direction === 1 ? 0 : visible.length - 1) : (current + direction + visible.length) % visible.length;
      openClaim(visible[next].id, true);
    },
    [visible, side, openClaim],
  );

  const evidenceForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select")) return;
      const key = event.key.toLowerCase();
      const handled =
        (key === "m" && startMarking()) ||
        (key === "e" && evidenceTarget !== null && selection !== null && (evidenceForm.current?.requestSubmit(), true)) ||
        ((key === "j" || key === "n") && (step(1), true)) ||
        ((key === "k" || key === "p") && (step(-1), true)) ||
        (key === "escape" && side.kind !== "list" && (closePanel(), true));
      if (handled) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [startMarking, step, closePanel, side, evidenceTarget, selection]);

  // The mark form takes the focus, so keyboard users continue there.
  useEffect(() => {
    if (side.kind === "mark") document.getElementById("claim-restatement")?.focus();
  }, [side]);

  const openSummary = side.kind === "claim" ? claims.find((claim) => claim.id === side.id) : undefined;
  const othersHere = openSummary
    ? anchored.filter((c) => c.id !== openSummary.id && c.startOffset < openSummary.endOffset && openSummary.startOffset < c.endOffset)
    : [];

  return (
    <div className={side.kind === "list" && found ? "reader reader--found" : "reader"}>
      <div className="reader__main">
        <article className="article" aria-labelledby="article-title">
          <header className="article__header">
            {header}
            <ClaimProgress progress={progress} />
            {headerTools}
          </header>
          {evidenceTarget && (
            <EvidenceTargetBar ref={evidenceForm} target={evidenceTarget} articleId={articleId} selection={selection} />
          )}
          {found && (
            <div className="found-bar" role="status" data-testid="found-bar">
              <p>
                {foundBy ? (
                  <>
                    The highlighted passage matches your search <q>{foundBy}</q>. <Link href={`/search?${new URLSearchParams({ q: foundBy })}`}>Back to the results</Link>
                  </>
                ) : (
                  "The linked passage is highlighted."
                )}
              </p>
              <button type="button" className="link-button" onClick={() => scrollToOffsets(found.start, found.end)}>
                Show it
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setFound(null);
                  setUrl({ at: null, q: null });
                }}
              >
                Clear
              </button>
            </div>
          )}
          <div className="reader__text" ref={textRef}>
            {/* The text until the editor has mounted: in the first HTML, readable without script. */}
            {!editor && <ArticleBody doc={body} />}
            <EditorContent editor={editor} />
            {selection && (
              <div className="selection-tools" style={{ left: selection.left, top: selection.top }} onMouseDown={(event) => event.preventDefault()}>
                <button type="button" className="button button--small" onClick={startMarking}>
                  Mark claim <kbd>M</kbd>
                </button>
                {evidenceTarget && (
                  <button type="button" className="button button--quiet button--small" onClick={() => evidenceForm.current?.requestSubmit()}>
                    Use as evidence <kbd>E</kbd>
                  </button>
                )}
              </div>
            )}
            {tooltip && !selection && (
              <div className="hl-tooltip" role="tooltip" style={{ left: tooltip.left, top: tooltip.top + 18 }}>
                {tooltip.claims.map((claim) => (
                  <p key={claim.id}>
                    <strong>
                      {verdictIcon(claim.verdict)} {verdictLabel(claim.verdict)}
                    </strong>{" "}
                    <span className="muted">({STATE_LABELS[claim.state].toLowerCase()})</span>
                    <br />
                    {claim.restatement}
                  </p>
                ))}
              </div>
            )}
          </div>
        </article>
      </div>
      <aside className="reader__side" aria-label="Claims">
        {side.kind === "mark" && (
          <MarkClaimForm
            articleId={articleId}
            span={side.span}
            onCreated={(claim) => {
              setClaims((current) => withClaimInTextOrder(current, claim));
              openClaim(claim.id, false);
            }}
            onCancel={side.fromSuggestions ? () => setSide({ kind: "suggestions", focused: side.span.start }) : closePanel}
          />
        )}
        {side.kind === "suggestions" && (
          <SuggestedClaims
            articleId={articleId}
            focused={side.focused}
            onAccept={(span) => setSide({ kind: "mark", span, fromSuggestions: true })}
            onShow={(span) => {
              setSide({ kind: "suggestions", focused: span.start });
              scrollToOffsets(span.start, span.end);
            }}
            onClose={closePanel}
            onLoaded={setSuggested}
          />
        )}
        {side.kind === "claim" &&
          (openSummary ? (
            <ClaimPanel
              key={openSummary.id}
              summary={openSummary}
              othersHere={othersHere}
              articles={articles}
              onOpenClaim={(id) => openClaim(id, true)}
              onShowInText={(id) => openClaim(id, true)}
              onClose={closePanel}
              viewer={viewer}
              quote={openSummary.anchorStatus === "ANCHORED" ? text.slice(openSummary.startOffset, openSummary.endOffset) : null}
            />
          ) : (
            <p className="muted">Loading the claim…</p>
          ))}
        {side.kind === "passages" && (
          <PassagePanel passages={passages.filter((passage) => side.ids.includes(passage.id))} onClose={closePanel} />
        )}
        {side.kind === "list" && (
          <>
            <div className="side-tools">
              <button type="button" className="button button--quiet button--small suggest-button" onClick={() => setSide({ kind: "suggestions", focused: null })}>
                <span aria-hidden="true">✦</span> Suggest claims
              </button>
            </div>
            <ClaimList claims={claims} filters={filters} onFiltersChange={setFilters} onOpen={(id) => openClaim(id, true)} />
          </>
        )}
      </aside>
    </div>
  );
}

/**
 * The claims with a new one where the page lists it: by start, then by id (a new claim's id
 * sorts after those of the claims already there).
 */
function withClaimInTextOrder(claims: ClaimSummary[], claim: ClaimSummary): ClaimSummary[] {
  const at = claims.findIndex((other) => other.startOffset > claim.startOffset);
  return at === -1 ? [...claims, claim] : [...claims.slice(0, at), claim, ...claims.slice(at)];
}

/** The claims' highlights with their verdict markers, the suggested sentences, and the evidence passages. */
function highlightSpecs(anchored: ClaimSummary[], passages: PassageSummary[], suggested: Span[], textMap: TextMap): HighlightSpec[] {
  const specs: HighlightSpec[] = [];
  for (const claim of anchored) {
    const range = offsetsToRange(textMap, claim.startOffset, claim.endOffset);
    const verdict = claim.verdict ?? "UNRATED";
    specs.push({
      key: `claim-${claim.id}-${claim.version}`,
      ...range,
      className: `hl hl-claim v-${verdict} ${claim.state === "APPROVED" ? "hl-approved" : "hl-pending"}`,
      style: `--v: var(--v-${verdict}); --v-tint: var(--v-${verdict}-tint)`,
      marker: {
        text: verdictIcon(claim.verdict),
        className: `hl-marker v-${verdict}`,
        label: `${verdictLabel(claim.verdict)}, ${STATE_LABELS[claim.state].toLowerCase()}: ${claim.restatement}`,
        data: { claim: claim.id },
      },
    });
  }
  for (const span of suggested) {
    specs.push({ key: `suggestion-${span.start}`, ...offsetsToRange(textMap, span.start, span.end), className: "hl hl-suggestion" });
  }
  for (const passage of passages) {
    if (passage.anchorStatus !== "ANCHORED") continue;
    specs.push({
      key: `passage-${passage.id}`,
      ...offsetsToRange(textMap, passage.startOffset, passage.endOffset),
      className: `hl hl-passage stance-${passage.stance}`,
      marker: { text: "❝", className: "hl-marker hl-marker--passage", label: `Evidence for: ${passage.claim.restatement}`, data: { passage: passage.id } },
    });
  }
  return specs;
}
