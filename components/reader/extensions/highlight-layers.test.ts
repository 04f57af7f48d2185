/**
 * @jest-environment jsdom
 */
import { Editor } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { HighlightLayers, setActiveHighlight, setHighlights, type HighlightSpec } from "@/components/reader/extensions/highlight-layers";
import { paragraph } from "@/lib/documents/schema";

// Positions: "The minister said" starts at 1, so "minister" is 5–13 and "said" 14–18.
const CLAIM: HighlightSpec = {
  key: "claim-1-1",
  from: 5,
  to: 13,
  className: "hl hl-claim v-FALSE",
  style: "--v: var(--v-FALSE)",
  marker: { text: "✗", className: "hl-marker v-FALSE", label: "False: the minister", data: { claim: "c1" } },
};
const PASSAGE: HighlightSpec = { key: "passage-1", from: 14, to: 18, className: "hl hl-passage" };

function editorWith(initialHighlights: HighlightSpec[] = []) {
  return new Editor({
    extensions: [...articleSchemaExtensions, HighlightLayers.configure({ initialHighlights: () => initialHighlights })],
    content: { type: "doc", content: [paragraph("The minister said so.")] },
  });
}

const text = (elements: NodeListOf<Element>) => [...elements].map((element) => element.textContent);

describe("HighlightLayers", () => {
  it("draws the highlights it starts with, with the verdict's marker before the claim", () => {
    const editor = editorWith([CLAIM, PASSAGE]);
    const dom = editor.view.dom;
    expect(text(dom.querySelectorAll(".hl-claim"))).toEqual(["minister"]);
    expect(dom.querySelector(".hl-claim")?.getAttribute("style")).toContain("--v: var(--v-FALSE)");
    expect(text(dom.querySelectorAll(".hl-passage"))).toEqual(["said"]);
    const marker = dom.querySelector<HTMLElement>(".hl-marker");
    expect(marker?.textContent).toBe("✗");
    expect(marker?.getAttribute("aria-label")).toBe("False: the minister");
    expect(marker?.getAttribute("role")).toBe("img");
    expect(marker?.dataset.claim).toBe("c1");
    expect(marker?.nextElementSibling?.textContent).toBe("minister");
    editor.destroy();
  });

  it("replaces all highlights with setHighlights, and never changes the document", () => {
    const editor = editorWith([CLAIM]);
    const before = editor.getJSON();
    setHighlights(editor.view, [PASSAGE]);
    expect(editor.view.dom.querySelector(".hl-claim")).toBeNull();
    expect(text(editor.view.dom.querySelectorAll(".hl-passage"))).toEqual(["said"]);
    setHighlights(editor.view, []);
    expect(editor.view.dom.querySelector(".hl")).toBeNull();
    expect(editor.getJSON()).toEqual(before);
    editor.destroy();
  });

  it("skips an empty span", () => {
    const editor = editorWith([{ ...CLAIM, to: CLAIM.from }]);
    expect(editor.view.dom.querySelector(".hl, .hl-marker")).toBeNull();
    editor.destroy();
  });

  it("outlines one open span with setActiveHighlight, over the highlights, and clears it", () => {
    const editor = editorWith([CLAIM]);
    setActiveHighlight(editor.view, { from: 5, to: 13 });
    expect(text(editor.view.dom.querySelectorAll(".hl-active"))).toEqual(["minister"]);
    expect(editor.view.dom.querySelector(".hl-active.hl-claim, .hl-claim .hl-active, .hl-active .hl-claim")).not.toBeNull();
    setActiveHighlight(editor.view, { from: 14, to: 18 });
    expect(text(editor.view.dom.querySelectorAll(".hl-active"))).toEqual(["said"]);
    setActiveHighlight(editor.view, null);
    expect(editor.view.dom.querySelector(".hl-active")).toBeNull();
    expect(editor.view.dom.querySelector(".hl-claim")).not.toBeNull();
    editor.destroy();
  });
});
