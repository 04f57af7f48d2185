import { getSchema } from "@tiptap/core";
import { articleSchemaExtensions } from "@/lib/documents/article-extensions";
import { importHtml, safeHref } from "./html";
import { ImportError } from "./plain-text";
import { canonicalText } from "../anchoring/canonical-text";
import type { BlockNode, DocNode, InlineNode, Mark } from "../documents/schema";

// The reader's editor schema: every imported document must load into it.
const schema = getSchema(articleSchemaExtensions);

function body(html: string): BlockNode[] {
  return importHtml(html).doc.content;
}

function text(value: string, ...marks: Mark[]): InlineNode {
  return marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}

const bold: Mark = { type: "bold" };
const italic: Mark = { type: "italic" };
const link = (href: string): Mark => ({ type: "link", attrs: { href } });
const p = (...content: InlineNode[]): BlockNode => ({ type: "paragraph", content });
const br: InlineNode = { type: "hardBreak" };

function links(doc: DocNode): string[] {
  const hrefs: string[] = [];
  JSON.stringify(doc, (key, value) => {
    if (key === "href") hrefs.push(value);
    return value;
  });
  return hrefs;
}

describe("importHtml: structure", () => {
  it("maps the reader's elements to its nodes and marks", () => {
    const html = `
      <h1>Main</h1><p>Intro <strong>bold</strong>, <b>b</b>, <em>em</em> and <i>i</i>.</p>
      <h2>Two</h2><h3>Three</h3><h4>Four</h4><h6>Six</h6>
      <blockquote><p>Quoted</p><p>Twice</p></blockquote>
      <ul><li>One</li><li>Two <a href="https://example.com/a">link</a></li></ul>
      <ol start="3"><li>Third</li></ol><ol><li>First</li></ol>
      <p>Line<br>break</p>`;
    expect(body(html)).toEqual([
      p(text("Intro "), text("bold", bold), text(", "), text("b", bold), text(", "), text("em", italic), text(" and "), text("i", italic), text(".")),
      { type: "heading", attrs: { level: 2 }, content: [text("Two")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Three")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Four")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Six")] },
      { type: "blockquote", content: [p(text("Quoted")), p(text("Twice"))] },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [p(text("One"))] },
          { type: "listItem", content: [p(text("Two "), text("link", link("https://example.com/a")))] },
        ],
      },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("Third"))] }] },
      { type: "orderedList", content: [{ type: "listItem", content: [p(text("First"))] }] },
      p(text("Line"), br, text("break")),
    ]);
    expect(importHtml(html).title).toBe("Main");
  });

  it("wraps text that sits directly in div, section, article, body and td into paragraphs", () => {
    const html = `<body>Loose <b>words</b><div>In a div<p>A paragraph</p>after it</div>
      <section>Section</section><article>Article</article>
      <table><tr><td>Cell one</td><td>Cell <i>two</i></td></tr></table>tail</body>`;
    expect(body(html).map((block) => canonicalText({ type: "doc", content: [block] }))).toEqual([
      "Loose words",
      "In a div",
      "A paragraph",
      "after it",
      "Section",
      "Article",
      "Cell one",
      "Cell two",
      "tail",
    ]);
  });

  it("keeps marks across nested blocks and combines them", () => {
    expect(body("<b><p>Bold <i>both</i></p></b>")).toEqual([p(text("Bold ", bold), text("both", bold, italic))]);
    expect(body('<a href="https://x.org/"><b>bold link</b> plain</a>')).toEqual([
      p(text("bold link", bold, link("https://x.org/")), text(" plain", link("https://x.org/"))),
    ]);
  });

  it("merges neighbouring text with the same marks and never makes an empty text node", () => {
    expect(body("<p><b>one</b><strong> two</strong><span>three</span><span></span><em></em>four</p>")).toEqual([
      p(text("one two", bold), text("threefour")),
    ]);
  });

  it("drops empty blocks and lists, and list items without text", () => {
    expect(body("<p></p><p> \n </p><p>&nbsp;</p><h2> </h2><ul><li> </li></ul><ol></ol><blockquote> </blockquote><p>Text</p>")).toEqual([
      p(text("Text")),
    ]);
    expect(body("<ul><li></li><li>Kept</li></ul>")).toEqual([
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("Kept"))] }] },
    ]);
  });

  it("starts every list item with a paragraph, as TipTap's listItem requires", () => {
    expect(body("<ul><li><ul><li>Nested</li></ul></li><li><h3>Heading</h3>Rest</li></ul>")).toEqual([
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [{ type: "paragraph" }, { type: "bulletList", content: [{ type: "listItem", content: [p(text("Nested"))] }] }],
          },
          { type: "listItem", content: [p(text("Heading")), p(text("Rest"))] },
        ],
      },
    ]);
  });

  it("makes stray content in a list an item of its own and ignores a bad start", () => {
    expect(body('<ol start="x">Stray<li>Item</li></ol>')).toEqual([
      { type: "orderedList", content: [{ type: "listItem", content: [p(text("Stray"))] }, { type: "listItem", content: [p(text("Item"))] }] },
    ]);
  });

  it("looks through unknown elements, whatever their names", () => {
    expect(body("<constructor>one</constructor> <toString>two</toString> <o:p>three</o:p> <my-widget>four</my-widget>")).toEqual([
      p(text("one two three four")),
    ]);
  });

  it("refuses HTML nested too deeply to walk, with a message", () => {
    expect(() => importHtml(`${"<div>".repeat(20_000)}deep`)).toThrow(new ImportError("The HTML is nested too deeply to import."));
    expect(body(`${"<div><b>".repeat(200)}deep`)).toEqual([p(text("deep", bold))]);
  });

  it("ignores every attribute but a link's href", () => {
    expect(body('<p class="x" style="color:red" id="y" title="t" data-x="1"><b style="font-weight:normal">Styled</b></p>')).toEqual([
      p(text("Styled", bold)),
    ]);
    expect(body('<p><a name="anchor">no href</a> <a href="/relative">relative</a> <a href="#frag">fragment</a></p>')).toEqual([
      p(text("no href relative fragment")),
    ]);
    expect(body('<p><a href="mailto:desk@example.org">mail</a></p>')).toEqual([p(text("mail", link("mailto:desk@example.org")))]);
  });

  it("drops non-content elements with everything inside them", () => {
    const dropped = [
      "script", "style", "iframe", "object", "noscript", "template", "svg", "math", "form",
      "button", "select", "textarea", "canvas", "audio", "video", "title",
    ];
    for (const name of dropped) {
      expect(body(`<p>Kept</p><${name}><p>Hidden ${name}</p>hidden</${name}>`)).toEqual([p(text("Kept"))]);
    }
    expect(body('<head><title>T</title><style>p{}</style></head><p>Kept</p><input value=hidden><img src=x alt=hidden><embed src="x">')).toEqual([
      p(text("Kept")),
    ]);
  });
});

