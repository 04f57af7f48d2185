import StarterKit from "@tiptap/starter-kit";

/**
 * The article schema's TipTap extensions: the nodes and marks of lib/documents/schema.ts,
 * nothing else. The reader renders with them and the importers' tests check their output
 * against them.
 */

export const articleSchemaExtensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    dropcursor: false,
    gapcursor: false,
    undoRedo: false,
    listKeymap: false,
    trailingNode: false, // it would append a paragraph, changing the canonical text
    link: { openOnClick: false, autolink: false, linkOnPaste: false, HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" } },
  }),
];
