/**
 * The standalone HTML export's stylesheet, inlined into the file (no requests, no
 * scripts). Verdict colours are the reader's (app/globals.css), each passing WCAG AA
 * with white text; the tints sit behind ink text. Every text colour reaches 4.5:1 on its
 * background (export-styles.test.ts). Printing keeps the highlight colours,
 * prints link targets, starts the claim list on a new page and never splits an entry.
 */
export const EXPORT_CSS = `
:root {
  --ink: #1d232b; --ink-soft: #4a5561; --ink-faint: #5f6976; --line: #dde1e6; --paper: #fff; --canvas: #f5f6f8;
  --accent: #1f4f8f; --ok: #1e6b3a; --danger: #a4262c;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: "Iowan Old Style", Charter, "Bitstream Charter", Georgia, "DejaVu Serif", serif;
}
.v-UNRATED { --v: #1f4f8f; --v-tint: #e8eff8; }
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--canvas); font-family: var(--sans); font-size: 16px; line-height: 1.5; }
body { margin: 0; }
/* A long address wraps rather than widening the page on a phone. */
a { color: var(--accent); overflow-wrap: anywhere; }
.doc { max-width: 48rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; overflow-wrap: anywhere; }
.doc-header { margin-bottom: 1.5rem; }
.doc-kicker { margin: 0 0 0.4rem; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); }
.doc-kicker--internal { color: var(--danger); }
h1 { font-family: var(--serif); font-size: 2.1rem; line-height: 1.2; margin: 0 0 0.6rem; }
.doc-meta { margin: 0 0 1rem; color: var(--ink-faint); font-size: 0.92rem; }
.doc-summary { margin: 0 0 0.5rem; font-weight: 600; }
.doc-warning { margin: 0.75rem 0 0; padding: 0.6rem 0.8rem; border: 1px solid #efc4c6; border-radius: 6px; background: #fbeaea; color: var(--danger); font-size: 0.92rem; }
.verdict-summary { list-style: none; margin: 0 0 0.6rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; font-size: 0.9rem; }
.verdict-summary__count { color: var(--ink-soft); font-weight: 600; }
.verdict-key { margin: 0; font-size: 0.8rem; color: var(--ink-soft); display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
.verdict-key__title { font-weight: 700; }
.verdict-badge { display: inline-flex; align-items: center; gap: 0.3em; font-size: 0.8rem; font-weight: 700; padding: 0.1rem 0.55rem; border-radius: 999px; background: var(--v); color: #fff; white-space: nowrap; }
.verdict-badge.v-UNRATED { background: var(--paper); color: var(--v); border: 1px solid var(--v); }
.doc-article { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 2rem clamp(1.25rem, 5vw, 3rem); margin-bottom: 2.5rem; overflow-x: clip; }
.article-text { font-family: var(--serif); font-size: 1.1rem; line-height: 1.75; overflow-wrap: break-word; }
.article-text p { margin: 0 0 1.1em; }
.article-text h2, .article-text h3, .article-text h4 { font-family: var(--sans); margin: 1.5em 0 0.6em; font-size: 1.2rem; }
.article-text blockquote { margin: 1.2em 0; padding-left: 1em; border-left: 3px solid var(--line); color: var(--ink-soft); }
.article-text ul, .article-text ol { padding-left: 1.4em; margin: 0 0 1.1em; }
.claim-mark { background: var(--v-tint); color: inherit; border-bottom: 2px solid var(--v); padding: 0 0.05em; border-radius: 2px; }
.claim-mark--pending { border-bottom-style: dashed; }
/* A nested claim's underline sits below its container's, so both stay visible. */
.claim-mark .claim-mark { padding-bottom: 0.2em; }
.claim-marker { display: inline-block; font-family: var(--sans); font-size: 0.64em; font-weight: 700; line-height: 1.35; padding: 0 0.3em; margin-right: 0.2em; border-radius: 3px; vertical-align: 0.35em; background: var(--v); color: #fff; text-decoration: none; white-space: nowrap; user-select: none; }
/* The marker's icon and number are generated, so the article's text content stays exactly its canonical text. */
.claim-marker::before { content: attr(data-icon); margin-right: 0.15em; }
.claim-marker::after { content: attr(data-number); }
.doc-claims h2 { font-size: 1.35rem; margin: 0 0 1rem; }
.claim-entries { list-style: none; margin: 0; padding: 0; }
.claim-entry { position: relative; background: var(--paper); border: 1px solid var(--line); border-left: 5px solid var(--v); border-radius: 8px; padding: 1rem 1.25rem 0.9rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.claim-entry--pending { border-left-style: dashed; }
.claim-entry__head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-bottom: 0.45rem; }
.claim-entry__number { display: inline-grid; place-items: center; min-width: 1.7rem; height: 1.7rem; padding: 0 0.35rem; border-radius: 999px; background: var(--canvas); border: 1px solid var(--line); color: var(--ink); font-weight: 700; font-size: 0.85rem; text-decoration: none; }
.pending-badge { font-size: 0.75rem; font-weight: 700; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px dashed var(--danger); color: var(--danger); }
.claim-entry__claim { margin: 0 0 0.4rem; font-size: 1.08rem; font-weight: 600; }
.claim-entry__quote { margin: 0 0 0.6rem; padding: 0.1rem 0 0.1rem 0.8rem; border-left: 3px solid var(--v-tint); font-family: var(--serif); color: var(--ink-soft); }
.claim-entry__quote p { margin: 0; white-space: pre-line; }
.claim-entry__claimant { margin: 0 0 0.6rem; font-size: 0.88rem; color: var(--ink-faint); }
.claim-entry__note { margin: 0 0 0.6rem; font-size: 0.88rem; color: var(--danger); }
.claim-entry__section h3 { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ink-faint); margin: 0.7rem 0 0.25rem; }
.claim-entry__rationale { margin: 0; white-space: pre-line; }
.evidence-entries { margin: 0; padding-left: 1.1rem; display: grid; gap: 0.35rem; }
.evidence-entry { font-size: 0.95rem; }
.evidence-entry q { font-family: var(--serif); color: var(--ink-soft); }
.evidence-entry__host, .evidence-entry__date { color: var(--ink-faint); font-size: 0.88rem; }
.stance { display: inline-block; font-size: 0.72rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; margin-right: 0.45rem; }
.stance--SUPPORTS { color: var(--ok); }
.stance--CONTRADICTS { color: var(--danger); }
.stance--CONTEXT { color: var(--ink-soft); }
.elsewhere-entries { margin: 0; padding-left: 1.1rem; display: grid; gap: 0.35rem; font-size: 0.95rem; }
.elsewhere-entry .verdict-badge { font-size: 0.72rem; margin-right: 0.45rem; }
.elsewhere-entry q { font-family: var(--serif); color: var(--ink-soft); }
.elsewhere-entry__state { color: var(--ink-faint); font-size: 0.88rem; }
.claim-entry__approval { margin: 0.7rem 0 0; font-size: 0.84rem; color: var(--ink-faint); }
.claim-entry__page { margin: 0.4rem 0 0; font-size: 0.88rem; }
.doc-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); font-size: 0.85rem; color: var(--ink-faint); }
.doc-footer p { margin: 0 0 0.3rem; }
.public-bar { background: var(--paper); border-bottom: 1px solid var(--line); }
.public-bar__inner { max-width: 48rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; align-items: center; gap: 0.9rem; }
.public-bar__brand { display: flex; align-items: center; gap: 0.4rem; font-weight: 700; font-size: 1.15rem; }
.public-bar__mark { display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem; border-radius: 5px; background: var(--accent); color: #fff; font-size: 0.95rem; }
.public-bar__logo { height: 1.9rem; width: auto; max-width: 8rem; }
.public-bar__brand a { color: inherit; text-decoration: none; }
.doc-made-with { font-size: 0.75rem; }
.public-bar__label { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-faint); }
.claim-entry:target { box-shadow: 0 0 0 3px var(--v-tint); }
.doc--not-found { padding-top: 5rem; }
.claim-corrections { margin: 0 0 0.6rem; display: grid; gap: 0.4rem; }
.claim-correction { padding: 0.45rem 0.7rem; border-left: 3px solid var(--accent); background: var(--canvas); font-size: 0.92rem; }
.claim-correction p { margin: 0; }
.claim-correction__earlier { color: var(--ink-soft); white-space: pre-line; }
.doc-withdrawn { margin-top: 2rem; }
.withdrawn-entries { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.6rem; }
.withdrawn-entry { padding: 0.7rem 1rem; border: 1px dashed var(--ink-faint); border-radius: 6px; background: var(--paper); }
.withdrawn-entry p { margin: 0; }
.withdrawn-entry__claim { margin-top: 0.3rem !important; color: var(--ink-soft); font-size: 0.92rem; }
.withdrawn-entry:target { box-shadow: 0 0 0 3px var(--line); }
.corrections-log { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.8rem; }
.corrections-log__entry { padding: 0.8rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); }
.corrections-log__entry p { margin: 0 0 0.3rem; }
.corrections-log__kind { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.corrections-log__kind--withdrawn { color: var(--danger); }
.corrections-log__meta { font-size: 0.88rem; color: var(--ink-faint); }
@media print {
  .public-bar, .doc-downloads { display: none; }
  @page { margin: 16mm 15mm; }
  html { background: #fff; font-size: 10.5pt; }
  .doc { max-width: none; padding: 0; }
  .doc-article { border: none; padding: 0; margin: 0; }
  .claim-mark, .claim-marker, .verdict-badge, .claim-entry { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .doc-claims { break-before: page; }
  .claim-entry { break-inside: avoid; page-break-inside: avoid; border-color: #c4c9cf; border-left-color: var(--v); padding: 0.7rem 1rem 0.6rem; box-shadow: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .article-text p { orphans: 3; widows: 3; }
  a { color: inherit; }
  .evidence-entry a[href^="http"]::after, .doc-meta a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--ink-faint); word-break: break-all; }
  .claim-marker { text-decoration: none; }
}
`;
