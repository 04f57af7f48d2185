import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/data";
import { makeArticle, makeClaim, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { ANNO_PROFILE } from "@/lib/annotation-protocol/http";
import { PAGE_SIZE } from "@/lib/annotation-protocol/representation";
import * as container from "@/app/annotations/[articleId]/route";
import * as member from "@/app/annotations/[articleId]/[claimId]/route";

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
const signedIn = jest.mocked(getCurrentUser);

useTestDatabase();

const APP = "http://localhost";
let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let article: TestArticle;

beforeEach(async () => {
  reviewer = await makeUser("REVIEWER");
  otherReviewer = await makeUser("REVIEWER");
  editor = await makeUser("EDITOR");
  article = await makeArticle([
    "Harbour plan",
    "The mayor said the harbour plan will create 4,000 jobs by 2030.",
    "Critics said the cost had doubled since 2019.",
  ]);
  signedIn.mockResolvedValue(null);
});

const containerUrl = () => `${APP}/annotations/${article.id}/`;
const as = (actor: Actor | null) => signedIn.mockResolvedValue(actor);
const ctx = (claimId?: string) => ({ params: Promise.resolve<Record<string, string>>(claimId ? { articleId: article.id, claimId } : { articleId: article.id }) });

function send(method: string, url: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return new Request(url, { method, headers: { ...(body ? { "Content-Type": "application/ld+json" } : {}), ...init.headers }, body });
}

function claimAnnotation(exact: string, extra: Record<string, unknown> = {}) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: [{ type: "TextualBody", purpose: "describing", value: `Restated: ${exact}` }],
    target: { source: `${APP}/articles/${article.id}`, selector: { type: "TextQuoteSelector", exact } },
    ...extra,
  };
}

