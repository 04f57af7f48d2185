import { callbackUrlRepair, safeCallbackUrl } from "@/lib/auth/callback-url";

const BASE = "http://localhost:3450";

const HOSTILE = [
  "http://localhost:3450.evil.example/",
  "https://evil.example/",
  "http://localhost:3451/articles",
  "//evil.example/articles",
  "/\\evil.example",
  "/\t/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http://[::1",
  "http://localhost:3450@evil.example/",
  "%",
  "articles",
  "",
];

describe("safeCallbackUrl", () => {
  it.each(HOSTILE)("sends %j to the home page", (hostile) => {
    expect(safeCallbackUrl(hostile, BASE)).toBe(BASE);
  });

  it("keeps a page of the app, as a path or as a whole URL", () => {
    expect(safeCallbackUrl("/articles?view=mine#claims", BASE)).toBe(`${BASE}/articles?view=mine#claims`);
    expect(safeCallbackUrl(`${BASE}/login`, BASE)).toBe(`${BASE}/login`);
    expect(safeCallbackUrl("/", `${BASE}/`)).toBe(`${BASE}/`);
  });
});

describe("callbackUrlRepair", () => {
  it.each(HOSTILE)("replaces callbackUrl=%j in a next-auth request with the home page", (hostile) => {
    const url = new URL(`${BASE}/api/auth/session`);
    url.searchParams.set("callbackUrl", hostile);
    url.searchParams.set("other", "kept");
    const repaired = callbackUrlRepair(url, BASE);
    expect(repaired?.searchParams.get("callbackUrl")).toBe(BASE);
    expect(repaired?.searchParams.get("other")).toBe("kept");
    expect(repaired?.pathname).toBe("/api/auth/session");
  });

  it("leaves a request alone without a callbackUrl or with one on the app", () => {
    expect(callbackUrlRepair(new URL(`${BASE}/api/auth/session`), BASE)).toBeNull();
    expect(callbackUrlRepair(new URL(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(`${BASE}/articles`)}`), BASE)).toBeNull();
  });
});
