/**
 * @jest-environment jsdom
 */
import { Editor } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { ReadOnlyText } from "@/components/reader/extensions/read-only-text";
import { paragraph } from "@/lib/documents/schema";

function readOnlyEditor() {
  return new Editor({ extensions: [...articleSchemaExtensions, ReadOnlyText], content: { type: "doc", content: [paragraph("The minister said 2,000 jobs.")] } });
}

describe("ReadOnlyText", () => {
  it("refuses every change to the text", () => {
    const editor = readOnlyEditor();
    const before = editor.getJSON();
    editor.commands.insertContentAt(1, "Not ");
    expect(editor.getJSON()).toEqual(before);
    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.commands.deleteSelection();
    expect(editor.getJSON()).toEqual(before);
    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.commands.toggleBold();
    expect(editor.getJSON()).toEqual(before);
    editor.destroy();
  });

  it("still lets the selection move, so keyboard users can select a passage", () => {
    const editor = readOnlyEditor();
    editor.commands.setTextSelection({ from: 5, to: 13 });
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe("minister");
    editor.destroy();
  });

  it("stops typing, pasting and dropping before the browser edits the page", () => {
    const editor = readOnlyEditor();
    const typing = new InputEvent("beforeinput", { inputType: "insertText", data: "x", cancelable: true, bubbles: true });
    editor.view.dom.dispatchEvent(typing);
    expect(typing.defaultPrevented).toBe(true);
    const props = editor.view.someProp("handlePaste", (handle) => handle(editor.view, new Event("paste") as ClipboardEvent, editor.state.doc.slice(1, 4)));
    expect(props).toBe(true);
    editor.destroy();
  });
});