describe("the container", () => {
  it("answers GET with the protocol's headers, an id equal to its Content-Location, and its claims", async () => {
    as(editor);
    await makeClaim(reviewer, article, "4,000 jobs");
    const response = await container.GET(send("GET", containerUrl()), ctx());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(`application/ld+json; profile="${ANNO_PROFILE}"`);
    expect(response.headers.get("link")).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(response.headers.get("link")).toContain('<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(response.headers.get("vary")).toMatch(/Accept.*Prefer/);
    expect(response.headers.get("etag")).toMatch(/^W\/".+"$/);
    const body = await response.json();
    expect(body.id).toBe(containerUrl());
    expect(response.headers.get("content-location")).toBe(body.id);
    expect(body.type).toEqual(["BasicContainer", "AnnotationCollection"]);
    expect(body.total).toBe(1);
    expect(body.first.items).toHaveLength(1);
    expect(body.first.items[0].id).toMatch(new RegExp(`^${containerUrl()}`));
  });

  it("answers HEAD and OPTIONS with the same headers and no body", async () => {
    as(editor);
    const head = await container.HEAD(send("HEAD", containerUrl()), ctx());
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBeTruthy();
    expect(await head.text()).toBe("");
    const options = await container.OPTIONS(send("OPTIONS", containerUrl()), ctx());
    expect(options.status).toBe(200);
    expect(options.headers.get("allow")).toContain("POST");
    expect(options.headers.get("accept-post")).toContain("application/ld+json");
  });

  it("answers 304 to a GET naming the current ETag, and 406 to a client that wants no JSON-LD", async () => {
    as(editor);
    const first = await container.GET(send("GET", containerUrl()), ctx());
    const again = await container.GET(send("GET", containerUrl(), { headers: { "If-None-Match": first.headers.get("etag")! } }), ctx());
    expect(again.status).toBe(304);
    const html = await container.GET(send("GET", containerUrl(), { headers: { Accept: "text/html" } }), ctx());
    expect(html.status).toBe(406);
    expect(html.headers.get("link")).toContain("BasicContainer");
  });

  it("honours Prefer: a minimal container links its pages, an IRIs-only one lists annotation IRIs", async () => {
    as(editor);
    await makeClaim(reviewer, article, "4,000 jobs");
    const minimal = await container.GET(
      send("GET", containerUrl(), { headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' } }),
      ctx(),
    );
    const minimalBody = await minimal.json();
    expect(minimal.headers.get("preference-applied")).toBe("return=representation");
    expect(minimalBody).not.toHaveProperty("items");
    expect(typeof minimalBody.first).toBe("string");
    expect(typeof minimalBody.last).toBe("string");

    const iris = await container.GET(
      send("GET", containerUrl(), { headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } }),
      ctx(),
    );
    const irisBody = await iris.json();
    expect(irisBody.id).toBe(`${containerUrl()}?iris=1`);
    expect(iris.headers.get("content-location")).toBe(irisBody.id);
    expect(irisBody.first.items).toEqual([expect.stringMatching(new RegExp(`^${containerUrl()}`))]);
  });

  it("pages its annotations with first, last, next, prev, partOf and startIndex", async () => {
    as(editor);
    const words = article.text.split(" ").filter((w) => w.length > 3);
    for (let i = 0; i < PAGE_SIZE + 5; i++) await makeClaim(reviewer, article, words[i % words.length], { restatement: `Claim ${i}` });
    // makeClaim finds the first occurrence: the spans repeat, which claims may.
    const body = await (await container.GET(send("GET", containerUrl()), ctx())).json();
    expect(body.total).toBe(PAGE_SIZE + 5);
    expect(body.first.items).toHaveLength(PAGE_SIZE);
    expect(body.first.next).toBe(`${containerUrl()}?page=1`);
    expect(body.last).toBe(`${containerUrl()}?page=1`);
    const last = await (await container.GET(send("GET", body.last), ctx())).json();
    expect(last).toMatchObject({ type: "AnnotationPage", startIndex: PAGE_SIZE, prev: `${containerUrl()}?page=0`, partOf: { id: containerUrl(), total: PAGE_SIZE + 5 } });
    expect(last).not.toHaveProperty("next");
    expect(last.items).toHaveLength(5);
    expect((await container.GET(send("GET", `${containerUrl()}?page=2`), ctx())).status).toBe(404);
  });

  it("shows a reviewer approved claims and their own, and an editor every claim", async () => {
    await makeClaim(otherReviewer, article, "4,000 jobs");
    await makeClaim(reviewer, article, "cost had doubled");
    await makeClaim(otherReviewer, article, "since 2019", { state: "APPROVED" });
    as(reviewer);
    const mine = await (await container.GET(send("GET", containerUrl()), ctx())).json();
    expect(mine.first.items.map((item: { target: { selector: { exact: string }[] } }) => item.target.selector.find((s) => "exact" in s)!.exact).sort()).toEqual(["cost had doubled", "since 2019"]);
    as(editor);
    expect((await (await container.GET(send("GET", containerUrl()), ctx())).json()).total).toBe(3);
  });

  it("refuses anonymous callers and names the ways in", async () => {
    const response = await container.GET(send("GET", containerUrl()), ctx());
    expect(response.status).toBe(401);
    expect(response.headers.get("link")).toContain("BasicContainer");
  });
});

describe("creating, replacing and deleting annotations", () => {
  it("POST makes a draft claim: 201, Location equal to its id inside the container, canonical kept, audited", async () => {
    as(reviewer);
    const response = await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs", { canonical: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427" }) }), ctx());
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(response.headers.get("location")).toBe(body.id);
    expect(body.id.startsWith(containerUrl())).toBe(true);
    expect(body.canonical).toBe("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    const claimId = body.id.slice(containerUrl().length);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim).toMatchObject({ authorId: reviewer.id, state: "DRAFT", exact: "4,000 jobs", restatement: "Restated: 4,000 jobs", canonicalIri: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427" });
    expect(await prisma.auditEvent.count({ where: { entityId: claimId, action: "claim.create" } })).toBe(1);
    expect(response.headers.get("etag")).toBe(`"${claimId}.1"`);
  });

  it.each([
    ["a target elsewhere", () => ({ ...claimAnnotation("4,000 jobs"), target: "http://www.example.com/index.html" }), 400, /target must be that article/],
    ["text not in the article", () => claimAnnotation("5,000 jobs"), 400, /not in this article/],
    ["not JSON", () => "{not json", 400, /not valid JSON/],
  ])("POST with %s is refused and writes nothing", async (_name, body, status, message) => {
    as(reviewer);
    const before = await snapshot();
    const response = await container.POST(send("POST", containerUrl(), { body: body() }), ctx());
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("POST refuses a body that does not say it is JSON-LD (415)", async () => {
    as(reviewer);
    const response = await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs"), headers: { "Content-Type": "text/plain" } }), ctx());
    expect(response.status).toBe(415);
  });

  it("PUT replaces the claim's text with If-Match; a stale ETag gets 412, none 428, a moved target 400", async () => {
    as(reviewer);
    const created = await (await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs") }), ctx())).json();
    const claimId = created.id.slice(containerUrl().length);
    const changed = { ...created, body: [{ type: "TextualBody", purpose: "describing", value: "The mayor promised 4,000 jobs" }] };

    expect((await member.PUT(send("PUT", created.id, { body: changed }), ctx(claimId))).status).toBe(428);
    const ok = await member.PUT(send("PUT", created.id, { body: changed, headers: { "If-Match": `"${claimId}.1"` } }), ctx(claimId));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe(`"${claimId}.2"`);
    expect((await ok.json()).body[0].value).toBe("The mayor promised 4,000 jobs");

    const stale = await member.PUT(send("PUT", created.id, { body: changed, headers: { "If-Match": `"${claimId}.1"` } }), ctx(claimId));
    expect(stale.status).toBe(412);
    const moved = { ...changed, target: { source: `${APP}/articles/${article.id}`, selector: { type: "TextQuoteSelector", exact: "cost had doubled" } } };
    expect((await member.PUT(send("PUT", created.id, { body: moved, headers: { "If-Match": `"${claimId}.2"` } }), ctx(claimId))).status).toBe(400);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ version: 2, restatement: "The mayor promised 4,000 jobs" });
  });

  it("DELETE removes the claim (204), refusing a stale If-Match (412); another reviewer may not (403)", async () => {
    as(reviewer);
    const created = await (await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs") }), ctx())).json();
    const claimId = created.id.slice(containerUrl().length);
    as(editor);
    expect((await member.DELETE(send("DELETE", created.id, { headers: { "If-Match": `"${claimId}.7"` } }), ctx(claimId))).status).toBe(412);
    as(otherReviewer);
    expect((await member.DELETE(send("DELETE", created.id), ctx(claimId))).status).toBe(404);
    as(reviewer);
    expect((await member.DELETE(send("DELETE", created.id), ctx(claimId))).status).toBe(204);
    expect(await prisma.claim.count({ where: { id: claimId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: claimId, action: "claim.delete" } })).toBe(1);
  });

  it("GET of one annotation has the Resource link, its version's ETag and Vary", async () => {
    as(reviewer);
    const claim = await makeClaim(reviewer, article, "4,000 jobs");
    const response = await member.GET(send("GET", `${containerUrl()}${claim.id}`), ctx(claim.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(response.headers.get("etag")).toBe(`"${claim.id}.1"`);
    expect(response.headers.get("vary")).toContain("Accept");
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
  });
});

describe("personal API tokens", () => {
  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

  it("act as their user: a read token reads, a read-write token writes, a read token may not write", async () => {
    const read = await createApiToken(reviewer, { name: "reader", scope: "READ" });
    const write = await createApiToken(reviewer, { name: "writer", scope: "READ_WRITE" });
    expect((await container.GET(send("GET", containerUrl(), { headers: bearer(read.secret) }), ctx())).status).toBe(200);
    const refused = await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs"), headers: bearer(read.secret) }), ctx());
    expect(refused.status).toBe(403);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
    const created = await container.POST(send("POST", containerUrl(), { body: claimAnnotation("4,000 jobs"), headers: bearer(write.secret) }), ctx());
    expect(created.status).toBe(201);
    expect(await prisma.claim.findFirstOrThrow({ where: { articleId: article.id } })).toMatchObject({ authorId: reviewer.id });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: write.id } })).lastUsedAt).not.toBeNull();
  });

  it("stop working when revoked, when the user is disabled, and are unknown when made up", async () => {
    const token = await createApiToken(reviewer, { name: "tool", scope: "READ" });
    await prisma.user.update({ where: { id: reviewer.id }, data: { disabledAt: new Date() } });
    expect((await container.GET(send("GET", containerUrl(), { headers: bearer(token.secret) }), ctx())).status).toBe(401);
    await prisma.user.update({ where: { id: reviewer.id }, data: { disabledAt: null } });
    await revokeApiToken(reviewer, { tokenId: token.id });
    expect((await container.GET(send("GET", containerUrl(), { headers: bearer(token.secret) }), ctx())).status).toBe(401);
    expect((await container.GET(send("GET", containerUrl(), { headers: bearer("vrt_made-up") }), ctx())).status).toBe(401);
  });

  it("are stored only as hashes, shown once, revoked only by their owner, and audited", async () => {
    const token = await createApiToken(reviewer, { name: "tool", scope: "READ_WRITE" });
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(stored)).not.toContain(token.secret);
    await expect(revokeApiToken(otherReviewer, { tokenId: token.id })).rejects.toThrow("That token was not found.");
    await revokeApiToken(reviewer, { tokenId: token.id });
    const events = await prisma.auditEvent.findMany({ where: { entityId: reviewer.id, action: { in: ["api_token.create", "api_token.revoke"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.entityId])).toEqual([
      ["api_token.create", reviewer.id, reviewer.id],
      ["api_token.revoke", reviewer.id, reviewer.id],
    ]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(token.secret);
  });
});
