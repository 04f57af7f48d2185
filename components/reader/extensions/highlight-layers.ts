import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";

/**
 * The reader's two decoration layers: all highlights, and the open one. Highlights are
 * decorations, never marks: the article's document is not altered by annotating it.
 */

export interface HighlightSpec {
  /** Stable identity of the highlight (used as the widget's key). */
  key: string;
  from: number;
  to: number;
  className: string;
  /**
   * Inline style; where highlights overlap ProseMirror joins their styles in document
   * order, so the later (usually the nested) one's colour wins.
   */
  style?: string;
  /** A small marker before the highlight: the verdict's icon, so colour is not the only signal. */
  marker?: { text: string; className: string; style?: string; label: string; data: Record<string, string> };
}

const highlightsKey = new PluginKey<DecorationSet>("verityHighlights");
const activeKey = new PluginKey<DecorationSet>("verityActiveHighlight");

function decorationLayer(key: PluginKey<DecorationSet>, initial: () => HighlightSpec[] = () => []) {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => {
        const specs = initial();
        return specs.length > 0 ? DecorationSet.create(state.doc, decorationsFor(specs)) : DecorationSet.empty;
      },
      apply: (transaction, set) => transaction.getMeta(key) ?? set.map(transaction.mapping, transaction.doc),
    },
    props: { decorations: (state: EditorState) => key.getState(state) },
  });
}

/**
 * The highlights layer and the open claim's outline. `initialHighlights` gives the highlights
 * the editor starts with: its first rendering then draws them with the text, where setting
 * them once it has drawn the text would redraw every highlighted paragraph.
 */
export const HighlightLayers = Extension.create<{ initialHighlights: () => HighlightSpec[] }>({
  name: "highlightLayers",
  addOptions() {
    return { initialHighlights: () => [] };
  },
  addProseMirrorPlugins() {
    return [decorationLayer(highlightsKey, this.options.initialHighlights), decorationLayer(activeKey)];
  },
});

function decorationsFor(specs: HighlightSpec[]) {
  const decorations: Decoration[] = [];
  for (const spec of specs) {
    if (spec.from >= spec.to) continue;
    decorations.push(Decoration.inline(spec.from, spec.to, { class: spec.className, ...(spec.style ? { style: spec.style } : {}) }));
    const marker = spec.marker;
    if (marker) {
      decorations.push(
        Decoration.widget(spec.from, () => markerElement(marker), { key: spec.key, side: -1, ignoreSelection: true }),
      );
    }
  }
  return decorations;
}

function markerElement(marker: NonNullable<HighlightSpec["marker"]>) {
  const element = document.createElement("span");
  element.className = marker.className;
  if (marker.style) element.setAttribute("style", marker.style);
  element.textContent = marker.text;
  element.setAttribute("aria-label", marker.label);
  element.setAttribute("role", "img");
  element.contentEditable = "false";
  for (const [name, value] of Object.entries(marker.data)) element.dataset[name] = value;
  return element;
}

/** Replaces all highlights (built once per change of the claims, not per scroll or keystroke). */
export function setHighlights(view: EditorView, specs: HighlightSpec[]) {
  const set = DecorationSet.create(view.state.doc, decorationsFor(specs));
  view.dispatch(view.state.tr.setMeta(highlightsKey, set).setMeta("addToHistory", false));
}

/** Marks the open claim's span; one decoration, so opening a claim costs the same for 10 or 1,000 claims. */
export function setActiveHighlight(view: EditorView, range: { from: number; to: number } | null) {
  const set =
    range && range.from < range.to
      ? DecorationSet.create(view.state.doc, [Decoration.inline(range.from, range.to, { class: "hl-active" })])
      : DecorationSet.empty;
  view.dispatch(view.state.tr.setMeta(activeKey, set).setMeta("addToHistory", false));
}
