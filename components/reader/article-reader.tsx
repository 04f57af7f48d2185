"use client";

import { useRatings } from "@/components/ratings/ratings-provider";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { EditorContent } from "@tiptap/react";
import type { DocNode } from "@/lib/documents/schema";
import { buildTextMap, canonicalText } from "@/lib/anchoring";
import type { ClaimSummary, PassageSummary, UserRef } from "@/lib/claims/types";
import { ClaimList, filterClaims, NO_FILTERS, type ClaimFilters } from "@/components/reader/claim-list";
import { ClaimPanel } from "@/components/reader/claim-panel";
import type { ArticleChoice } from "@/components/reader/panel/add-evidence";
import { MarkClaimForm, type SelectedSpan } from "@/components/reader/mark-claim-form";
import { EvidenceTargetBar, type EvidenceTarget } from "@/components/reader/evidence-target-bar";
import { PassagePanel } from "@/components/reader/passage-panel";
import { FoundBar } from "@/components/reader/found-bar";
import { ClaimTooltip, SelectionTools } from "@/components/reader/text-overlays";
import { highlightSpecs, type Span } from "@/components/reader/highlight-specs";
import type { CheckedBefore } from "@/lib/search/types";
import { useReaderClaims } from "@/components/reader/use-reader-claims";
import { useReaderEditor, type TextClick } from "@/components/reader/use-reader-editor";
import { useReaderKeys } from "@/components/reader/use-reader-keys";
import { useClaimsSheet } from "@/components/reader/use-claims-sheet";
import { replaceUrlParams, useFoundSpan, useReaderUrl } from "@/components/reader/use-reader-url";
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

/**
 * The annotating reader: the article in a read-only TipTap editor with claims and
 * evidence passages as decorations, the claim list or the open claim beside it, and
 * "Mark claim" for the selected text (mouse or keyboard).
 */
