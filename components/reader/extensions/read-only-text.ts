import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/** Refuses every change to the document; selection and caret movement still work. */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (transaction) => !transaction.docChanged,
        props: {
          handleDOMEvents: {
            // Stops typing, deleting, pasting and dropping before the browser edits the DOM.
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
          handlePaste: () => true,
          handleDrop: () => true,
        },
      }),
    ];
  },
});
