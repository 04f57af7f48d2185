import { snippetSegments } from "@/lib/search/snippet";

/** A passage with its matched words in <mark>: the text is rendered as text, never as markup. */
export function Snippet({ marked }: { marked: string }) {
  return (
    <>
      {snippetSegments(marked).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