describe("importHtml: text", () => {
  it("decodes entities in text and in hrefs", () => {
    expect(body('<p>&amp; &lt;b&gt; &eacute; &#8220;quoted&#8221; &#x1F600; &copy;</p><p><a href="https://e.com/?a=1&amp;b=2">q</a></p>')).toEqual([
      p(text("& <b> é “quoted” 😀 ©")),
      p(text("q", link("https://e.com/?a=1&b=2"))),
    ]);
  });

  it("collapses whitespace as a browser does", () => {
    expect(body("<p>  Several \n\t spaces\r\nand   lines  </p>")).toEqual([p(text("Several spaces and lines"))]);
    expect(body("<p>a <b> b </b> <i> c</i></p>")).toEqual([p(text("a "), text("b ", bold), text("c", italic))]);
    expect(body("<p> <br> First line \n<br>\n  second line <br> </p>")).toEqual([p(text("First line"), br, text("second line"))]);
    expect(body("<div>\n  <p>\n    Indented source\n  </p>\n</div>")).toEqual([p(text("Indented source"))]);
  });

  it("keeps non-breaking spaces, which a browser does not collapse", () => {
    expect(body("<p>a&nbsp;&nbsp;b</p>")).toEqual([p(text("a\u00A0\u00A0b"))]);
  });

  it("makes every line of a pre a paragraph, keeping its spaces", () => {
    expect(body("<pre>\n  indented\n\n  <b>bold</b>  code  \n</pre><p>after</p>")).toEqual([
      p(text("  indented")),
      p(text("  "), text("bold", bold), text("  code  ")),
      p(text("after")),
    ]);
  });

  it("has a canonical text that is the visible text blocks joined with newlines", () => {
    const html = `<!doctype html><html><head><title>Page</title><script>var x = 1;</script></head>
      <body><header><nav><a href="/">Home</a></nav></header>
      <article><h1>Headline</h1><p>First   paragraph with <a href="https://x.org">a link</a>.</p>
      <h2>Section</h2><ul><li>Item one</li><li>Item <em>two</em><ol><li>Sub</li></ol></li></ul>
      <blockquote>Quote<br>with break</blockquote><pre>a\n b</pre></article>
      <footer>© 2025</footer></body></html>`;
    const { doc } = importHtml(html);
    expect(canonicalText(doc)).toBe(
      ["Home", "Headline", "First paragraph with a link.", "Section", "Item one", "Item two", "Sub", "Quote\nwith break", "a", " b", "© 2025"].join("\n"),
    );
  });
});

