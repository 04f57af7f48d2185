import type { Span } from "@/lib/agreement/spans";

/**
 * An article's canonical text as paragraphs (one per line of it), with spans highlighted.
 * Each paragraph carries its offset (data-start), so a selection in it can be turned back
 * into offsets of the text (offsetsOfSelection).
 */
export function MarkedText({ text, spans, label }: { text: string; spans: readonly (Span & { title: string })[]; label: string }) {
  const paragraphs = paragraphsOf(text);
  return (
    <div className="marked-text" aria-label={label} role="region">
      {paragraphs.map(({ start: from, line }) => (
        <p key={from} data-start={from}>
          {segments(line, from, spans).map((segment, i) =>
            segment.title ? (
              <mark key={i} title={segment.title}>
                {segment.text}
              </mark>
            ) : (
              segment.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}

/** The text's lines, each with its offset in the text. */
function paragraphsOf(text: string): Array<{ start: number; line: string }> {
  const paragraphs: Array<{ start: number; line: string }> = [];
  let start = 0;
  for (const line of text.split("\n")) {
    paragraphs.push({ start, line });
    start += line.length + 1;
  }
  return paragraphs;
}

/** A paragraph cut where highlighted spans begin and end (spans may cross paragraphs). */
function segments(line: string, from: number, spans: readonly (Span & { title: string })[]) {
  const to = from + line.length;
  const cuts = new Set([from, to]);
  for (const span of spans) for (const at of [span.start, span.end]) if (at > from && at < to) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((at, i) => {
    const end = points[i + 1];
    const covering = spans.filter((span) => span.start < end && at < span.end);
    return { text: line.slice(at - from, end - from), title: covering.map((span) => span.title).join("; ") };
  });
}

/** The selection's offsets in the text MarkedText shows, or null when it is not inside one paragraph range of it. */
export function offsetsOfSelection(container: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph || !container.contains(paragraph)) return null;
  // Characters of the paragraph before the point: the text nodes before it, then the offset in its own.
  const before = document.createRange();
  before.selectNodeContents(paragraph);
  before.setEnd(node, offset);
  return Number(paragraph.dataset.start) + before.toString().length;
}
