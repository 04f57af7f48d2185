import net from "node:net";
import { startNewsServer, LATIN_TEXT, NEWS_PATH, type NewsServer } from "./__fixtures__/news-server";
import { fetchPage, type ResolvedAddress } from "./safe-fetch";

let site: NewsServer;
beforeAll(async () => {
  site = await startNewsServer();
});
afterAll(() => site.close());

const allowed = () => ({ allowHosts: new Set([site.host]) });
/** A resolver that answers every name with these addresses and sends no DNS query. */
const resolvingTo =
  (...addresses: string[]) =>
  async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: net.isIP(address) as 4 | 6 }));

describe("fetchPage from an allowed local site", () => {
  it("fetches the page and follows up to five redirects", async () => {
    const direct = await fetchPage(site.origin + NEWS_PATH, allowed());
    expect(direct.html).toContain("Harbour council approves £12m sea wall");
    const redirected = await fetchPage(`${site.origin}/redirect/4`, allowed());
    expect(redirected.url).toBe(site.origin + NEWS_PATH);
    expect(redirected.html).toBe(direct.html);
  });

  it("refuses a sixth redirect", async () => {
    await expect(fetchPage(`${site.origin}/redirect/5`, allowed())).rejects.toThrow("The page redirected more than 5 times.");
  });

  it("connects to the address it checked: a name only the injected resolver knows is fetched", async () => {
    const resolve = jest.fn(resolvingTo("127.0.0.1"));
    const port = site.host.split(":")[1];
    const page = await fetchPage(`http://gazette.invalid:${port}${NEWS_PATH}`, { resolve, allowHosts: new Set([`gazette.invalid:${port}`]) });
    expect(page.html).toContain("sea wall");
    // One lookup, Verity's own; Node made none (it could not resolve .invalid).
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("reads a gzip-compressed page", async () => {
    expect((await fetchPage(`${site.origin}/gzip`, allowed())).html).toContain("eastern promenade");
  });

  it("honours the page's charset: a windows-1252 <meta charset> and an ISO-8859-1 header", async () => {
    expect((await fetchPage(`${site.origin}/windows-1252`, allowed())).html).toContain(LATIN_TEXT);
    expect((await fetchPage(`${site.origin}/iso-8859-1`, allowed())).html).toContain("Le conseil a voté « oui » : 12 000 EUR pour l'été, déjà décidé.");
  });

  it("refuses what is not an HTML page", async () => {
    await expect(fetchPage(`${site.origin}/report.pdf`, allowed())).rejects.toThrow("The address is not a web page (it is of type application/pdf); only HTML pages can be imported.");
    await expect(fetchPage(`${site.origin}/data.json`, allowed())).rejects.toThrow("of type application/json");
    await expect(fetchPage(`${site.origin}/missing`, allowed())).rejects.toThrow("The site answered 404 Not Found instead of the page.");
  });

  it("stops a page that passes the size limit while it streams", async () => {
    const started = Date.now();
    await expect(fetchPage(`${site.origin}/big`, { ...allowed(), maxBytes: 1024 * 1024 })).rejects.toThrow("The page is larger than 1 MB.");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a page that takes longer than the total timeout", async () => {
    await expect(fetchPage(`${site.origin}/slow`, { ...allowed(), totalTimeoutMs: 300 })).rejects.toThrow("The site took longer than 0.3 seconds to send the page.");
  });
});

describe("fetchPage refuses before connecting", () => {
  let connect: jest.SpyInstance;
  beforeEach(() => {
    connect = jest.spyOn(net.Socket.prototype, "connect");
  });
  afterEach(() => {
    expect(connect).not.toHaveBeenCalled();
    connect.mockRestore();
  });

  it.each([
    ["10.0.0.1", "a private network address"],
    ["192.168.1.20", "a private network address"],
    ["169.254.169.254", "a link-local address (where cloud metadata services answer)"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["127.0.0.1", "a loopback address (this server itself)"],
    ["0.0.0.0", "an unspecified address"],
    ["224.0.0.251", "a multicast address"],
    ["::1", "a loopback address (this server itself)"],
    ["fd00::1", "a private network address"],
    ["fe80::1", "a link-local address"],
    ["::ffff:10.0.0.1", "a private network address"],
    ["::ffff:169.254.169.254", "a link-local address"],
    ["::", "an unspecified address"],
    ["ff02::1", "a multicast address"],
  ])("a name that resolves to %s", async (address, kind) => {
    await expect(fetchPage("https://news.example/story", { resolve: resolvingTo(address) })).rejects.toThrow(`The address ${address} is ${kind}`);
  });

  it("a name with one inner address among public ones", async () => {
    await expect(fetchPage("https://news.example/", { resolve: resolvingTo("93.184.215.14", "10.1.2.3") })).rejects.toThrow("10.1.2.3 is a private network address");
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["http://[::1]:1/", "::1 is a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["http://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["http://127.0.0.1:1/", "127.0.0.1 is a loopback address"],
  ])("an address in the URL itself: %s", async (url, message) => {
    await expect(fetchPage(url, { resolve: resolvingTo() })).rejects.toThrow(message);
  });

  it.each([
    ["ftp://news.example/story.html", "Only http:// and https:// pages can be imported, not ftp://."],
    ["file:///etc/passwd", "not file://."],
    ["javascript:alert(1)", "not javascript://."],
    ["not a url", "Enter a web address starting with http:// or https://."],
    ["https://user:secret@news.example/", "A web address with a user name or password cannot be imported."],
  ])("a URL that is not http(s): %s", async (url, message) => {
    await expect(fetchPage(url, { resolve: resolvingTo("93.184.215.14") })).rejects.toThrow(message);
  });

  it("a name that does not resolve", async () => {
    await expect(fetchPage("https://nowhere.example/", { resolve: resolvingTo() })).rejects.toThrow("The name nowhere.example could not be found.");
  });
});

it("refuses a redirect to a metadata address without connecting to it", async () => {
  const before = site.connections();
  const connect = jest.spyOn(net.Socket.prototype, "connect");
  await expect(fetchPage(`${site.origin}/to-metadata`, allowed())).rejects.toThrow("169.254.169.254 is a link-local address");
  // The one connection made was to the local site; none to the redirect's target.
  expect(connect).toHaveBeenCalledTimes(1);
  expect(site.connections() - before).toBe(1);
  connect.mockRestore();
});

it("refuses the local site when it is not in the allowed hosts", async () => {
  const before = site.connections();
  await expect(fetchPage(site.origin + NEWS_PATH, { allowHosts: new Set() })).rejects.toThrow("127.0.0.1 is a loopback address (this server itself)");
  expect(site.connections()).toBe(before);
});