describe("importHtml: title", () => {
  it("prefers og:title, then <title>, then the first h1", () => {
    const og = '<head><meta property="og:title" content=" The &amp; Headline "><title>Headline | Site</title></head><p>Body</p>';
    expect(importHtml(og).title).toBe("The & Headline");
    expect(importHtml("<title>\n  Page   title </title><h1>Other</h1><p>Body</p>").title).toBe("Page title");
    expect(importHtml('<meta property="og:title" content="  "><title>Fallback</title><p>Body</p>').title).toBe("Fallback");
  });

  it("takes the first h1 as the title and removes it from the body", () => {
    const { title, doc } = importHtml("<div><h1> The  <i>Story</i> </h1></div><p>Body</p><h1>Second</h1>");
    expect(title).toBe("The Story");
    expect(doc.content).toEqual([p(text("Body")), { type: "heading", attrs: { level: 1 }, content: [text("Second")] }]);
  });

  it("keeps an h1 that differs from the page title, and drops one that repeats it", () => {
    expect(body("<title>Page</title><h1>Other</h1><p>Body</p>")[0]).toEqual({ type: "heading", attrs: { level: 1 }, content: [text("Other")] });
    expect(body("<title>Same</title><h1>Same</h1><p>Body</p>")).toEqual([p(text("Body"))]);
  });

  it("keeps an h1 that is all there is, and has no title without title or h1", () => {
    expect(importHtml("<h1>Only</h1>")).toEqual({ title: "Only", doc: { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [text("Only")] }] } });
    expect(importHtml("<h2>Sub</h2><p>Body</p>").title).toBeNull();
    expect(importHtml("<svg><title>Icon</title></svg><p>Body</p>").title).toBeNull();
  });

  it("rejects a document without visible text", () => {
    for (const html of ["", "   ", "<script>alert(1)</script>", "<p> </p><br>", "<title>Only a title</title>", "<!-- comment -->"]) {
      expect(() => importHtml(html)).toThrow(new ImportError("The document is empty."));
    }
  });
});

