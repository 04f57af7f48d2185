// The two dom-anchor libraries (used by tests to anchor exported selectors) ship no types.
declare module "dom-anchor-text-quote" {
  export function toRange(root: Node, selector: { exact: string; prefix?: string; suffix?: string }, options?: { hint?: number }): Range | null;
}

declare module "dom-anchor-text-position" {
  export function toRange(root: Node, selector: { start: number; end: number }): Range | null;
}