export function ArticleReader({
  articleId,
  body,
  claims: pageClaims,
  passages: pagePassages,
  checkedBefore,
  articles,
  evidenceTarget,
  initialClaimId,
  initialPassageId,
  header,
  headerTools,
  viewer,
  assignees,
}: {
  /** Whom the viewer may assign claims to. */
  assignees: UserRef[];
  articleId: string;
  viewer: WorkflowActor;
  body: DocNode;
  claims: ClaimSummary[];
  passages: PassageSummary[];
  /** The sentences that state a claim approved in another article (marked with its verdict). */
  checkedBefore: CheckedBefore[];
  articles: ArticleChoice[];
  evidenceTarget: EvidenceTarget | null;
  initialClaimId?: string;
  initialPassageId?: string;
  /** The article's title and details, above its claim progress… */
  header: ReactNode;
  /** …and the export and editing controls below it. */
  headerTools: ReactNode;
}) {
  const { claims, anchored, passages, addClaim, updateClaim, removeClaim } = useReaderClaims(pageClaims, pagePassages);
  const ratings = useRatings();
  const progress = useMemo(() => countClaims(claims), [claims]);
  const textMap = useMemo(() => buildTextMap(body), [body]);
  const text = useMemo(() => canonicalText(body), [body]);
  const [side, setSide] = useState<Side>(() =>
    initialClaimId ? { kind: "claim", id: initialClaimId } : initialPassageId ? { kind: "passages", ids: [initialPassageId] } : { kind: "list" },
  );
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS);
  const textRef = useRef<HTMLDivElement>(null);
  useReaderUrl();
  const { found, foundBy, setFound } = useFoundSpan(text);
  // The suggested claims' sentences, marked in the text while their panel is open (it empties this when it closes).
  const [suggested, setSuggested] = useState<Span[]>([]);
  const highlights = useMemo(
    () => highlightSpecs(anchored, passages, suggested, textMap, ratings, checkedBefore),
    [anchored, passages, suggested, textMap, ratings, checkedBefore],
  );

  // The open claim's or passage's span is outlined.
  const outlined = useMemo(() => {
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

  const { narrow, open: sheetOpen, sheetRef, showList, hideList } = useClaimsSheet(side.kind !== "list");
  // On a narrow screen the sheet covers the lower part of the text: the claim scrolls above it.
  const onTextClick = (click: TextClick) => (click.kind === "claim" ? openClaim(click.id, narrow) : setSide(click));
  const { editor, selection, tooltip, takeSelection, scrollToOffsets } = useReaderEditor({
    body,
    textMap,
    text,
    anchored,
    passages,
    suggested,
    highlights,
    outlined,
    textRef,
    onClick: onTextClick,
  });

  const openClaim = useCallback(
    (id: string, scroll: boolean) => {
      setSide({ kind: "claim", id });
      replaceUrlParams({ claim: id, passage: null, at: null });
      setFound(null);
      const claim = anchored.find((c) => c.id === id);
      if (scroll && claim) scrollToOffsets(claim.startOffset, claim.endOffset);
    },
    [anchored, scrollToOffsets, setFound],
  );

  // Back in the list, the claim that was open is scrolled to and focused.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const closePanel = useCallback(() => {
    setReturnTo(side.kind === "claim" ? side.id : null);
    setSide({ kind: "list" });
    replaceUrlParams({ claim: null, passage: null });
  }, [side]);

  /** "← All claims": the list, in the sheet too. */
  const backToList = useCallback(() => {
    closePanel();
    if (narrow) showList();
  }, [closePanel, narrow, showList]);

  const closeSheet = useCallback(() => {
    closePanel();
    hideList();
  }, [closePanel, hideList]);

  const startMarking = useCallback(() => {
    const span = takeSelection();
    if (span) setSide({ kind: "mark", span });
    return span !== null;
  }, [takeSelection]);

  const visible = useMemo(() => filterClaims(anchored, filters), [anchored, filters]);
  const step = (direction: 1 | -1) => {
    if (visible.length === 0) return;
    const current = side.kind === "claim" ? visible.findIndex((claim) => claim.id === side.id) : -1;
    const next = current === -1 ? (direction === 1 ? 0 : visible.length - 1) : (current + direction + visible.length) % visible.length;
    openClaim(visible[next].id, true);
  };

  const evidenceForm = useRef<HTMLFormElement>(null);
  const submitEvidence = useCallback(() => evidenceForm.current?.requestSubmit(), []);
  useReaderKeys({
    mark: startMarking,
    addEvidence: evidenceTarget && selection ? submitEvidence : null,
    step,
    close: narrow ? (sheetOpen ? closeSheet : null) : side.kind !== "list" ? closePanel : null,
  });

  // When what had the focus has left the side panel (a saved form, a deleted or closed claim),
  // the focus goes to the heading of what is there now, not to the page's body.
  const shownSide = useRef(side);
  useEffect(() => {
    if (shownSide.current === side) return;
    shownSide.current = side;
    if (document.activeElement === document.body) sheetRef.current?.querySelector<HTMLElement>("h2[tabindex]")?.focus();
  }, [side, sheetRef]);

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
            <FoundBar
              foundBy={foundBy}
              onShow={() => scrollToOffsets(found.start, found.end)}
              onClear={() => {
                setFound(null);
                replaceUrlParams({ at: null, q: null });
              }}
            />
          )}
          <div className="reader__text" ref={textRef}>
            {/* The text until the editor has mounted: in the first HTML, readable without script. */}
            {!editor && <ArticleBody doc={body} />}
            <EditorContent editor={editor} />
            {selection && <SelectionTools selection={selection} onMark={startMarking} onUseAsEvidence={evidenceTarget ? submitEvidence : null} />}
            {tooltip && !selection && <ClaimTooltip tooltip={tooltip} />}
          </div>
        </article>
      </div>
      <button
        type="button"
        className="button claims-button"
        aria-expanded={sheetOpen}
        aria-controls="claims-sheet"
        onClick={sheetOpen ? closeSheet : showList}
      >
        Claims <span className="claims-button__count">{claims.length}</span>
      </button>
      <aside id="claims-sheet" ref={sheetRef} tabIndex={-1} className="reader__side" data-open={sheetOpen || undefined} aria-label="Claims">
        <div className="sheet-bar">
          <button type="button" className="button button--quiet button--small" onClick={closeSheet}>
            <span aria-hidden="true">✕</span> Close
          </button>
        </div>
        {side.kind === "mark" && (
          <MarkClaimForm
            articleId={articleId}
            span={side.span}
            onCreated={(claim) => {
              addClaim(claim);
              openClaim(claim.id, false);
            }}
            onCancel={side.fromSuggestions ? () => setSide({ kind: "suggestions", focused: side.span.start }) : closeSheet}
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
            onClose={backToList}
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
              onClose={backToList}
              onChanged={updateClaim}
              onDeleted={(id) => {
                backToList();
                removeClaim(id);
              }}
              viewer={viewer}
              assignees={assignees}
              quote={openSummary.anchorStatus === "ANCHORED" ? text.slice(openSummary.startOffset, openSummary.endOffset) : null}
            />
          ) : (
            <p className="muted">Loading the claim…</p>
          ))}
        {side.kind === "passages" && (
          <PassagePanel passages={passages.filter((passage) => side.ids.includes(passage.id))} onClose={backToList} />
        )}
        {side.kind === "list" && (
          <>
            <div className="side-tools">
              <button type="button" className="button button--quiet button--small suggest-button" onClick={() => setSide({ kind: "suggestions", focused: null })}>
                <span aria-hidden="true">✦</span> Suggest claims
              </button>
            </div>
            <ClaimList
              claims={claims}
              filters={filters}
              onFiltersChange={setFilters}
              onOpen={(id) => openClaim(id, true)}
              viewer={viewer}
              assignees={assignees}
              returnTo={returnTo}
              scrollRef={sheetRef}
            />
          </>
        )}
      </aside>
    </div>
  );
}
