/**
 * Known cross-site scripting payloads, for the hostile-content browser test: script
 * elements, event-handler attributes, script URLs (plain, mixed-case, entity-encoded,
 * with tabs and control characters), attribute and element breakouts, mutation-XSS
 * forms, Markdown links and images, template injections.
 *
 * Each one, if it ever ran, calls `xss(id)` (or alert(id), which the test also
 * catches); the test defines `window.xss` in every frame, so a hit names the payload.
 * Ids are unique; the payload strings are all distinct.
 */

export type PayloadKind = "html" | "attribute" | "url" | "markdown" | "template" | "mutation";

export interface Payload {
  id: number;
  kind: PayloadKind;
  text: string;
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** [kind, the payload with ID where its id goes]. */
const TEMPLATES: Array<[PayloadKind, string | ((id: number) => string)]> = [
  // Script elements
  ["html", "<script>xss(ID)</script>"],
  ["html", "<SCRIPT>xss(ID)</SCRIPT>"],
  ["html", "<script src=data:text/javascript,xss(ID)></script>"],
  ["html", "<scr<script>ipt>xss(ID)</scr</script>ipt>"],
  ["html", "<<script>script>xss(ID)<</script>/script>"],
  ["html", "<svg><script>xss(ID)</script></svg>"],
  ["html", "<svg><script href=data:,xss(ID) /></svg>"],
  // Event handlers
  ["html", "<img src=x onerror=xss(ID)>"],
  ["html", '<img src="x" onerror="xss(ID)">'],
  ["html", "<IMG SRC=x OnErRoR=alert(ID)>"],
  ["html", "<img src=x:alert(alt) onerror=eval(src) alt=ID>"],
  ["html", "<svg onload=xss(ID)>"],
  ["html", "<svg/onload=xss(ID)>"],
  ["html", "<body onload=xss(ID)>"],
  ["html", "<input autofocus onfocus=xss(ID)>"],
  ["html", "<details open ontoggle=xss(ID)>"],
  ["html", "<video><source onerror=xss(ID)></video>"],
  ["html", "<audio src=x onerror=xss(ID)>"],
  ["html", "<marquee onstart=xss(ID)>marquee</marquee>"],
  ["html", '<div onmouseover="xss(ID)">hover me</div>'],
  ["html", "<svg><animate onbegin=xss(ID) attributeName=x dur=1s>"],
  ["html", '<a href="https://example.org/" onclick="xss(ID)">a web link with a handler</a>'],
  ["html", '<style onload=xss(ID)>*{}</style>'],
  // Frames, objects, documents
  ["html", '<iframe src="javascript:top.xss(ID)"></iframe>'],
  ["html", '<iframe srcdoc="<script>parent.xss(ID)</script>"></iframe>'],
  ["html", '<iframe srcdoc="&lt;img src=x onerror=parent.xss(ID)&gt;"></iframe>'],
  ["html", '<object data="javascript:xss(ID)"></object>'],
  ["html", '<embed src="javascript:xss(ID)">'],
  ["html", '<base href="javascript:xss(ID)//">'],
  ["html", '<meta http-equiv="refresh" content="0;url=javascript:xss(ID)">'],
  ["html", '<form action="javascript:xss(ID)"><button>send</button></form>'],
  ["html", '<button formaction="javascript:xss(ID)">go</button>'],
  ["html", '<div><template shadowrootmode="open"><img src=x onerror=xss(ID)></template></div>'],
  // Script URLs
  ["url", '<a href="javascript:xss(ID)">plain</a>'],
  ["url", '<a href="JaVaScRiPt:xss(ID)">mixed case</a>'],
  ["url", (id) => `<a href="${[..."javascript:"].map((c) => `&#${c.charCodeAt(0)};`).join("")}xss(${id})">decimal entities</a>`],
  ["url", '<a href="&#x6A;avascript&colon;xss(ID)">hex entity and &amp;colon;</a>'],
  ["url", '<a href="javas&#99;ript:xss(ID)">one entity</a>'],
  ["url", '<a href="java\tscript:xss(ID)">tab</a>'],
  ["url", '<a href="java&#x09;script:xss(ID)">tab entity</a>'],
  ["url", '<a href="java\nscript:xss(ID)">newline</a>'],
  ["url", '<a href=" &#14; javascript:xss(ID)">leading control character</a>'],
  ["url", '<a href="javascript&#58;xss(ID)">colon entity</a>'],
  ["url", '<a href="data:text/html,<script>xss(ID)</script>">data URL</a>'],
  ["url", (id) => `<a href="data:text/html;base64,${base64(`<script>alert(${id})</script>`)}">base64 data URL</a>`],
  ["url", '<a href="vbscript:msgbox(ID)">vbscript</a>'],
  ["url", '<svg><a xlink:href="javascript:xss(ID)"><text x="9" y="9">svg link</text></a></svg>'],
  ["url", '<math><mi xlink:href="javascript:xss(ID)">math link</mi></math>'],
  ["url", '<div style="background:url(javascript:xss(ID))">styled</div>'],
  ["url", "javascript:xss(ID)"],
  // Breaking out of attributes and raw-text elements
  ["attribute", '" onmouseover="xss(ID)'],
  ["attribute", "' onfocus='xss(ID)' autofocus='"],
  ["attribute", '"><script>xss(ID)</script>'],
  ["attribute", "'><img src=x onerror=xss(ID)>"],
  ["attribute", '" autofocus onfocus=xss(ID) x="'],
  ["attribute", "</textarea><script>xss(ID)</script>"],
  ["attribute", "</title><script>xss(ID)</script>"],
  ["attribute", "</style><script>xss(ID)</script>"],
  ["attribute", "</script><script>xss(ID)</script>"],
  ["attribute", "--><script>xss(ID)</script><!--"],
  ["attribute", "]]><script>xss(ID)</script>"],
  // Mutation XSS (parser differentials)
  ["mutation", '<!--<img src="--><img src=x onerror=xss(ID)//">'],
  ["mutation", "<math><mtext><table><mglyph><style><img src=x onerror=xss(ID)>"],
  ["mutation", '<svg></p><style><a id="</style><img src=1 onerror=xss(ID)>">'],
  ["mutation", '<noscript><p title="</noscript><img src=x onerror=xss(ID)>">'],
  ["mutation", "<form><math><mtext></form><form><mglyph><svg><mtext><style><path id=\"</style><img onerror=xss(ID) src>\">"],
  ["mutation", "<xmp><img src=x onerror=xss(ID)></xmp>"],
  // Markdown
  ["markdown", "[click me](javascript:xss(ID))"],
  ["markdown", "[click me](JAVASCRIPT:xss(ID))"],
  ["markdown", "[click me](<javascript:xss(ID)>)"],
  ["markdown", "![an image](javascript:xss(ID))"],
  ['markdown', '![an image](x" onerror="xss(ID))'],
  ["markdown", (id) => `[data link](data:text/html;base64,${base64(`<script>xss(${id})</script>`)})`],
  ["markdown", "<javascript:xss(ID)>"],
  ["markdown", "[ref link][evil]\n\n[evil]: javascript:xss(ID)"],
  ["markdown", '<a href="javascript:xss(ID)">an HTML link in Markdown</a>'],
  // Template injection
  ["template", "{{constructor.constructor('xss(ID)')()}}"],
  ["template", "${xss(ID)}"],
  ["template", "<%= xss(ID) %>"],
  ["template", "{{$on.constructor('xss(ID)')()}}"],
  // Encoded forms that are only text unless someone decodes them
  ["template", "\\u003cscript\\u003exss(ID)\\u003c/script\\u003e"],
  ["template", "%3Cscript%3Exss(ID)%3C%2Fscript%3E"],
];

export const PAYLOADS: Payload[] = TEMPLATES.map(([kind, template], i) => {
  const id = i + 1;
  const text = typeof template === "function" ? template(id) : template.replaceAll("ID", String(id));
  return { id, kind, text };
});

/** Ids from here on are for payloads made up elsewhere in the test (names, URLs, titles). */
export const NEXT_ID = PAYLOADS.length + 1;

if (new Set(PAYLOADS.map((p) => p.text)).size !== PAYLOADS.length) throw new Error("Two payloads are the same.");
