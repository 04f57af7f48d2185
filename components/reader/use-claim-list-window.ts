"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";

/**
 * Up to this many claims shown, every item is in the page, so the browser's find reaches them
 * all; a longer list puts in the page only the items in and near the side panel's view, so a
 * list of 1,000 scrolls smoothly (bench: claim-list-scroll).
 */
export const WHOLE_LIST_MAX = 50;
/** A first guess at an item's height with the gap below it; each item is measured once drawn. */
const ESTIMATED_ITEM_PX = 104;

/** The parts of an item the focus moves between: its checkbox or its button. */
const ITEM_BUTTON = ".claim-item";
const ITEM_CHECKBOX = ".claim-item__choose";

type Align = "auto" | "center";

/**
 * The claim list's items in the page: all of them, or past WHOLE_LIST_MAX a window over the
 * side panel's scroll (`scrollRef`). Moving the focus to an item scrolls it into view first, so
 * the keys reach every item although Tab stops at the end of the window.
 */
export function useClaimListWindow(ids: string[], scrollRef: RefObject<HTMLElement | null>) {
  const virtual = ids.length > WHOLE_LIST_MAX;
  const listRef = useRef<HTMLOListElement>(null);
  const { offset, paddingTop } = useListOffset(listRef, scrollRef, virtual);
  // The item with the focus stays in the page when it scrolls out of view, so the focus is not lost.
  const focusedId = useRef<string | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app is not built with React Compiler, which is what that rule guards
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count: virtual ? ids.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ITEM_PX,
    getItemKey: (index) => ids[index],
    scrollMargin: offset,
    scrollPaddingStart: paddingTop,
    overscan: 6,
    useFlushSync: false,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const focused = focusedId.current === null ? -1 : ids.indexOf(focusedId.current);
      return focused === -1 || indexes.includes(focused) ? indexes : [...indexes, focused].sort((a, b) => a - b);
    },
  });

  // The item to focus once it is in the page (a scroll to it may take a frame or two).
  const wanted = useRef<{ id: string; part: string; align: Align } | null>(null);
  const focusWanted = useCallback(() => {
    if (!wanted.current) return false;
    const { id, part, align } = wanted.current;
    const element = listRef.current?.querySelector<HTMLElement>(`li[data-claim-id="${CSS.escape(id)}"] ${part}`);
    if (!element) return false;
    wanted.current = null;
    if (!virtual) element.scrollIntoView({ block: align === "center" ? "center" : "nearest" });
    element.focus({ preventScroll: true });
    return true;
  }, [virtual]);
  useEffect(() => {
    focusWanted();
  });

  /** Scrolls the item at `index` into view and focuses its part; true when it has the focus already. */
  const focusItem = useCallback(
    (index: number, align: Align, part = ITEM_BUTTON) => {
      // A closed sheet (display: none) has nothing to scroll or focus.
      if (!scrollRef.current?.getClientRects().length) return false;
      wanted.current = { id: ids[index], part, align };
      if (virtual) virtualizer.scrollToIndex(index, { align });
      return focusWanted();
    },
    [ids, virtual, virtualizer, scrollRef, focusWanted],
  );

  /** ArrowDown/ArrowUp (Home/End) on an item: the next or previous (first, last) item's same part. */
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLElement>("li[data-index]");
    if (!item || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = Number(item.dataset.index);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (next === undefined || next < 0 || next >= ids.length) return;
    event.preventDefault();
    focusItem(next, "auto", target.matches(ITEM_CHECKBOX) ? ITEM_CHECKBOX : ITEM_BUTTON);
  };
  const onFocus = (event: FocusEvent<HTMLOListElement>) => {
    focusedId.current = (event.target as HTMLElement).closest<HTMLElement>("li[data-claim-id]")?.dataset.claimId ?? null;
  };
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) focusedId.current = null;
  };

  return {
    virtual,
    listRef,
    /** The items in the page: their index in the list and, when windowed, their place in it. */
    rows: virtual
      ? virtualizer.getVirtualItems().map((row) => ({ index: row.index, top: row.start - offset }))
      : ids.map((_, index) => ({ index, top: null })),
    height: virtual ? virtualizer.getTotalSize() : null,
    measure: virtual ? virtualizer.measureElement : undefined,
    focusItem,
    listProps: { ref: listRef, onKeyDown, onFocus, onBlur },
  };
}

/**
 * Where the list starts in its scrolling panel's content, below the filters and bulk actions
 * (kept current as they change height, and as a phone's sheet opens), and the panel's
 * scroll-padding-top (the phone sheet's bar that stays on top).
 */
function useListOffset(listRef: RefObject<HTMLElement | null>, scrollRef: RefObject<HTMLElement | null>, active: boolean) {
  const [place, setPlace] = useState({ offset: 0, paddingTop: 0 });
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!active || !list || !scroller) return;
    const measure = () => {
      if (!scroller.getClientRects().length) return;
      const offset = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop);
      const paddingTop = parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
      setPlace((current) => (current.offset === offset && current.paddingTop === paddingTop ? current : { offset, paddingTop }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    for (let node: Element | null = list; node && node !== scroller; node = node.parentElement) {
      for (let above = node.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above);
    }
    return () => observer.disconnect();
  }, [listRef, scrollRef, active]);
  return place;
}