// Classic cross-site scripting payloads (OWASP's filter evasion cheat sheet and
// mutation XSS), each in a div between two paragraphs whose text must survive
// (the div's end closes whatever the payload leaves open).
const XSS_PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
  "<script>alert('<p>x</p>')</script>",
  "<img src=x onerror=alert(1)>",
  `<img src="x" onerror="alert('XSS')">`,
  "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<svg><a xlink:href=\"javascript:alert(1)\"><text>svg link</text></a></svg>",
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<iframe src="javascript:alert(1)">fallback</iframe>`,
  `<a href="javascript:alert(1)">js link</a>`,
  `<a href="JaVaScRiPt:alert(1)">mixed case</a>`,
  `<a href="&#106;avascript:alert(1)">decimal entity</a>`,
  `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex entities</a>`,
  `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">padded entities</a>`,
  `<a href="java\tscript:alert(1)">tab</a>`,
  `<a href="java&#x09;script:alert(1)">tab entity</a>`,
  `<a href="java&#x0A;script:alert(1)">newline entity</a>`,
  `<a href=" &#14;  javascript:alert(1)">leading space and control</a>`,
  `<a href="\u0001javascript:alert(1)">control char</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
  `<a href="DATA:text/html,<script>alert(1)</script>">data upper</a>`,
  `<a href="vbscript:msgbox(1)">vb link</a>`,
  `<a href="https://example.com/" onclick="alert(1)">handler on a good link</a>`,
  "<body onload=alert(1)>body</body>",
  `<div style="background-image: url(javascript:alert(1))">style url</div>`,
  `<div style="width: expression(alert(1))">style expression</div>`,
  `<p onmouseover="alert(1)">hover</p>`,
  "<details open ontoggle=alert(1)>details</details>",
  "<xss onpointerenter=alert(1)>custom element</xss>",
  `<object data="javascript:alert(1)">object</object>`,
  `<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  "<input onfocus=alert(1) autofocus>",
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  "<video><source onerror=alert(1)></video>",
  `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  "<template><script>alert(1)</script></template>",
  "<style>@import 'javascript:alert(1)';</style>",
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  "<<script>alert(1);//<</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  `<img """><script>alert(1)</script>">`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  "<textarea><script>alert(1)</script></textarea>",
  "<b><script>alert(1)</script>unclosed <i>tags",
];

describe("importHtml: sanitising", () => {
  it.each(XSS_PAYLOADS)("keeps no script, handler or unsafe link from %s", (payload) => {
    const { doc } = importHtml(`<p>Before</p><div>${payload}</div><p>After</p>`);
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/<script/i);
    expect(json).not.toMatch(/[\s"'/<]on[a-z]+\s*=/i);
    expect(json).not.toMatch(/(javascript|vbscript|data):/i);
    for (const href of links(doc)) expect(href).toMatch(/^(https?|mailto):/);
    // The readable text stays.
    const lines = canonicalText(doc).split("\n");
    expect(lines[0]).toBe("Before");
    expect(lines.at(-1)).toMatch(/After$/);
    // And the document loads into the reader's schema.
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
  });

  it("keeps the text of links it does not keep", () => {
    const { doc } = importHtml(XSS_PAYLOADS.filter((payload) => payload.startsWith("<a ")).join(" "));
    expect(canonicalText(doc)).toContain("js link mixed case decimal entity hex entities");
    expect(links(doc)).toEqual(["https://example.com/"]);
  });

  it("allows only http:, https: and mailto: hrefs, cleaned as a browser reads them", () => {
    expect(safeHref("https://example.com/path?q=1#f")).toBe("https://example.com/path?q=1#f");
    expect(safeHref(" \n HTTP://Example.com ")).toBe("http://example.com/");
    expect(safeHref("ht\ttps://example.com")).toBe("https://example.com/");
    expect(safeHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    for (const href of [undefined, "", "javascript:alert(1)", " java\nscript:x", "\u0000javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "/relative", "//host/path", "https://", "ftp://example.com"]) {
      expect(safeHref(href)).toBeNull();
    }
  });
});
