/**
 * Site furniture: paragraphs a news page wraps around an article that are not the article
 * (paywall and subscription notices, newsletter boxes, cookie notices, share prompts,
 * "Related"/"Reference" trailers, the title repeated as the first paragraph). An import
 * leaves them out unless the editor keeps them.
 */
export const FURNITURE_KINDS = {
  "repeated-title": "the title again",
  subscription: "subscription or paywall notice",
  newsletter: "newsletter sign-up",
  cookies: "cookie notice",
  share: "share or follow prompt",
  trailer: "related links or references",
  advert: "advertisement or site notice",
  comments: "comments box",
} as const;

export type FurnitureKind = keyof typeof FURNITURE_KINDS;

/** Longer than this, a paragraph is the article's even when it mentions subscribing or cookies. */
const MAX_FURNITURE_WORDS = 40;
/** In a trailer, the short lines after its heading (the links) are furniture too. */
const MAX_TRAILER_ITEM_WORDS = 20;

const PATTERNS: Array<[Exclude<FurnitureKind, "repeated-title" | "trailer">, RegExp]> = [
  [
    "subscription",
    /already (a |an )?(subscriber|member)|subscribe (now|today|to (continue|read|keep|unlock|get))|subscribers? only|for (subscribers|members) only|(is|are) (only )?(for|available to) (paying )?(subscribers|members)|(sign|log) in to (continue|keep|read)|reached your (monthly )?(limit|(free )?article)|free articles? (left|remaining)|unlock (this|unlimited|full|the full)|become a (member|subscriber|supporter)|support (our|independent|quality) journalism|start your (free )?trial|(your|a) subscription (includes|gives)|(subscribe|subscription|member(ship)?|trial)\b.{0,60}[£$€]\s?\d|this (story|article) is part of our premium|premium (article|content)|(continue|keep) reading (with|for)|want to read (more|the full)/i,
  ],
  [
    "newsletter",
    /(sign up|subscribe|register) (for|to) .{0,50}newsletter|newsletter.{0,40}(sign up|subscribe)|^.{0,40}newsletter$|sign up (for|to) (our|the|get)|in your inbox|to your inbox|enter your email|email address to|get (the|our) (best|latest|top) .{0,40}(delivered|daily|weekly|every)|daily (briefing|digest) (free|straight)/i,
  ],
  [
    "cookies",
    /we use cookies|(this|our) (site|website) uses cookies|uses cookies to|accept (all )?cookies|cookie (settings|preferences|policy|consent)|manage (your )?(privacy |cookie )?(preferences|settings|choices)|by continuing to (use|browse)|^(reject|accept) all( cookies)?$/i,
  ],
  [
    "share",
    /^(share|tweet|email|print|copy link)\b.{0,60}$|^share (this|on|via|the)|share (this )?(article|story|page) (on|with|via)|follow us on|(like|follow) (us|our page) on|join (us|the conversation) on (facebook|twitter|x|instagram|whatsapp|telegram)|copy (the )?link|^(facebook|twitter|x|linkedin|whatsapp|email|reddit)(\s*[·|•,/]\s*(facebook|twitter|x|linkedin|whatsapp|email|reddit|copy link))+$/i,
  ],
  [
    "comments",
    /^\d+ comments?$|^(comments|leave a comment|post a comment|view comments|show comments|join the discussion)\b.{0,60}$|comments (are|have been) (closed|disabled)|be the first to comment|community guidelines/i,
  ],
  [
    "advert",
    /^(advertisement|advert|sponsored( content)?|ad|skip advert|story continues below( advertisement)?|article continues (below|after (the )?advertisement)|continue reading (the main story|below)|listen to this article|skip to (main )?content|read more|loading\.\.\.|\d+ min(ute)? read)\.?$/i,
  ],
  ["advert", /^(image|photo|photograph|picture)( credit)?:.{0,60}$|appears in print on page|^this (article|story) was (first )?published (in|on)\b.{0,60}$/i],
];

/** The heading of a trailer (matched on a trimmed line): what follows it is links to other pages or a reference list. */
const TRAILER_HEADING =
  /^(related( (articles?|stories|coverage|content|topics|reading|links))?|references?|sources?|see also|further reading|read (more|next|also)|also read|more (on this( story)?|from|stories|like this|in)\b[^:]*|recommended( for you)?|you (may|might) (also )?like|most (read|popular|viewed)|trending( now)?|top stories|what to read next|in other news|latest news|explore more|topics?):?$/i;

/** Each block's furniture kind, or null for the article's own text. */
export function detectFurniture(blocks: readonly string[], title: string | null): Array<FurnitureKind | null> {
  const kinds: Array<FurnitureKind | null> = blocks.map((text) => kindOf(text));
  const first = blocks.findIndex((text) => /\S/.test(text));
  if (title && first >= 0 && normalise(blocks[first]) === normalise(title)) kinds[first] = "repeated-title";
  markTrailers(blocks, kinds);
  return kinds;
}

/** Whether one line or paragraph, on its own, looks like site furniture (never a title, then). */
export function isFurniture(text: string): boolean {
  return kindOf(text) !== null;
}

function kindOf(text: string): FurnitureKind | null {
  const line = text.replace(/\s+/g, " ").trim();
  if (line === "" || wordCount(line) > MAX_FURNITURE_WORDS) return null;
  if (TRAILER_HEADING.test(line)) return "trailer";
  return PATTERNS.find(([, pattern]) => pattern.test(line))?.[0] ?? null;
}

/** After a trailer's heading, its short lines up to the next long paragraph belong to it. */
function markTrailers(blocks: readonly string[], kinds: Array<FurnitureKind | null>) {
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] !== "trailer") continue;
    for (let j = i + 1; j < blocks.length && wordCount(blocks[j]) <= MAX_TRAILER_ITEM_WORDS && !endsSentence(blocks[j]); j++) {
      kinds[j] ??= "trailer";
      i = j;
    }
  }
}

/** A headline-like link ends without a full stop; an article's sentence ends with one. */
function endsSentence(text: string): boolean {
  return /[.!…]["”’)]?$/u.test(text.trim()) && wordCount(text) > 12;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
