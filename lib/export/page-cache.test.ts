import { cachedPage, matchesEtag, PageCache } from "@/lib/export/page-cache";

/** The public pages' cache on its own: stamps, the byte limit, and If-None-Match (the database side is page-cache.db.test.ts). */

const page = (stamp: string, bytes: number) => cachedPage(stamp, "x".repeat(bytes));

describe("PageCache", () => {
  it("serves a page only under the stamp it was rendered under, and drops it once the stamp has moved on", () => {
    const cache = new PageCache(1000);
    const kept = page("s1", 100);
    cache.set("a", kept);
    expect(cache.get("a", "s1")).toBe(kept);
    expect(cache.get("a", "s2")).toBeUndefined();
    expect(cache.size).toEqual({ pages: 0, bytes: 0 });
    expect(cache.get("a", "s1")).toBeUndefined();
  });

  it("counts bytes, not characters, and never keeps more than its limit", () => {
    const cache = new PageCache(1000);
    cache.set("a", cachedPage("s", "é".repeat(300)));
    expect(cache.size).toEqual({ pages: 1, bytes: 600 });
    cache.set("b", page("s", 300));
    cache.set("c", page("s", 300));
    expect(cache.size).toEqual({ pages: 2, bytes: 600 });
    expect(cache.get("a", "s")).toBeUndefined();
    cache.set("huge", page("s", 1001));
    expect(cache.get("huge", "s")).toBeUndefined();
    expect(cache.size).toEqual({ pages: 2, bytes: 600 });
  });

  it("replaces a key's page without counting the old one twice", () => {
    const cache = new PageCache(1000);
    cache.set("a", page("s1", 400));
    cache.set("a", page("s2", 500));
    expect(cache.size).toEqual({ pages: 1, bytes: 500 });
  });

  it("renders a page once for the requests that ask for it while it renders, and keeps it", async () => {
    const cache = new PageCache(1000);
    let renders = 0;
    let finish!: (html: string) => void;
    const render = () => {
      renders += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const asked = [cache.page("a", "s", render), cache.page("a", "s", render)];
    finish("<p>page</p>");
    const [first, second] = await Promise.all(asked);
    expect(second).toBe(first);
    expect(await cache.page("a", "s", render)).toBe(first);
    expect(renders).toBe(1);
    // Another stamp is another render.
    const next = cache.page("a", "t", render);
    finish("<p>new page</p>");
    expect(Buffer.from((await next).body).toString()).toBe("<p>new page</p>");
    expect(renders).toBe(2);
  });

  it("keeps nothing of a render that fails, and renders again when asked again", async () => {
    const cache = new PageCache(1000);
    await expect(cache.page("a", "s", () => Promise.reject(new Error("gone")))).rejects.toThrow("gone");
    expect(cache.size.pages).toBe(0);
    expect(Buffer.from((await cache.page("a", "s", async () => "<p>back</p>")).body).toString()).toBe("<p>back</p>");
  });

  it("keeps nothing with a limit of 0", () => {
    const cache = new PageCache(0);
    cache.set("a", page("s", 1));
    expect(cache.get("a", "s")).toBeUndefined();
  });
});

describe("cachedPage", () => {
  it("tags the page with a strong ETag of its bytes", () => {
    expect(page("s1", 10).etag).toBe(page("s2", 10).etag);
    expect(page("s1", 10).etag).not.toBe(page("s1", 11).etag);
    expect(page("s1", 10).etag).toMatch(/^"[\w-]{43}"$/);
  });
});

describe("matchesEtag", () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"old", "abc"', true],
    ["*", true],
    ['"abd"', false],
    ["abc", false],
    ["", false],
    [null, false],
  ])("If-None-Match %p: %p", (header, matches) => {
    expect(matchesEtag(header, etag)).toBe(matches);
  });
});
