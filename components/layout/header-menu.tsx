"use client";

import { useEffect, useId, useRef, useState } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's links, search and account: in a row on a wide screen; on a narrow one (see
 * `.header-menu` in globals.css) folded behind a Menu button, a disclosure that Escape closes
 * and that folds away again once a link has taken the user elsewhere.
 */
export function HeaderMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // Open only on the page it was opened on: following a link folds it.
  const expanded = open && openedAt === pathname;

  useEffect(() => {
    if (!expanded) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
    // Before the page's own keys (the reader's Escape closes its panel).
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [expanded]);

  return (
    <div className="header-menu" data-open={expanded || undefined}>
      <button
        ref={button}
        type="button"
        className="button button--quiet header-menu__toggle"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!expanded);
          setOpenedAt(pathname);
        }}
      >
        <span aria-hidden="true">{expanded ? "✕" : "☰"}</span> Menu
      </button>
      <div id={panelId} className="header-menu__panel">
        {children}
      </div>
    </div>
  );
}
